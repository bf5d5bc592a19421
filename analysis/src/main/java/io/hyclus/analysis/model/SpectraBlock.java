package io.hyclus.analysis.model;

import io.hyclus.core.Checks;

/**
 * Spectra (or codes) as one row-major float block, {@code rows x bands}. The array is shared, not copied: callers
 * must not modify it after handing it over.
 *
 * @param values row-major values, {@code rows * bands} of them
 * @param rows   number of spectra (may be 0)
 * @param bands  values per spectrum (bands, or code size for codes)
 */
public record SpectraBlock(float[] values, int rows, int bands) {
    public SpectraBlock {
        Checks.notNull("values", values);
        Checks.nonNegative("rows", rows);
        Checks.positive("bands", bands);
        if ((long) rows * bands != values.length) {
            throw new IllegalArgumentException("spectra block of " + rows + " x " + bands + " needs "
                    + (long) rows * bands + " values, got " + values.length);
        }
    }

    public static SpectraBlock of(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no spectra");
        }
        int bands = rows[0].length;
        float[] v = new float[rows.length * bands];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != bands) {
                throw new IllegalArgumentException("spectrum " + r + " has " + rows[r].length + " bands, spectrum 0 has " + bands);
            }
            System.arraycopy(rows[r], 0, v, r * bands, bands);
        }
        return new SpectraBlock(v, rows.length, bands);
    }

    public float get(int row, int band) {
        return values[row * bands + band];
    }

    public float[] row(int row) {
        float[] out = new float[bands];
        System.arraycopy(values, row * bands, out, 0, bands);
        return out;
    }

    /**
     * Throws {@link IllegalArgumentException} naming {@code where}, the row and the band of the first NaN or infinite
     * value.
     */
    public SpectraBlock requireFinite(String where) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(where + ": spectrum " + i / bands + " band " + i % bands + " is "
                        + values[i] + " (spectra must be finite)");
            }
        }
        return this;
    }
}
