package io.hyclus.analysis.training;

/** How validation spectra are held out. */
public enum ValidationMode {
    /** Whole samples held out: no sample has spectra on both sides (the default). */
    SAMPLES,
    /** The reference study's split: a random fraction of all selected spectra, whatever their sample. */
    RANDOM;

    /** {@code samples} or {@code random}, as on the command line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
