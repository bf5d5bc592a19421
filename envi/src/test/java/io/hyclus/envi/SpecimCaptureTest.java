package io.hyclus.envi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpecimCaptureTest {
    @TempDir
    Path dir;

    private static EnviHeader header() {
        return EnviHeader.of(2, 0, 2, EnviDataType.UINT16, Interleave.BIL, EnviByteOrder.LITTLE_ENDIAN)
                .withWavelengths(new double[] {500, 600}, new double[0]);
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void commit_writesSpecimLayout_andLocateFindsIt() throws IOException {
        Path cap = dir.resolve("scan-1");
        try (SpecimCaptureWriter w = SpecimCaptureWriter.create(cap, "scan-1_vnir")) {
            w.dark(header()).writeLine(new float[] {1, 2, 3, 4});
            w.white(header()).writeLine(new float[] {10, 20, 30, 40});
            EnviWriter data = w.data(header());
            data.writeLine(new float[] {5, 6, 7, 8});
            data.writeLine(new float[] {9, 10, 11, 12});
            w.commit();
        }
        assertEquals(List.of("capture"), names(cap));
        assertEquals(List.of("DARKREF_scan-1_vnir.hdr", "DARKREF_scan-1_vnir.raw", "WHITEREF_scan-1_vnir.hdr",
                "WHITEREF_scan-1_vnir.raw", "scan-1_vnir.hdr", "scan-1_vnir.raw"), names(cap.resolve("capture")));
        SpecimCapture c = SpecimCapture.locate(cap);
        assertEquals("scan-1_vnir", c.name());
        try (EnviReader r = c.openData()) {
            assertEquals(2, r.header().lines());
            float[] l = r.newLine();
            r.readLine(1, l);
            assertArrayEquals(new float[] {9, 10, 11, 12}, l);
        }
    }

    @Test
    void close_withoutCommit_leavesNothing() throws IOException {
        Path cap = dir.resolve("failed");
        try (SpecimCaptureWriter w = SpecimCaptureWriter.create(cap, "x")) {
            w.dark(header()).writeLine(new float[] {1, 2, 3, 4});
            w.data(header()).writeLine(new float[] {1, 2, 3, 4});
        }
        assertEquals(List.of(), names(cap));
    }

    @Test
    void create_existingCapture_refused() throws IOException {
        Files.createDirectories(dir.resolve("old/capture"));
        var e = assertThrows(EnviException.class, () -> SpecimCaptureWriter.create(dir.resolve("old"), "x"));
        assertEquals("will not overwrite the capture in " + dir.resolve("old/capture") + ": choose another folder",
                e.getMessage());
    }

    @Test
    void locate_missingWhiteReference_namesFile() throws IOException {
        Path c = Files.createDirectories(dir.resolve("third/capture"));
        Files.writeString(c.resolve("s.hdr"), "ENVI\n");
        Files.writeString(c.resolve("DARKREF_s.hdr"), "ENVI\n");
        var e = assertThrows(EnviException.class, () -> SpecimCapture.locate(dir.resolve("third")));
        assertEquals("capture " + c.resolve("s.hdr") + " has no reference " + c.resolve("WHITEREF_s.hdr"), e.getMessage());
        assertFalse(Files.exists(c.resolve("WHITEREF_s.hdr")));
    }

    @Test
    void commit_withoutWhite_refusedAndNothingMoved() throws IOException {
        Path cap = dir.resolve("partial");
        try (SpecimCaptureWriter w = SpecimCaptureWriter.create(cap, "y")) {
            w.dark(header()).writeLine(new float[] {1, 2, 3, 4});
            w.data(header()).writeLine(new float[] {1, 2, 3, 4});
            var e = assertThrows(EnviException.class, w::commit);
            assertEquals("capture " + cap.resolve("capture/y.hdr") + " is incomplete: WHITEREF_y.hdr was never written",
                    e.getMessage());
        }
        assertEquals(List.of(), names(cap));
    }
}
