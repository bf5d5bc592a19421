package io.hyclus.analysis.model;

import java.nio.file.Path;

/** Placeholder until implemented (issue 9). */
public final class PcaModel {
    private PcaModel() {
    }

    public static SpectralModel untrained(int bands, int codeSize, long seed) {
        throw new UnsupportedOperationException("PcaModel is not implemented yet");
    }

    public static SpectralModel load(Path dir, ModelSpec spec, int bands) {
        throw new UnsupportedOperationException("PcaModel is not implemented yet");
    }
}
