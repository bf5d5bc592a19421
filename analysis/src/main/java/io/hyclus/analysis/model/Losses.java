package io.hyclus.analysis.model;

/** Reconstruction losses on the Keras scale: mean over outputs and spectra. */
public final class Losses {
    /** Keras clips predictions to [eps, 1 - eps] with eps 1e-7 before the logarithms. */
    public static final double EPSILON = 1e-7;

    private Losses() {
    }

    /** Binary cross-entropy of {@code predicted} against {@code target}, both scaled (0-1), mean over all values. */
    public static double binaryCrossEntropy(SpectraBlock target, SpectraBlock predicted) {
        same(target, predicted);
        float[] t = target.values();
        float[] p = predicted.values();
        if (t.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            double q = Math.min(1 - EPSILON, Math.max(EPSILON, p[i]));
            sum -= t[i] * Math.log(q) + (1 - t[i]) * Math.log(1 - q);
        }
        return sum / t.length;
    }

    /** Mean squared error, mean over all values. */
    public static double meanSquaredError(SpectraBlock target, SpectraBlock predicted) {
        same(target, predicted);
        float[] t = target.values();
        float[] p = predicted.values();
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            double e = (double) t[i] - p[i];
            sum += e * e;
        }
        return t.length == 0 ? Double.NaN : sum / t.length;
    }

    private static void same(SpectraBlock a, SpectraBlock b) {
        if (a.rows() != b.rows() || a.bands() != b.bands()) {
            throw new IllegalArgumentException("loss of " + a.rows() + " x " + a.bands() + " against " + b.rows() + " x " + b.bands());
        }
    }
}
