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
    void repulsion_wideMap_defaultBoxes_withinFivePercent_andThirdOrderInBoxWidth() {
        double[] y = blobs(25);
        double[] coarse = errors(y, 1.0);
        double[] fine = errors(y, 0.5);
        System.out.println("wide map errors: width 1 " + java.util.Arrays.toString(coarse) + ", width 0.5 " + java.util.Arrays.toString(fine));
        assertTrue(coarse[0] < 0.02, "Z error at box width 1: " + coarse[0]);
        assertTrue(coarse[1] < 0.05, "force error at box width 1: " + coarse[1]);
        // 3 Lagrange nodes per box: halving the box width divides the error by about 2^3
        assertTrue(fine[1] < coarse[1] / 5, "force error " + coarse[1] + " at width 1, " + fine[1] + " at 0.5");
    }

    @Test
    void repulsion_barnesHut_isCloseToExact_andIndependentOfThreads() {
        for (double spread : new double[] {0.01, 3, 25}) {
            double[] y = blobs(spread);
            int n = y.length / 2;
            double[] exact = new double[2 * n];
            double zExact = FitGradient.exactRepulsion(y, n, exact);
            double[] one = new double[2 * n];
            double[] two = new double[2 * n];
            double z1;
            double z2;
            try (Parallel p1 = new Parallel(1); Parallel p2 = new Parallel(2)) {
                z1 = BarnesHutRepulsion.repulsion(y, n, 0.5, p1, one);
                z2 = BarnesHutRepulsion.repulsion(y, n, 0.5, p2, two);
            }
            assertEquals(z1, z2, 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(one, two, 0.0);
            double err = 0;
            double norm = 0;
            for (int e = 0; e < 2 * n; e++) {
                err += Math.pow(one[e] / z1 - exact[e] / zExact, 2);
                norm += Math.pow(exact[e] / zExact, 2);
            }
            System.out.println("BH spread " + spread + ": Z ratio " + z1 / zExact + ", force error " + Math.sqrt(err / norm));
            assertEquals(1, z1 / zExact, 0.1, "Z at spread " + spread);
            assertTrue(Math.sqrt(err / norm) < (spread < 10 ? 0.02 : 0.1), "force error at spread " + spread + ": " + Math.sqrt(err / norm));
        }
    }

    @Test
    void repulsion_barnesHut_withLastOrder_givesTheSameSums_whetherNearlySortedOrShuffled() {
        double[] y = blobs(3);
        int n = y.length / 2;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Random r = new java.util.Random(9);
        try (Parallel p = new Parallel(2)) {
            for (double jitter : new double[] {0.01, 0.01, 50}) {
                for (int e = 0; e < y.length; e++) {
                    y[e] += jitter * r.nextGaussian();
                }
                double[] plain = new double[2 * n];
                double[] hinted = new double[2 * n];
                double z = BarnesHutRepulsion.repulsion(y, n, 0.5, p, plain);
                double zHinted = BarnesHutRepulsion.repulsion(y, n, 0.5, p, hinted, order);
                assertEquals(z, zHinted, 0.0, "jitter " + jitter);
                org.junit.jupiter.api.Assertions.assertArrayEquals(plain, hinted, 0.0);
            }
        }
        long[] keys = {5, 1, 4, 2, 3};
        assertTrue(!BarnesHutRepulsion.insertionSorted(keys.clone(), 2), "gives up past its budget");
        assertTrue(BarnesHutRepulsion.insertionSorted(keys, 100));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {1, 2, 3, 4, 5}, keys);
    }

    @Test
    void repulsion_barnesHut_duplicates_giveFiniteSumsWithoutSelfTerms() {
        double[] y = {1, 1, 1, 1, 1, 1, 4, 5};
        double[] rep = new double[8];
        double z;
        try (Parallel p = new Parallel(1)) {
            z = BarnesHutRepulsion.repulsion(y, 4, 0.5, p, rep);
        }
        double[] exact = new double[8];
        // the leaf sums run in float (relative rounding ~1e-7); the self terms are excluded exactly
        double zExact = FitGradient.exactRepulsion(y, 4, exact);
        assertEquals(zExact, z, 1e-6 * zExact);
        org.junit.jupiter.api.Assertions.assertArrayEquals(exact, rep, 1e-6);
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
            new FitGradient(p, TsneSettings.defaults(1, 2).withRepulsion(TsneSettings.Repulsion.FFT_INTERPOLATION), par)
                    .compute(y, 1, grad);
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
