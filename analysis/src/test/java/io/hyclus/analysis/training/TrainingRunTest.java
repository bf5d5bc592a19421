package io.hyclus.analysis.training;

import io.hyclus.analysis.model.Architecture;
import io.hyclus.analysis.model.EpochRecord;
import io.hyclus.analysis.model.Losses;
import io.hyclus.analysis.model.MinMaxScaler;
import io.hyclus.analysis.model.ModelMetadata;
import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.ModelRegistry;
import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.analysis.model.TrainingSettings;
import io.hyclus.core.HyclusVersion;
import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.hyclus.core.tray.GrainSizeFraction.MINUS_100;
import static io.hyclus.core.tray.GrainSizeFraction.PLUS_100;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingRunTest {
    @TempDir
    Path dir;

    @Test
    void run_pca_scalerFromTrainingPartOnly_metadataAndProvenance_savedAndPromoted() {
        Path samples = dir.resolve("samples");
        for (int i = 0; i < 6; i++) {
            Containers.write(samples, "scan", "S" + i, "Plant-" + (1 + i % 2), 1 + i, i < 3 ? MINUS_100 : PLUS_100, 80, i);
        }
        TrainingDataSettings ds = new TrainingDataSettings(samples, SensorKind.VNIR, SampleFilter.ALL, 50,
                ValidationMode.SAMPLES, 0.34, 9);
        TrainingData data = TrainingDataReader.read(ds);
        ModelRegistry reg = ModelRegistry.open(dir.resolve("models"));
        Instant now = Instant.parse("2026-11-25T23:00:00Z");
        List<EpochRecord> told = new ArrayList<>();
        TrainingJob job = new TrainingJob(new ModelSpec(Architecture.PCA, 3), ds, TrainingSettings.study(9), true,
                Map.of("command", "hyclus train --model pca --code-size 3"));

        TrainingRun.Result r = new TrainingRun(reg, InstantSource.fixed(now)).run(data, job, (e, max) -> told.add(e));

        assertEquals(new ModelRef("pca-3-vnir", 1), r.ref());
        assertEquals(reg.versionDir(r.ref()), r.dir());
        assertEquals(Optional.of(r.ref()), reg.promoted(SensorKind.VNIR));
        TrainedModel m = reg.load(r.ref());
        assertEquals(MinMaxScaler.fit(data.train()), m.scaler(), "scaler fitted on the training part only");
        ModelMetadata meta = m.metadata();
        assertEquals(now, meta.createdAt());
        assertEquals(data.sha256(), meta.trainingDataSha256());
        assertEquals(data.trainingSamples(), meta.samples());
        assertEquals(4, meta.samples().size());
        assertEquals("whole samples: 2 of 6 held out (fraction 0.34, seed 9)", meta.validation());
        assertArrayEquals(Containers.vnirGrid(0), meta.wavelengthNm());
        assertEquals(9, meta.seed());
        assertEquals(HyclusVersion.get(), meta.softwareVersion());
        assertEquals(told, meta.epochs());
        assertEquals(1, meta.epochs().size());
        SpectraBlock train = m.scaler().transform(data.train());
        SpectraBlock val = m.scaler().transform(data.validationSpectra());
        assertEquals(Losses.binaryCrossEntropy(train, m.model().decode(m.model().encode(train))),
                meta.epochs().get(0).trainLoss(), 1e-12, "recorded train loss is the loaded model's on the scaled training part");
        assertEquals(Losses.binaryCrossEntropy(val, m.model().decode(m.model().encode(val))),
                meta.epochs().get(0).validationLoss(), 1e-12);
        Map<String, String> p = meta.provenance();
        assertEquals("hyclus train --model pca --code-size 3", p.get("command"));
        assertEquals("200", p.get("data.spectra.train"));
        assertEquals("100", p.get("data.spectra.validation"));
        assertEquals(String.join(",", data.validationSamples()), p.get("data.validation_samples"));
        assertEquals("all samples", p.get("data.filter"));
        assertEquals("VNIR", p.get("data.camera"));
        assertEquals("1", p.get("training.threads"));
        assertEquals("6", p.get("data.containers"));
        assertArrayEquals(r.model().encode(data.validationSpectra()).values(), m.encode(data.validationSpectra()).values(),
                "the model in memory and the one loaded back give the same codes");
    }
}
