package io.hyclus.report;

/** What the study classifies spectra by, each read from a container's root attributes. */
public enum Category {
    GRAIN_SIZE("grain size"),
    PLANT("plant"),
    MONTH("month");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    /** Lower-case words, as in the study: "grain size", "plant", "month". */
    public String title() {
        return title;
    }

    /** The id used in file and CSV names: {@code grain-size}, {@code plant}, {@code month}. */
    public String id() {
        return title.replace(' ', '-');
    }
}
