package io.hyclus.analysis.model;

import java.nio.file.Path;

/** Builds and loads {@link SpectralModel}s by architecture: the one place that knows every kind. */
public final class SpectralModels {
    private SpectralModels() {
    }

    /** An untrained model of {@code spec} for spectra of {@code bands} bands, initialised from {@code seed}. */
    public static SpectralModel create(ModelSpec spec, int bands, long seed) {
        return switch (spec.architecture()) {
            case PCA -> PcaModel.untrained(bands, spec.codeSize(), seed);
            case DENSE -> DenseAutoencoder.untrained(bands, spec.codeSize(), seed);
            case CONV1D -> ConvAutoencoder.untrained(bands, spec.codeSize(), seed);
        };
    }

    /** Loads what {@link SpectralModel#save} wrote into {@code dir}; a missing, truncated or corrupt file fails naming it. */
    public static SpectralModel load(Path dir, ModelSpec spec, int bands) {
        return switch (spec.architecture()) {
            case PCA -> PcaModel.load(dir, spec, bands);
            case DENSE -> DenseAutoencoder.load(dir, spec, bands);
            case CONV1D -> ConvAutoencoder.load(dir, spec, bands);
        };
    }
}
