package io.hyclus.app.campaign;

import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.app.Main;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole 72-sample campaign, 12 trays, scanned end to end in simulation through the serial drivers
 * (conveyor and both cameras on socat ptys), through the embedded broker and segmentation into containers.
 * Cameras are small (64 x 16 and 32 x 16) to keep it quick; the path is the full one.
 */
@Timeout(400)
class CampaignIT {
    @TempDir
    Path work;

    @Test
    void campaign_72Samples_eachContainerHoldsBothCameras() throws IOException {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int rc = cl.execute("campaign", "--exit-when-done", "--work-dir", work.toString(), "--vnir", "64x16",
                "--swir", "32x16", "--belt-speed", "150", "--frame-rate", "150", "--timeout-seconds", "120");
        assertEquals(0, rc, out.toString());
        assertTrue(out.toString().contains("Campaign: 12 trays, 72 sample containers in "), out.toString());
        List<Path> files;
        try (Stream<Path> s = Files.walk(work.resolve("samples"))) {
            files = s.filter(p -> p.toString().endsWith(".h5")).sorted().toList();
        }
        assertEquals(72, files.size());
        Set<String> designs = new HashSet<>();
        for (Path f : files) {
            SampleSpectra s = SampleContainerReader.read(f);
            designs.add(s.metadata().plant() + "|" + s.metadata().month() + "|" + s.metadata().fraction());
            for (SensorKind k : SensorKind.values()) {
                assertTrue(s.camera(k).orElseThrow().size() > 100, f + " " + k + " spectra");
            }
            String vnir = s.provenance().get("segmentation.lines_received.vnir");
            assertEquals(vnir, s.provenance().get("segmentation.lines_received.swir"), f.toString());
            assertTrue(vnir.matches("(\\d+) of \\1 published"), vnir);
            assertEquals("1000", s.provenance().get("scan.line_pitch_um"), "150 mm/s at 150 Hz: " + f);
            assertTrue(s.provenance().get("calibration.swir.dark_frames").matches("16 \\(sequence \\d+-\\d+\\)"), f.toString());
            assertEquals("20261125", s.provenance().get("simulator.seed"), "the default seed: " + f);
            String mixture = s.provenance().get("simulator.mixture." + s.metadata().sampleId());
            assertTrue(mixture != null && mixture.matches("[^,]+ \\d\\.\\d{3}(, [^,]+ \\d\\.\\d{3})*"), f + ": " + mixture);
        }
        assertEquals(72, designs.size(), "3 plants x 12 months x 2 fractions, each once");
        assertTrue(designs.contains("Plant-3|" + YearMonth.of(2025, 12) + "|" + GrainSizeFraction.PLUS_100));
    }
}
