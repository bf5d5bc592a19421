package io.hyclus.analysis.embed;

import java.util.Arrays;

/**
 * Momentum gradient descent with per-coordinate gains (delta-bar-delta, as openTSNE): a gain grows by 0.2 while the
 * gradient keeps pushing the same way as the last update and shrinks by ×0.8 otherwise, never below
 * {@link #MIN_GAIN}; each point's step is clipped to a maximum norm. State is kept across phases.
 */
final class GradientDescent {
    static final double MIN_GAIN = 0.01;

    private final double[] update;
    private final double[] gains;

    GradientDescent(int coordinates) {
        this.update = new double[coordinates];
        this.gains = new double[coordinates];
        Arrays.fill(gains, 1);
    }

    /** One step on the 2-D points in {@code y} (interleaved), in place. */
    void step(double[] y, double[] grad, double learningRate, double momentum, double maxStepNorm, Parallel parallel) {
        parallel.forRange(y.length / 2, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                double ux = next(2 * i, grad[2 * i], learningRate, momentum);
                double uy = next(2 * i + 1, grad[2 * i + 1], learningRate, momentum);
                double norm = Math.sqrt(ux * ux + uy * uy);
                if (norm > maxStepNorm) {
                    ux *= maxStepNorm / norm;
                    uy *= maxStepNorm / norm;
                }
                update[2 * i] = ux;
                update[2 * i + 1] = uy;
                y[2 * i] += ux;
                y[2 * i + 1] += uy;
            }
        });
    }

    private double next(int c, double g, double learningRate, double momentum) {
        double gain = update[c] * g < 0 ? gains[c] + 0.2 : gains[c] * 0.8;
        gain = Math.max(gain, MIN_GAIN);
        gains[c] = gain;
        return momentum * update[c] - learningRate * gain * g;
    }

    /** Subtracts the mean position (sequential sum: independent of the thread count). */
    static void centre(double[] y) {
        int n = y.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i];
            my += y[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx;
            y[2 * i + 1] -= my;
        }
    }
}
