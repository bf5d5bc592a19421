package io.hyclus.app.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyclus.analysis.model.Losses;
import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.ModelRegistry;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.analysis.training.SampleFilter;
import io.hyclus.analysis.training.TrainingData;
import io.hyclus.analysis.training.TrainingDataReader;
import io.hyclus.analysis.training.TrainingDataSettings;
import io.hyclus.analysis.training.ValidationMode;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.report.HeldOutAccuracy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.hyclus.core.tray.GrainSizeFraction.MINUS_100;
import static io.hyclus.core.tray.GrainSizeFraction.PLUS_100;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hyclus retrain} on tiny containers: trained as train does, compared on the held-out sample, promoted if asked. */
class RetrainCommandTest {
    @TempDir
    Path dir;

    private Path work() {
        Path samples = dir.resolve("work/samples");
        TinyContainers.write(samples, "scan-1", "P1-01-M", "Plant-1", 1, MINUS_100, 60, 1, 0);
        TinyContainers.write(samples, "scan-1", "P1-02-P", "Plant-1", 2, PLUS_100, 60, 2, 0);
        TinyContainers.write(samples, "scan-2", "P2-01-M", "Plant-2", 1, MINUS_100, 60, 3, 0);
        TinyContainers.write(samples, "scan-2", "P2-02-P", "Plant-2", 2, PLUS_100, 60, 4, 0);
        return dir.resolve("work");
    }

    @Test
    void retrain_comparesOnTheHeldOutSample_promotesOnlyWhenAsked() throws Exception {
        Path work = work();
        String w = work.toString();
        TrainCommandTest.Run first = TrainCommandTest.run("train", "--work-dir", w, "--model", "pca-3",
                "--spectra-per-sample", "40", "--validation-fraction", "0.25", "--seed", "7", "--promote");
        assertEquals(0, first.rc(), first.err());

        // a smaller code: it reconstructs worse, and is not promoted
        TrainCommandTest.Run worse = TrainCommandTest.run("retrain", "--work-dir", w, "--model", "pca-1",
                "--spectra-per-sample", "40", "--validation-fraction", "0.25", "--seed", "7");
        assertEquals(0, worse.rc(), worse.err());
        ModelRegistry registry = ModelRegistry.open(work.resolve("models"));
        assertEquals(new ModelRef("pca-3-vnir", 1), registry.promoted(SensorKind.VNIR).orElseThrow());
        assertTrue(worse.out().contains("Compared on 40 held-out spectra of 1 samples (whole samples: 1 of 4 held out"),
                worse.out());
        assertTrue(worse.out().contains("pca-1-vnir@1 reconstructs them no better than pca-3-vnir@1"), worse.out());
        assertTrue(worse.out().contains("Not promoted: pca-3-vnir@1 stays promoted for VNIR"), worse.out());

        // the comparison file holds the scores a direct reconstruction of the held-out spectra gives
        TrainingData data = TrainingDataReader.read(new TrainingDataSettings(work.resolve("samples"), SensorKind.VNIR,
                SampleFilter.ALL, 40, ValidationMode.SAMPLES, 0.25, 7));
        SpectraBlock heldOut = data.validationSpectra();
        TrainedModel pca1 = registry.load(new ModelRef("pca-1-vnir", 1));
        TrainedModel pca3 = registry.load(new ModelRef("pca-3-vnir", 1));
        double mse1 = Losses.meanSquaredError(heldOut, pca1.reconstruct(heldOut));
        double mse3 = Losses.meanSquaredError(heldOut, pca3.reconstruct(heldOut));
        assertTrue(mse3 < mse1, mse3 + " vs " + mse1);
        JsonNode json = new ObjectMapper().readTree(work.resolve("models/pca-1-vnir/v1/comparison.json").toFile());
        assertEquals("hyclus-model-comparison/1", json.get("format").asText());
        assertEquals(40, json.get("held_out_spectra").asInt());
        assertEquals(data.validationSamples(), List.of(json.get("held_out_samples").get(0).asText()));
        assertEquals("pca-1-vnir@1", json.get("candidate").get("ref").asText());
        assertEquals(mse1, json.get("candidate").get("mse").asDouble(), 1e-12 * Math.max(1, mse1));
        assertEquals("pca-3-vnir@1", json.get("promoted").get("ref").asText());
        assertEquals(mse3, json.get("promoted").get("mse").asDouble(), 1e-12 * Math.max(1, mse3));
        assertEquals(0, json.get("promoted").get("held_out_samples_seen_in_training").asInt(), "same split, same seed");
        assertFalse(json.get("candidate_better").asBoolean());
        double bce3 = pca3.metadata().epochs().get(0).validationLoss();
        assertEquals(bce3, json.get("promoted").get("bce").asDouble(), 1e-6, "the promoted model's own validation loss");

        // held-out-samples accuracy of both models: the report's split and classifier on the same containers, seed and
        // spectra per sample (the classifier itself is checked against scikit-learn by the report's tests)
        assertTrue(worse.out().contains("Held-out-samples accuracy per spectrum (by sample vote)"), worse.out());
        JsonNode acc = json.get("held_out_accuracy");
        assertTrue(acc.get("method").asText().startsWith("multinomial logistic regression"), acc.toString());
        List<HeldOutAccuracy> direct = HeldOutAccuracy.of(work.resolve("samples"), SensorKind.VNIR, List.of(pca1, pca3),
                40, 7, new java.util.ArrayList<>());
        assertEquals(2, direct.size());
        for (HeldOutAccuracy h : direct) {
            assertEquals(3, h.perSpectrum().size(), h.model() + ": grain size, plant and month each have two classes");
            h.perSpectrum().forEach((c, v) -> {
                assertTrue(v >= 0 && v <= 1, h.model() + " " + c + " " + v);
                assertEquals(v, acc.get("per_spectrum").get(h.model()).get(c.title()).asDouble(), 1e-12,
                        h.model() + " " + c);
                assertEquals(h.perSample().get(c), acc.get("per_sample").get(h.model()).get(c.title()).asDouble(), 1e-12,
                        h.model() + " " + c);
            });
        }
        assertTrue(acc.has("candidate_at_least_as_accurate"), acc.toString());

        // a larger code, promoted: better, and now the promoted one
        TrainCommandTest.Run better = TrainCommandTest.run("retrain", "--work-dir", w, "--model", "pca-4",
                "--spectra-per-sample", "40", "--validation-fraction", "0.25", "--seed", "7", "--promote");
        assertEquals(0, better.rc(), better.err());
        assertTrue(better.out().contains("pca-4-vnir@1 reconstructs them better than pca-3-vnir@1"), better.out());
        assertTrue(better.out().contains("Promoted pca-4-vnir@1 for VNIR (was pca-3-vnir@1)"), better.out());
        assertEquals("pca-4-vnir@1\n", Files.readString(work.resolve("models/promoted/VNIR")));
        JsonNode meta = new ObjectMapper().readTree(work.resolve("models/pca-4-vnir/v1/model.json").toFile());
        assertEquals("pca-3-vnir@1", meta.get("provenance").get("retrain.compared_with").asText());
    }

    @Test
    void retrain_nothingPromoted_saysSo_andStillScoresTheNewModel() throws Exception {
        Path work = work();
        TrainCommandTest.Run r = TrainCommandTest.run("retrain", "--work-dir", work.toString(), "--model", "pca-2",
                "--spectra-per-sample", "40", "--validation-fraction", "0.25");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().contains("  no model is promoted for VNIR"), r.out());
        assertTrue(r.out().contains("Not promoted: nothing is promoted for VNIR"), r.out());
        JsonNode json = new ObjectMapper().readTree(work.resolve("models/pca-2-vnir/v1/comparison.json").toFile());
        assertFalse(json.has("promoted"));
        assertTrue(json.get("candidate").get("mse").asDouble() > 0);
    }
}
