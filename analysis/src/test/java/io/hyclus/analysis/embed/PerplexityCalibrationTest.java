package io.hyclus.analysis.embed;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PerplexityCalibrationTest {
    @Test
    void conditional_hitsTargetEntropy_forRandomDistances() {
        int n = 200;
        int k = 90;
        Random r = new Random(3);
        double[] dist = new double[n * k];
        for (int i = 0; i < dist.length; i++) {
            dist[i] = Math.pow(r.nextDouble() * 10 * (1 + i % 7), 2);
        }
        Neighbours nn = new Neighbours(n, k, new int[n * k], dist);
        try (Parallel par = new Parallel(2)) {
            double[] p = PerplexityCalibration.conditional(nn, 30, par);
            for (int i = 0; i < n; i++) {
                assertEquals(Math.log(30), PerplexityCalibration.entropy(p, i * k, k), 1e-4, "row " + i);
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += p[i * k + j];
                }
                assertEquals(1, sum, 1e-12, "row " + i);
            }
        }
    }

    @Test
    void conditional_allDuplicates_givesUniformRowWithoutNaN() {
        int k = 15;
        Neighbours nn = new Neighbours(1, k, new int[k], new double[k]);
        try (Parallel par = new Parallel(1)) {
            double[] p = PerplexityCalibration.conditional(nn, 2, par);
            for (double v : p) {
                assertEquals(1.0 / k, v, 1e-12);
            }
        }
    }
}
