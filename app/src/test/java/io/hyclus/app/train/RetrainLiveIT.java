package io.hyclus.app.train;

import io.hyclus.analysis.live.CameraCodes;
import io.hyclus.analysis.live.EncodedSample;
import io.hyclus.analysis.livemap.SamplePlacement;
import io.hyclus.app.demo.DemoPipeline;
import io.hyclus.app.demo.DemoResult;
import io.hyclus.app.demo.DemoSettings;
import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hyclus retrain --promote} while the demo's live path (segmentation, live encoder, live map) keeps running: the
 * next scan's samples are encoded with the new version (their codes name it), the other camera keeps its model, and
 * the live map starts a new map for the new model's codes.
 */
@Timeout(900)
class RetrainLiveIT {
    @TempDir
    Path work;

    @Test
    void retrainAndPromote_whileTheLivePathRuns_nextSamplesUseTheNewModel_mapStartsAgain() throws Exception {
        DemoSettings s = new DemoSettings(work, Optional.empty(), Optional.empty(), 3, 7, 96, 224, 2.0,
                Duration.ofSeconds(300), true);
        try (DemoPipeline p = DemoPipeline.start(s, InstantSource.system(), new PrintWriter(new StringWriter()))) {
            DemoResult first = p.runScan();
            for (Optional<EncodedSample> c : first.codes().values()) {
                assertEquals("dense-ae-16-vnir@1", ref(c, SensorKind.VNIR));
            }
            int mapBefore = first.mapVersion();
            assertTrue(mapBefore >= 1, "a map fitted on the first scan: v" + mapBefore);

            TrainCommandTest.Run r = TrainCommandTest.run("retrain", "--work-dir", work.toString(), "--model", "pca-16",
                    "--camera", "VNIR", "--spectra-per-sample", "300", "--validation-fraction", "0.34", "--promote");
            assertEquals(0, r.rc(), r.out() + r.err());
            assertTrue(r.out().contains("Compared on 300 held-out spectra of 1 samples"), r.out());
            assertTrue(java.util.regex.Pattern.compile("(?m)^  dense-ae-16-vnir@1 +promoted +0\\.\\d{5} +\\d\\.\\d{3}e-\\d\\d  0$")
                    .matcher(r.out()).find(), r.out());
            assertTrue(r.out().contains("Promoted pca-16-vnir@1 for VNIR (was dense-ae-16-vnir@1)"), r.out());
            assertEquals("pca-16-vnir@1\n", Files.readString(work.resolve("models/promoted/VNIR")));
            p.pipeline().checkHealth(); // the live path kept running through the retraining

            DemoResult second = p.runScan();
            assertTrue(!second.scan().scanId().equals(first.scan().scanId()));
            for (Optional<EncodedSample> c : second.codes().values()) {
                assertEquals("pca-16-vnir@1", ref(c, SensorKind.VNIR));
                assertEquals("dense-ae-16-swir@1", ref(c, SensorKind.SWIR));
            }
            for (SamplePlacement placed : second.map().values()) {
                assertTrue(placed.placed(), placed.toString());
                assertTrue(placed.version() > mapBefore, "a new map for the new model's codes: " + placed);
            }
        }
    }

    private static String ref(Optional<EncodedSample> codes, SensorKind k) {
        CameraCodes c = codes.orElseThrow(() -> new AssertionError("a sample was not encoded")).camera(k).orElseThrow();
        return c.modelRef();
    }
}
