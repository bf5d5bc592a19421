package io.hyclus.report;

/** How test spectra are held out for a classification table. */
public enum SplitKind {
    /**
     * Random spectra, as the study did: spectra of one sample sit on both sides, so its figures are inflated.
     */
    RANDOM_SPECTRA("random spectra"),
    /** Whole samples held out per class: no sample on both sides, what a plant needs. */
    HELD_OUT_SAMPLES("held-out samples");

    private final String title;

    SplitKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String id() {
        return title.replace(' ', '-');
    }
}
