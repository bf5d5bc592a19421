package io.hyclus.container;

import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TraySlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any identifier maps to one safe, unique path segment; the writer never writes outside its output directory. */
class SafeFileNamesTest {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._~-]{0,98}[A-Za-z0-9_-]|[A-Za-z0-9]");

    /** Every kind of hostile identifier, each differing from the others in a way a naive mapping would lose. */
    static final List<String> HOSTILE = List.of(
            "../../etc/passwd", "..", ".", "", "a/b", "a\\b", "a_b", "/abs", "C:\\x", "a\u0000b", "a\u0000c",
            "line\nbreak", "tab\tbed", "bell\u0007", "CON", "con", "NUL", "nul.txt", "COM1", "LPT9.h5", "AUX.tar.gz",
            "PRN", "trailing.", "trailing ", " lead", "-rf", ".hidden", "x".repeat(300), "x".repeat(299) + "y",
            "é-accent", "e\u0301-accent", "\uD800", "\uD801", "~tilde", "a~b", "A-1", "P1-2025-01-M100",
            "y".repeat(SafeFileNames.MAX_VERBATIM), "y".repeat(SafeFileNames.MAX_VERBATIM + 1));

    @Test
    void everyIdentifier_mapsToOneSafeSegment_andNoTwoShareIt() {
        Set<String> names = new HashSet<>();
        for (String id : HOSTILE) {
            String name = SafeFileNames.of(id);
            String shown = id.length() > 20 ? id.substring(0, 20) + "... (" + id.length() + ")" : id;
            assertTrue(SAFE.matcher(name).matches(), "'" + shown + "' -> '" + name + "'");
            assertFalse(name.equals(".") || name.equals(".."), shown);
            assertTrue((name + SampleContainerFormat.PARTIAL_SUFFIX).length() < 255, shown);
            assertFalse(SafeFileNames.isVerbatim(name) && !name.equals(id), "a hashed name is never verbatim: " + name);
            assertTrue(names.add(name), "'" + shown + "' maps to '" + name + "', already taken");
            assertEquals(name, SafeFileNames.of(id), "stable");
        }
    }

    @Test
    void ordinaryIdentifiers_keepTheirName_othersAHashedReadableOne() {
        assertEquals("P1-2025-01-M100", SafeFileNames.of("P1-2025-01-M100"));
        assertEquals("scan-20251125T010203Z.1", SafeFileNames.of("scan-20251125T010203Z.1"));
        assertTrue(SafeFileNames.of("CON").startsWith("CON~"), SafeFileNames.of("CON"));
        assertTrue(SafeFileNames.of("../../etc/passwd").startsWith("_.._etc_passwd~"), SafeFileNames.of("../../etc/passwd"));
        assertEquals(64 + 1 + 16, SafeFileNames.of("x".repeat(300)).length());
    }

    @TempDir
    Path dir;

    private static final Sensor VNIR = new Sensor("VNIR-1", SensorKind.VNIR, WavelengthGrid.uniform(400, 1000, 3, 1.0), 8);

    private static SampleContainer container(String scanId, String sampleId) {
        SampleCube cube = new SampleCube(new CameraSetup(VNIR, new AcrossTrackGeometry(0, 1, 0)),
                new float[][] {{0.1f, 0.2f, 0.3f}}, new long[] {4}, new int[] {2}, new double[][] {{2, 4}});
        return new SampleContainer(scanId, "tray-1", new TraySlot(0, new SampleMetadata(sampleId, "Plant-1",
                YearMonth.of(2025, 1), GrainSizeFraction.MINUS_100), new RegionMm(0, 0, 8, 8)), List.of(cube),
                Provenance.builder().put(io.hyclus.core.provenance.ProvenanceKeys.SOFTWARE_VERSION, "t").build());
    }

    /**
     * The hostile identifiers the domain accepts as sample and scan ids (reserved device names, trailing dots, 128
     * characters); the others ('/', NUL, control characters, 300 characters) are refused by {@code SampleMetadata}
     * and {@code ScanStarted} before they reach a writer, and would be named safely by {@link SafeFileNames} if they did.
     */
    @Test
    void writer_reservedAndLongIds_fileInsideOutputDir_underItsSafeName_realIdInTheAttributes() throws Exception {
        List<String> ids = List.of("CON", "nul.txt", "Aux", "COM1.h5", "trailing.", "a..b", "z".repeat(128), "A-1");
        Path out = dir.resolve("out");
        SampleContainerWriter writer = new SampleContainerWriter(out);
        Set<Path> written = new HashSet<>();
        for (String id : ids) {
            String scanId = id.equals("A-1") ? "LPT1" : "scan-" + id.length();
            Path file = writer.write(container(scanId, id));
            assertEquals(out.resolve(SafeFileNames.of(scanId)).resolve(SafeFileNames.of(id) + ".h5").toAbsolutePath(), file);
            assertEquals(out.toRealPath(), file.getParent().getParent().toRealPath());
            SampleSpectra read = SampleContainerReader.read(file);
            assertEquals(id, read.metadata().sampleId());
            assertEquals(scanId, read.scanId());
            assertTrue(written.add(file));
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(written, Set.copyOf(all.filter(Files::isRegularFile).map(Path::toAbsolutePath).toList()),
                    "nothing else was written, nothing outside " + out);
        }
    }

    @Test
    void writer_scanDirectoryLinkedOutside_refused_nothingWrittenThere() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("scan-1"), elsewhere);

        ContainerException e = assertThrows(ContainerException.class,
                () -> new SampleContainerWriter(out).write(container("scan-1", "A-1")));

        assertTrue(e.getMessage().contains("outside the output directory"), e.getMessage());
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
