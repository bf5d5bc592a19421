package io.hyclus.analysis.training;

import io.hyclus.analysis.model.SpectraBlock;

import java.util.List;

/**
 * Spectra selected for training, split into training and validation parts, unscaled (reflectance).
 *
 * @param wavelengthNm       band centres shared by every container read, nm
 * @param trainingSamples    {@code scanId/sampleId} of the samples with spectra in {@code train}, sorted
 * @param validationSamples  the same for {@code validation}, sorted (with {@link ValidationMode#RANDOM} both lists
 *                           hold every sample)
 * @param sha256             SHA-256 of every selected spectrum, sample by sample in file order, float32 little-endian
 * @param validation         how validation was held out, in words (recorded in the model's metadata)
 * @param containersRead     containers that passed the filter
 * @param skipped            one line per container skipped (no spectra of the camera), naming the file
 */
public record TrainingData(SpectraBlock train, SpectraBlock validationSpectra, double[] wavelengthNm,
                           List<String> trainingSamples, List<String> validationSamples, String sha256,
                           String validation, int containersRead, List<String> skipped) {
    public TrainingData {
        wavelengthNm = wavelengthNm.clone();
        trainingSamples = List.copyOf(trainingSamples);
        validationSamples = List.copyOf(validationSamples);
        skipped = List.copyOf(skipped);
    }

    @Override
    public double[] wavelengthNm() {
        return wavelengthNm.clone();
    }
}
