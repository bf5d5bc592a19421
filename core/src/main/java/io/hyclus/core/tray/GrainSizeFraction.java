package io.hyclus.core.tray;

/**
 * The two sieve fractions of the reference study, split at 100 mesh (149 micrometre openings).
 */
public enum GrainSizeFraction {
    /** Passed the 100-mesh sieve: finer than 149 micrometres. */
    MINUS_100("Minus 100", 0, 149),
    /** Retained on the 100-mesh sieve: coarser than 149 micrometres. */
    PLUS_100("Plus 100", 149, 2000);

    private final String label;
    private final int minMicrons;
    private final int maxMicrons;

    GrainSizeFraction(String label, int minMicrons, int maxMicrons) {
        this.label = label;
        this.minMicrons = minMicrons;
        this.maxMicrons = maxMicrons;
    }

    /** The study's label, as printed on sample bags: "Minus 100" or "Plus 100". */
    public String label() {
        return label;
    }

    public int minMicrons() {
        return minMicrons;
    }

    public int maxMicrons() {
        return maxMicrons;
    }

    /** Accepts the enum name ({@code MINUS_100}) or the label ({@code Minus 100}), case-insensitively. */
    public static GrainSizeFraction parse(String text) {
        for (GrainSizeFraction f : values()) {
            if (f.name().equalsIgnoreCase(text) || f.label.equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown grain-size fraction '" + text + "': expected 'Minus 100' or 'Plus 100'");
    }
}
