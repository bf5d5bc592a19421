package io.hyclus.analysis.model;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the registry keeps about a model version beside its weights (stored as {@code model.json}).
 *
 * @param ref                 name and version in the registry
 * @param spec                architecture and code size
 * @param input               which spectra it takes (one camera's; stitched spectra once they exist)
 * @param wavelengthNm        band centres of the spectra it was trained on, nm; data must match to be encoded
 * @param seed                initialisation and shuffling seed
 * @param trainingDataSha256  hash of the training spectra as fed (after selection, before scaling)
 * @param samples             the training samples, {@code scanId/sampleId}, sorted
 * @param validation          how validation data was held out, e.g. {@code whole samples: 8 of 72 (seed 42)}
 * @param epochs              losses per epoch (Keras-scale BCE)
 * @param softwareVersion     HyClus version that trained it
 * @param createdAt           when training finished
 * @param provenance          anything else (command, thread count, data filters, source containers' provenance)
 */
public record ModelMetadata(ModelRef ref, ModelSpec spec, SensorKind input, double[] wavelengthNm, long seed,
                            String trainingDataSha256, List<String> samples, String validation,
                            List<EpochRecord> epochs, String softwareVersion, Instant createdAt,
                            Map<String, String> provenance) {
    public ModelMetadata {
        Checks.notNull("model reference", ref);
        Checks.notNull("model spec", spec);
        Checks.notNull("model input", input);
        Checks.notNull("wavelengths", wavelengthNm);
        if (wavelengthNm.length == 0) {
            throw new IllegalArgumentException("model " + ref + " has no wavelengths");
        }
        wavelengthNm = wavelengthNm.clone();
        Checks.notBlank("training data hash", trainingDataSha256);
        samples = List.copyOf(samples);
        Checks.notNull("validation", validation);
        epochs = List.copyOf(epochs);
        Checks.notBlank("software version", softwareVersion);
        Checks.notNull("creation time", createdAt);
        provenance = Map.copyOf(provenance);
    }

    public int bands() {
        return wavelengthNm.length;
    }

    @Override
    public double[] wavelengthNm() {
        return wavelengthNm.clone();
    }

    public ModelMetadata withRef(ModelRef newRef) {
        return new ModelMetadata(newRef, spec, input, wavelengthNm, seed, trainingDataSha256, samples, validation,
                epochs, softwareVersion, createdAt, provenance);
    }
}
