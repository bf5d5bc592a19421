package io.hyclus.analysis.training;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

import java.nio.file.Path;

/**
 * What training data to take from a folder of sample containers.
 *
 * @param samples            folder searched recursively for {@code *.h5}
 * @param camera             whose spectra: a camera's, or the stitched 400-2500 nm ones ({@code STITCHED})
 * @param spectraPerSample   a seeded random subsample of at most this many spectra per sample (all if fewer)
 * @param validation         how validation spectra are held out
 * @param validationFraction fraction of samples ({@link ValidationMode#SAMPLES}) or spectra ({@link ValidationMode#RANDOM})
 *                           held out, in (0, 1)
 * @param seed               subsampling and split seed
 */
public record TrainingDataSettings(Path samples, SensorKind camera, SampleFilter filter, int spectraPerSample,
                                   ValidationMode validation, double validationFraction, long seed) {
    public static final int DEFAULT_SPECTRA_PER_SAMPLE = 2000;
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;

    public TrainingDataSettings {
        Checks.notNull("samples folder", samples);
        Checks.notNull("camera", camera);
        Checks.notNull("sample filter", filter);
        Checks.positive("spectra per sample", spectraPerSample);
        Checks.notNull("validation mode", validation);
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
        }
    }
}
