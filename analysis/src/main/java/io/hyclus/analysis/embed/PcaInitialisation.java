package io.hyclus.analysis.embed;

/**
 * Initial positions: the data projected on its first two principal axes (power iteration with deflation on the D×D
 * covariance), scaled so that the first coordinate has standard deviation {@link #TARGET_STD} (openTSNE). Each axis
 * has its largest-magnitude component positive, so the result does not depend on the iteration's start. When the data
 * has no variance (all points equal) every point starts at the origin.
 */
final class PcaInitialisation {
    static final double TARGET_STD = 1e-4;
    private static final int POWER_STEPS = 300;

    private PcaInitialisation() {
    }

    /** Interleaved (x, y) of each point. */
    static double[] positions(Points data, Parallel parallel) {
        int n = data.n();
        int d = data.d();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                mean[c] += data.get(i, c);
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        double[] cov = covariance(data, mean, parallel);
        double[] a1 = leadingAxis(cov, d);
        deflate(cov, a1, d);
        double[] a2 = leadingAxis(cov, d);
        double[] y = new double[2 * n];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double p1 = 0;
            double p2 = 0;
            for (int c = 0; c < d; c++) {
                double v = data.get(i, c) - mean[c];
                p1 += v * a1[c];
                p2 += v * a2[c];
            }
            y[2 * i] = p1;
            y[2 * i + 1] = p2;
            sum += p1;
            sumSq += p1 * p1;
        }
        double m = sum / n;
        double std = Math.sqrt(Math.max(0, sumSq / n - m * m));
        double scale = std > 0 ? TARGET_STD / std : 0;
        for (int e = 0; e < y.length; e++) {
            y[e] *= scale;
        }
        return y;
    }

    private static double[] covariance(Points data, double[] mean, Parallel parallel) {
        int d = data.d();
        double[][] parts = new double[parallel.threads()][d * d];
        parallel.forRange(data.n(), (part, from, to) -> {
            double[] acc = parts[part];
            double[] v = new double[d];
            for (int i = from; i < to; i++) {
                for (int c = 0; c < d; c++) {
                    v[c] = data.get(i, c) - mean[c];
                }
                for (int a = 0; a < d; a++) {
                    for (int b = a; b < d; b++) {
                        acc[a * d + b] += v[a] * v[b];
                    }
                }
            }
        });
        double[] cov = parts[0];
        for (int p = 1; p < parts.length; p++) {
            for (int e = 0; e < cov.length; e++) {
                cov[e] += parts[p][e];
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[a * d + b] = cov[b * d + a];
            }
        }
        return cov;
    }

    private static double[] leadingAxis(double[] cov, int d) {
        double[] v = new double[d];
        for (int c = 0; c < d; c++) {
            v[c] = 1.0 / Math.sqrt(d) * (1 + 0.01 * c);
        }
        for (int step = 0; step < POWER_STEPS; step++) {
            double[] w = new double[d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    w[a] += cov[a * d + b] * v[b];
                }
            }
            double norm = 0;
            for (double x : w) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return new double[d];
            }
            for (int c = 0; c < d; c++) {
                v[c] = w[c] / norm;
            }
        }
        int big = 0;
        for (int c = 1; c < d; c++) {
            if (Math.abs(v[c]) > Math.abs(v[big])) {
                big = c;
            }
        }
        if (v[big] < 0) {
            for (int c = 0; c < d; c++) {
                v[c] = -v[c];
            }
        }
        return v;
    }

    private static void deflate(double[] cov, double[] axis, int d) {
        double lambda = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                lambda += axis[a] * cov[a * d + b] * axis[b];
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cov[a * d + b] -= lambda * axis[a] * axis[b];
            }
        }
    }
}
