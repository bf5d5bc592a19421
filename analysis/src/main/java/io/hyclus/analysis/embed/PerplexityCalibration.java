package io.hyclus.analysis.embed;

/**
 * Conditional affinities p(j|i) over each point's k nearest neighbours, with the Gaussian precision of each point found
 * by bisection so that the entropy of row i equals ln(perplexity) (natural log) within {@link #ENTROPY_TOLERANCE}.
 * Distances are shifted by the row's smallest distance before exponentiating, so duplicates (distance 0) and far
 * outliers give finite rows that sum to 1.
 */
public final class PerplexityCalibration {
    /** Bisection stops when |H - ln(perplexity)| is below this (nats). */
    public static final double ENTROPY_TOLERANCE = 1e-5;
    private static final int MAX_STEPS = 200;

    private PerplexityCalibration() {
    }

    /** Row-normalised p(j|i), laid out like {@code nn}: n rows of k. */
    public static double[] conditional(Neighbours nn, double perplexity, Parallel parallel) {
        double target = Math.log(perplexity);
        int k = nn.k();
        double[] p = new double[nn.n() * k];
        parallel.forRange(nn.n(), (part, from, to) -> {
            for (int i = from; i < to; i++) {
                calibrateRow(nn.distanceSq(), i * k, k, target, p);
            }
        });
        return p;
    }

    /** Entropy (nats) of one row of probabilities. */
    public static double entropy(double[] p, int offset, int k) {
        double h = 0;
        for (int j = 0; j < k; j++) {
            double v = p[offset + j];
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }

    private static void calibrateRow(double[] dist, int off, int k, double target, double[] out) {
        double dmin = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            dmin = Math.min(dmin, dist[off + j]);
        }
        double beta = 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        for (int step = 0; step < MAX_STEPS; step++) {
            double h = fill(dist, off, k, dmin, beta, out);
            if (Math.abs(h - target) < ENTROPY_TOLERANCE) {
                return;
            }
            if (h > target) {
                lo = beta;
                beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
        // Not reachable within tolerance (e.g. all k neighbours at the same distance): the last row is the closest.
        fill(dist, off, k, dmin, beta, out);
    }

    /** Writes normalised exp(-beta (d - dmin)) into out and returns its entropy. */
    private static double fill(double[] dist, int off, int k, double dmin, double beta, double[] out) {
        double sum = 0;
        double weighted = 0;
        for (int j = 0; j < k; j++) {
            double shifted = dist[off + j] - dmin;
            double w = Math.exp(-beta * shifted);
            out[off + j] = w;
            sum += w;
            weighted += w * shifted;
        }
        for (int j = 0; j < k; j++) {
            out[off + j] /= sum;
        }
        return Math.log(sum) + beta * weighted / sum;
    }
}
