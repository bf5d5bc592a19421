package io.hyclus.streaming.segment;

import io.hyclus.container.SampleContainerReader;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.streaming.service.SegmentationService;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, disk full mid-write: containers go to a 1 MiB tmpfs filled up by a filler file. The completion fails with
 * one line naming the file and "No space left on device", leaves no file behind, keeps every fragment; once the filler
 * is deleted the same completion, processed again (as after the restart {@link ContainerWriteException} asks for),
 * writes both containers with the same spectra as a run with space. Needs root to mount; skipped otherwise.
 */
class SegmentationDiskFullTest {
    private static final int LINES = 18;

    @TempDir
    Path dir;
    private TinyDisk disk;
    private Path mount;

    @BeforeEach
    void mountTinyDisk() throws Exception {
        disk = TinyDisk.mount(dir.resolve("tiny"));
        mount = disk.root;
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void diskFullAtCompletion_clearError_noFileLeft_fragmentsKept_writtenInFullOnceSpaceReturns() throws Exception {
        List<float[][]> expected = new ArrayList<>();
        try (Run roomy = new Run(dir.resolve("roomy"), dir.resolve("roomy-state"))) {
            roomy.sendScan("scan-1");
            for (SampleContainerWritten w : roomy.samples.readValuesToList()) {
                expected.add(vnir(w));
            }
        }
        assertEquals(2, expected.size());

        Path out = mount.resolve("out");
        try (Run run = new Run(out, dir.resolve("state"))) {
            run.send(ScanFixture.start("scan-1"));
            for (long i = 0; i < LINES; i++) {
                run.send(ScanFixture.line("scan-1", i));
            }
            int fragments = run.fragments();
            Path filler = TinyDisk.fill(Files.createDirectories(out.resolve("scan-1")).resolve("filler"));

            StreamsException e = assertThrows(StreamsException.class, () -> run.send(ScanFixture.completed("scan-1", LINES)));

            String reason = SegmentationService.reason(e);
            String events = HyclusTopics.SCAN_EVENTS.name();
            assertEquals("cannot write container of sample A-1 (scan scan-1) to " + out.resolve("scan-1/A-1.h5")
                    + ": No space left on device; the completion at " + events + "/0@" + (LINES + 1) + " is not consumed "
                    + "and the scan's fragments are kept: remove the cause and start segmentation again to write the scan",
                    reason);
            assertEquals(List.of(filler), files(out), "nothing but the filler on the full disk");
            assertEquals(fragments, run.fragments(), "fragments kept");
            assertTrue(run.samples.isEmpty());

            Files.delete(filler);
            // The failed write's deleted .partial holds no space (jhdf's channel closed by the writer, not by GC).
            var store = Files.getFileStore(out);
            assertTrue(store.getTotalSpace() - store.getUsableSpace() < 64 * 1024,
                    "space still held on the tiny disk: " + (store.getTotalSpace() - store.getUsableSpace()) + " bytes");
            run.send(ScanFixture.completed("scan-1", LINES));

            List<SampleContainerWritten> written = run.samples.readValuesToList();
            assertEquals(List.of("A-1", "B-2"), written.stream().map(SampleContainerWritten::sampleId).toList());
            for (int k = 0; k < 2; k++) {
                float[][] actual = vnir(written.get(k));
                assertEquals(expected.get(k).length, actual.length);
                for (int i = 0; i < actual.length; i++) {
                    assertArrayEquals(expected.get(k)[i], actual[i], written.get(k).file() + " spectrum " + i);
                }
            }
            assertEquals(List.of(out.resolve("scan-1/A-1.h5"), out.resolve("scan-1/B-2.h5")), files(out));
            assertEquals(0, run.fragments(), "fragments deleted once written");
            assertTrue(run.dlq.isEmpty());
        }
    }

    private static float[][] vnir(SampleContainerWritten w) {
        return SampleContainerReader.read(Path.of(w.file())).camera(SensorKind.VNIR).orElseThrow().spectra();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** One driver on the production configuration, with a whole scan at a time. */
    private static final class Run extends SegmentationDriver {
        Run(Path out, Path state) {
            super(out, state);
        }

        void sendScan(String scanId) {
            send(ScanFixture.start(scanId));
            for (long i = 0; i < LINES; i++) {
                send(ScanFixture.line(scanId, i));
            }
            send(ScanFixture.completed(scanId, LINES));
        }

        int fragments() {
            return count(SegmentationTopology.FRAGMENTS_STORE);
        }
    }
}
