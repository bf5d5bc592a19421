package io.hyclus.simulator.scene;

import java.util.random.RandomGenerator;

/** Gamma and Dirichlet draws (Marsaglia and Tsang, 2000), for grain-to-grain variation of fractions. */
final class Gamma {
    private Gamma() {
    }

    /** A Gamma(shape, 1) draw; shape &gt; 0. */
    static double draw(RandomGenerator rng, double shape) {
        if (shape < 1) {
            // Gamma(a) = Gamma(a + 1) * U^(1/a)
            return draw(rng, shape + 1) * Math.pow(rng.nextDouble(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** Fills {@code out} with a Dirichlet draw of parameters {@code concentration * mean[i]}. */
    static void dirichlet(RandomGenerator rng, double[] mean, double concentration, double[] out) {
        double sum = 0;
        for (int i = 0; i < mean.length; i++) {
            out[i] = draw(rng, Math.max(1e-3, concentration * mean[i]));
            sum += out[i];
        }
        for (int i = 0; i < mean.length; i++) {
            out[i] /= sum;
        }
    }
}
