package io.hyclus.report;

import io.hyclus.analysis.model.SpectraBlock;

import java.util.SplittableRandom;

/**
 * A self-organising map (Kohonen; written here, no Apache-2.0 Java library offers one), rectangular grid, Gaussian
 * neighbourhood. Online training on points standardised per dimension: weights start at randomly chosen points;
 * {@value #STEPS_PER_POINT} × n steps, each a random point, learning rate from 0.5 down to 0.01 and neighbourhood
 * radius from half the larger grid side down to 0.5, both exponentially. All draws from one seeded generator.
 *
 * @param bmu best-matching node ({@code row * cols + col}) of every point
 */
public record Som(int rows, int cols, int[] bmu) {
    static final int STEPS_PER_POINT = 10;

    static Som of(SpectraBlock points, int rows, int cols, long seed) {
        int n = points.rows();
        int d = points.bands();
        double[][] x = standardised(points);
        SplittableRandom rnd = new SplittableRandom(seed);
        int nodes = rows * cols;
        double[][] w = new double[nodes][];
        for (int i = 0; i < nodes; i++) {
            w[i] = x[rnd.nextInt(n)].clone();
        }
        long steps = (long) STEPS_PER_POINT * n;
        double sigma0 = Math.max(rows, cols) / 2.0;
        for (long t = 0; t < steps; t++) {
            double f = t / (double) steps;
            double alpha = 0.5 * Math.pow(0.01 / 0.5, f);
            double sigma = sigma0 * Math.pow(0.5 / sigma0, f);
            double[] p = x[rnd.nextInt(n)];
            int b = nearest(w, p);
            int br = b / cols;
            int bc = b % cols;
            for (int i = 0; i < nodes; i++) {
                double g2 = Math.pow(i / cols - br, 2) + Math.pow(i % cols - bc, 2);
                if (g2 > 9 * sigma * sigma) {
                    continue;
                }
                double h = alpha * Math.exp(-g2 / (2 * sigma * sigma));
                for (int j = 0; j < d; j++) {
                    w[i][j] += h * (p[j] - w[i][j]);
                }
            }
        }
        int[] bmu = new int[n];
        for (int i = 0; i < n; i++) {
            bmu[i] = nearest(w, x[i]);
        }
        return new Som(rows, cols, bmu);
    }

    private static int nearest(double[][] w, double[] p) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int i = 0; i < w.length; i++) {
            double s = 0;
            for (int j = 0; j < p.length && s < bd; j++) {
                double v = w[i][j] - p[j];
                s += v * v;
            }
            if (s < bd) {
                bd = s;
                best = i;
            }
        }
        return best;
    }

    static double[][] standardised(SpectraBlock points) {
        int n = points.rows();
        int d = points.bands();
        double[][] x = new double[n][d];
        for (int j = 0; j < d; j++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += points.get(i, j);
            }
            m /= n;
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += Math.pow(points.get(i, j) - m, 2);
            }
            double sd = Math.sqrt(v / n);
            sd = sd > 1e-12 ? sd : 1;
            for (int i = 0; i < n; i++) {
                x[i][j] = (points.get(i, j) - m) / sd;
            }
        }
        return x;
    }
}
