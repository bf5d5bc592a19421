package io.hyclus.analysis.model;

import io.hyclus.core.Checks;

/**
 * What to build: an architecture and its code size (latent dimension).
 *
 * @param codeSize numbers per spectrum after encoding (the study: 4 or 16)
 */
public record ModelSpec(Architecture architecture, int codeSize) {
    public ModelSpec {
        Checks.notNull("architecture", architecture);
        Checks.positive("code size", codeSize);
        if (architecture == Architecture.DENSE && codeSize > 16) {
            throw new IllegalArgumentException("the dense autoencoder's code size must be at most 16 (its last hidden layer), got " + codeSize);
        }
    }

    /** {@code dense-ae-16}, {@code pca-4}, {@code conv-ae-16}: the registry's model name. */
    public String name() {
        return architecture.id() + "-" + codeSize;
    }
}
