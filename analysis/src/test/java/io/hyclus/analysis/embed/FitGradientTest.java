package io.hyclus.analysis.embed;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitGradientTest {
    /** Three blobs of 600 points; {@code spread} sets the map's extent (25 gives about 60 units across). */
    private static double[] blobs(double spread) {
        int n = 600;
        Random r = new Random(11);
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            y[2 * i] = spread * (c + 0.3 * r.nextGaussian());
            y[2 * i + 1] = spread * (c * c * 0.5 + 0.3 * r.nextGaussian());
        }
        return y;
    }

    /** [relative error of Z, relative RMS error of the normalised repulsive forces]. */
    private static double[] errors(double[] y, double boxWidth) {
        int n = y.length / 2;
        double[] exact = new double[2 * n];
        double[] approx = new double[2 * n];
        double zExact = FitGradient.exactRepulsion(y, n, exact);
        double zApprox;
        try (Parallel par = new Parallel(2)) {
            zApprox = FitGradient.repulsion(y, n, boxWidth, 50, par, approx);
        }
        double err = 0;
        double norm = 0;
        for (int e = 0; e < 2 * n; e++) {
            err += Math.pow(approx[e] / zApprox - exact[e] / zExact, 2);
            norm += Math.pow(exact[e] / zExact, 2);
        }
        return new double[] {Math.abs(zApprox / zExact - 1), Math.sqrt(err / norm)};
    }

    @Test
    void repulsion_smallAndMediumMaps_matchExactClosely() {
        for (double spread : new double[] {0.01, 3}) {
            double[] e = errors(blobs(spread), 1.0);
            assertEquals(0, e[0], 1e-6, "Z at spread " + spread);
            assertEquals(0, e[1], 1e-3, "forces at spread " + spread);
        }
    }

    @Test
    void repulsion_wideMap_defaultBoxes_withinTwoPercent_andThirdOrderInBoxWidth() {
        double[] y = blobs(25);
        double[] coarse = errors(y, 1.0);
        double[] fine = errors(y, 0.5);
        assertTrue(coarse[0] < 0.01, "Z error at box width 1: " + coarse[0]);
        assertTrue(coarse[1] < 0.02, "force error at box width 1: " + coarse[1]);
        // 3 Lagrange nodes per box: halving the box width divides the error by about 2^3
        assertTrue(fine[1] < coarse[1] / 5, "force error " + coarse[1] + " at width 1, " + fine[1] + " at 0.5");
    }

    @Test
    void gradient_fft_matchesExactGradient_onSmallFit() {
        Clusters c = Clusters.of(3, 60, 5, 4, 7);
        try (Parallel par = new Parallel(2)) {
            Neighbours nn = new ExactNeighbourIndex(c.points()).referenceNeighbours(30, par);
            SparseAffinities p = SparseAffinities.symmetric(nn, PerplexityCalibration.conditional(nn, 10, par));
            double[] y = blobs(2);
            y = java.util.Arrays.copyOf(y, 2 * c.points().n());
            double[] grad = new double[y.length];
            new FitGradient(p, 1.0, 50, par).compute(y, 1, grad);
            double[] rep = new double[y.length];
            double z = FitGradient.exactRepulsion(y, c.points().n(), rep);
            double err = 0;
            double norm = 0;
            for (int i = 0; i < c.points().n(); i++) {
                for (int d = 0; d < 2; d++) {
                    double attr = 0;
                    for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                        int j = p.column()[e];
                        double dx = y[2 * i] - y[2 * j];
                        double dy = y[2 * i + 1] - y[2 * j + 1];
                        attr += p.value()[e] / (1 + dx * dx + dy * dy) * (y[2 * i + d] - y[2 * j + d]);
                    }
                    double exact = attr - rep[2 * i + d] / z;
                    err += Math.pow(grad[2 * i + d] - exact, 2);
                    norm += exact * exact;
                }
            }
            assertTrue(Math.sqrt(err / norm) < 1e-3, "relative gradient error " + Math.sqrt(err / norm));
        }
    }
}
