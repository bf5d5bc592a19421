package io.hyclus.core.spectral;

import java.util.Arrays;

/**
 * A sampled spectrum: values at strictly increasing wavelengths in nanometres. Values are finite
 * (deleted channels are dropped before a spectrum is built). Arrays are copied in and out.
 */
public record Spectrum(double[] wavelengthsNm, double[] values) {

    public Spectrum {
        if (wavelengthsNm == null || values == null) {
            throw new IllegalArgumentException("wavelengths and values must not be null");
        }
        if (wavelengthsNm.length != values.length) {
            throw new IllegalArgumentException("wavelengths and values must have the same length: "
                    + wavelengthsNm.length + " wavelengths, " + values.length + " values");
        }
        if (wavelengthsNm.length < 2) {
            throw new IllegalArgumentException("a spectrum needs at least 2 samples: " + wavelengthsNm.length);
        }
        wavelengthsNm = wavelengthsNm.clone();
        values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("spectrum value must be finite: " + values[i] + " at "
                        + wavelengthsNm[i] + " nm (sample " + i + ")");
            }
            if (i > 0 && !(wavelengthsNm[i] > wavelengthsNm[i - 1])) {
                throw new IllegalArgumentException("wavelengths must increase: " + wavelengthsNm[i] + " nm after "
                        + wavelengthsNm[i - 1] + " nm at sample " + i);
            }
        }
    }

    public int size() {
        return values.length;
    }

    public double firstNm() {
        return wavelengthsNm[0];
    }

    public double lastNm() {
        return wavelengthsNm[wavelengthsNm.length - 1];
    }

    @Override
    public double[] wavelengthsNm() {
        return wavelengthsNm.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Linear interpolation at {@code wavelengthNm}, which must lie within the sampled range. */
    public double valueAt(double wavelengthNm) {
        if (wavelengthNm < firstNm() || wavelengthNm > lastNm()) {
            throw new IllegalArgumentException(String.format("%.2f nm is outside the spectrum's %.2f-%.2f nm",
                    wavelengthNm, firstNm(), lastNm()));
        }
        int i = Arrays.binarySearch(wavelengthsNm, wavelengthNm);
        if (i >= 0) {
            return values[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (wavelengthNm - wavelengthsNm[lo]) / (wavelengthsNm[hi] - wavelengthsNm[lo]);
        return values[lo] + t * (values[hi] - values[lo]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrum s && Arrays.equals(wavelengthsNm, s.wavelengthsNm) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(wavelengthsNm) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return String.format("Spectrum[%d samples, %.1f-%.1f nm]", size(), firstNm(), lastNm());
    }
}
