package io.hyclus.envi;

import java.util.Locale;

/**
 * How an ENVI raster orders its values. With {@code s} samples (pixels across a line), {@code b} bands and {@code l}
 * lines: BSQ stores band after band (each {@code l x s}), BIL line after line with the bands of a line one after the
 * other (each {@code s} values), BIP line after line with pixel after pixel (each {@code b} values).
 */
public enum Interleave {
    BSQ, BIL, BIP;

    /** The header's value ({@code bsq}, {@code bil}, {@code bip}, any case). */
    static Interleave parse(String value, String where) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Interleave i : values()) {
            if (i.headerValue().equals(v)) {
                return i;
            }
        }
        throw new EnviFormatException(where + ": unknown interleave '" + value.trim() + "' (expected bsq, bil or bip)");
    }

    public String headerValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Offset, in values from the raster's start, of (line, band, sample).
     */
    long valueIndex(long line, int band, int sample, int samples, int bands, long lines) {
        return switch (this) {
            case BSQ -> ((long) band * lines + line) * samples + sample;
            case BIL -> (line * bands + band) * samples + sample;
            case BIP -> (line * samples + sample) * bands + band;
        };
    }
}
