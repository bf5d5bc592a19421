package io.hyclus.simulator.campaign;

import java.util.SplittableRandom;

/**
 * A linear probe of separability: multinomial logistic regression on standardised features, trained by
 * mini-batch SGD with a fixed seed; accuracy on held-out rows.
 */
final class SoftmaxProbe {
    private SoftmaxProbe() {
    }

    /** Trains on rows where {@code train[i]} and returns the accuracy on the others. */
    static double accuracy(double[][] x, int[] y, boolean[] train, int classes, long seed) {
        int d = x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        int nTrain = 0;
        for (int i = 0; i < x.length; i++) {
            if (train[i]) {
                nTrain++;
                for (int j = 0; j < d; j++) {
                    mean[j] += x[i][j];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= nTrain;
        }
        for (int i = 0; i < x.length; i++) {
            if (train[i]) {
                for (int j = 0; j < d; j++) {
                    sd[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]);
                }
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / nTrain) + 1e-9;
        }
        double[][] w = new double[classes][d + 1];
        SplittableRandom rng = new SplittableRandom(seed);
        double[] z = new double[d];
        double[] p = new double[classes];
        for (int epoch = 0; epoch < 30; epoch++) {
            double lr = 0.05 / (1 + epoch * 0.2);
            for (int step = 0; step < x.length; step++) {
                int i = rng.nextInt(x.length);
                if (!train[i]) {
                    continue;
                }
                standardise(x[i], mean, sd, z);
                softmax(w, z, p);
                for (int c = 0; c < classes; c++) {
                    double g = p[c] - (y[i] == c ? 1 : 0);
                    for (int j = 0; j < d; j++) {
                        w[c][j] -= lr * (g * z[j] + 1e-4 * w[c][j]);
                    }
                    w[c][d] -= lr * g;
                }
            }
        }
        int right = 0;
        int total = 0;
        for (int i = 0; i < x.length; i++) {
            if (!train[i]) {
                standardise(x[i], mean, sd, z);
                softmax(w, z, p);
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    best = p[c] > p[best] ? c : best;
                }
                right += best == y[i] ? 1 : 0;
                total++;
            }
        }
        return (double) right / total;
    }

    private static void standardise(double[] row, double[] mean, double[] sd, double[] out) {
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) / sd[j];
        }
    }

    private static void softmax(double[][] w, double[] z, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double s = w[c][z.length];
            for (int j = 0; j < z.length; j++) {
                s += w[c][j] * z[j];
            }
            p[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < w.length; c++) {
            p[c] /= sum;
        }
    }
}
