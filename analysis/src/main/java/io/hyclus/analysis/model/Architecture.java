package io.hyclus.analysis.model;

/** The kinds of model HyClus trains; {@link #id()} is the name used in the registry and on the command line. */
public enum Architecture {
    /** Principal components of the scaled spectra: the linear baseline, same code size as the autoencoders. */
    PCA("pca"),
    /** The reference study's dense autoencoder D-128-64-32-16-k-16-32-64-128-D. */
    DENSE("dense-ae"),
    /** A 1-D convolutional autoencoder along the band axis (docs/autoencoders.md). */
    CONV1D("conv-ae");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Architecture fromId(String id) {
        for (Architecture a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown model architecture '" + id + "' (known: pca, dense-ae, conv-ae)");
    }
}
