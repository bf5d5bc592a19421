package io.hyclus.analysis.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A model that compresses MinMax-scaled spectra (values in [0, 1]) to {@link ModelSpec#codeSize()} numbers and back:
 * PCA, the dense autoencoder or the convolutional one. Scaling is not its business ({@link TrainedModel} pairs it with
 * its {@link MinMaxScaler}).
 */
public interface SpectralModel {
    ModelSpec spec();

    /** Bands of the spectra it takes and returns. */
    int bands();

    /**
     * Trains on {@code train}, watching {@code validation} for early stopping and the learning-rate plateau (PCA
     * fits once and reports one record). Both are scaled, rows x {@link #bands()}.
     *
     * @return one record per epoch run
     */
    List<EpochRecord> fit(SpectraBlock train, SpectraBlock validation, TrainingSettings settings, EpochListener listener);

    /** Scaled spectra (rows x bands) to codes (rows x code size). */
    SpectraBlock encode(SpectraBlock scaled);

    /** Codes (rows x code size) to scaled spectra (rows x bands), in [0, 1]. */
    SpectraBlock decode(SpectraBlock codes);

    /** Writes this model's own file(s) into {@code dir} (which exists), named by the implementation. */
    void save(Path dir);
}
