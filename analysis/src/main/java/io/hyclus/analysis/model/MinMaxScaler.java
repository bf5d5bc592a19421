package io.hyclus.analysis.model;

import io.hyclus.core.Checks;

/**
 * Per-band MinMax scaling, fitted on training spectra and stored with the model: {@code (x - min) / (max - min)},
 * clipped to [0, 1] (binary cross-entropy needs targets in that range; spectra beyond the training range are clipped,
 * not extrapolated). A band with {@code max == min} maps to 0.
 */
public record MinMaxScaler(float[] min, float[] max) {
    public MinMaxScaler {
        Checks.notNull("scaler minimum", min);
        Checks.notNull("scaler maximum", max);
        if (min.length != max.length || min.length == 0) {
            throw new IllegalArgumentException("scaler needs as many minima as maxima (>0), got " + min.length + " and " + max.length);
        }
        for (int b = 0; b < min.length; b++) {
            if (!Float.isFinite(min[b]) || !Float.isFinite(max[b]) || max[b] < min[b]) {
                throw new IllegalArgumentException("scaler band " + b + ": min " + min[b] + ", max " + max[b]
                        + " (need finite, min <= max)");
            }
        }
        min = min.clone();
        max = max.clone();
    }

    public static MinMaxScaler fit(SpectraBlock spectra) {
        if (spectra.rows() == 0) {
            throw new IllegalArgumentException("cannot fit a scaler on no spectra");
        }
        int d = spectra.bands();
        float[] lo = new float[d];
        float[] hi = new float[d];
        java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        float[] v = spectra.values();
        for (int r = 0; r < spectra.rows(); r++) {
            int o = r * d;
            for (int b = 0; b < d; b++) {
                float x = v[o + b];
                if (x < lo[b]) {
                    lo[b] = x;
                }
                if (x > hi[b]) {
                    hi[b] = x;
                }
            }
        }
        return new MinMaxScaler(lo, hi);
    }

    public int bands() {
        return min.length;
    }

    public SpectraBlock transform(SpectraBlock raw) {
        check(raw);
        int d = bands();
        float[] in = raw.values();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            int b = i % d;
            float range = max[b] - min[b];
            float s = range > 0 ? (in[i] - min[b]) / range : 0f;
            out[i] = s < 0f ? 0f : (s > 1f ? 1f : s);
        }
        return new SpectraBlock(out, raw.rows(), d);
    }

    public SpectraBlock inverse(SpectraBlock scaled) {
        check(scaled);
        int d = bands();
        float[] in = scaled.values();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            int b = i % d;
            out[i] = min[b] + in[i] * (max[b] - min[b]);
        }
        return new SpectraBlock(out, scaled.rows(), d);
    }

    private void check(SpectraBlock s) {
        if (s.bands() != bands()) {
            throw new IllegalArgumentException("scaler fitted on " + bands() + " bands, given spectra of " + s.bands());
        }
    }

    @Override
    public float[] min() {
        return min.clone();
    }

    @Override
    public float[] max() {
        return max.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinMaxScaler m && java.util.Arrays.equals(min, m.min) && java.util.Arrays.equals(max, m.max);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(min) + java.util.Arrays.hashCode(max);
    }

    @Override
    public String toString() {
        return "MinMaxScaler[" + bands() + " bands]";
    }
}
