package io.hyclus.analysis.training;

import io.hyclus.analysis.model.EpochListener;
import io.hyclus.analysis.model.EpochRecord;
import io.hyclus.analysis.model.MinMaxScaler;
import io.hyclus.analysis.model.ModelMetadata;
import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.ModelRegistry;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.SpectralModel;
import io.hyclus.analysis.model.SpectralModels;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.analysis.model.TrainingSettings;
import io.hyclus.core.HyclusVersion;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits a model on training data and stores it: the MinMax scaler is fitted on the training part only, both parts are
 * scaled, the model is built by {@link SpectralModels#create} from the job's seed and fitted, and the result is saved
 * as the next version of {@link TrainingJob#modelName()} with its metadata and provenance, then promoted if asked.
 */
public final class TrainingRun {
    private final ModelRegistry registry;
    private final InstantSource clock;

    /** Where the model went and what it is. */
    public record Result(ModelRef ref, Path dir, TrainedModel model, boolean promoted) {
        public List<EpochRecord> epochs() {
            return model.metadata().epochs();
        }
    }

    public TrainingRun(ModelRegistry registry, InstantSource clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public Result run(TrainingData data, TrainingJob job, EpochListener listener) {
        MinMaxScaler scaler = MinMaxScaler.fit(data.train());
        SpectraBlock train = scaler.transform(data.train());
        SpectraBlock validation = scaler.transform(data.validationSpectra());
        TrainingSettings settings = job.settings();
        SpectralModel model = SpectralModels.create(job.spec(), train.bands(), settings.seed());
        List<EpochRecord> epochs = model.fit(train, validation, settings, listener);
        ModelMetadata meta = new ModelMetadata(new ModelRef(job.modelName(), 1), job.spec(), job.data().camera(),
                data.wavelengthNm(), settings.seed(), data.sha256(), data.trainingSamples(), data.validation(), epochs,
                HyclusVersion.get(), clock.instant(), provenance(data, job));
        ModelRef ref = registry.save(new TrainedModel(meta, scaler, model));
        if (job.promote()) {
            registry.promote(ref);
        }
        return new Result(ref, registry.versionDir(ref), new TrainedModel(meta.withRef(ref), scaler, model),
                job.promote());
    }

    /** The job's own provenance plus the data selection and the training settings, under {@code data.*} and {@code training.*}. */
    static Map<String, String> provenance(TrainingData data, TrainingJob job) {
        Map<String, String> p = new TreeMap<>(job.provenance());
        TrainingDataSettings d = job.data();
        TrainingSettings t = job.settings();
        p.put("data.camera", d.camera().name());
        p.put("data.filter", d.filter().describe());
        p.put("data.spectra_per_sample", Integer.toString(d.spectraPerSample()));
        p.put("data.validation", d.validation().id());
        p.put("data.validation_fraction", Double.toString(d.validationFraction()));
        p.put("data.containers", Integer.toString(data.containersRead()));
        p.put("data.containers_skipped", Integer.toString(data.skipped().size()));
        p.put("data.samples.train", Integer.toString(data.trainingSamples().size()));
        p.put("data.samples.validation", Integer.toString(data.validationSamples().size()));
        p.put("data.validation_samples", String.join(",", data.validationSamples()));
        p.put("data.spectra.train", Integer.toString(data.train().rows()));
        p.put("data.spectra.validation", Integer.toString(data.validationSpectra().rows()));
        p.put("training.threads", Integer.toString(t.threads()));
        p.put("training.batch_size", Integer.toString(t.batchSize()));
        p.put("training.max_epochs", Integer.toString(t.maxEpochs()));
        p.put("training.learning_rate", Double.toString(t.learningRate()));
        p.put("training.rmsprop", "rho " + t.rho() + ", epsilon " + t.epsilon());
        p.put("training.early_stopping_patience", Integer.toString(t.earlyStoppingPatience()));
        p.put("training.plateau", "patience " + t.plateauPatience() + ", factor " + t.plateauFactor() + ", min "
                + t.minLearningRate() + ", min delta " + t.minDelta());
        return p;
    }
}
