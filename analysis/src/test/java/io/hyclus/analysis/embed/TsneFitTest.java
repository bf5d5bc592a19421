package io.hyclus.analysis.embed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsneFitTest {
    /** Full length for Barnes-Hut; shorter for the FFT gradient, whose fixed grid cost dominates at small N. */
    private static TsneSettings settings(TsneSettings.Repulsion r) {
        TsneSettings s = TsneSettings.defaults(5, 2).withPerplexity(20).withRepulsion(r);
        return r == TsneSettings.Repulsion.BARNES_HUT ? s.withIterations(250, 500) : s.withIterations(150, 150);
    }

    /** Smallest distance between cluster centroids over the largest within-cluster RMS radius, in 2-D. */
    static double separation(float[] y, int[] labels, int clusters) {
        double[][] c = new double[clusters][2];
        int[] count = new int[clusters];
        for (int i = 0; i < labels.length; i++) {
            c[labels[i]][0] += y[2 * i];
            c[labels[i]][1] += y[2 * i + 1];
            count[labels[i]]++;
        }
        for (int k = 0; k < clusters; k++) {
            c[k][0] /= count[k];
            c[k][1] /= count[k];
        }
        double[] radius = new double[clusters];
        for (int i = 0; i < labels.length; i++) {
            radius[labels[i]] += Math.pow(y[2 * i] - c[labels[i]][0], 2) + Math.pow(y[2 * i + 1] - c[labels[i]][1], 2);
        }
        double maxRadius = 0;
        for (int k = 0; k < clusters; k++) {
            maxRadius = Math.max(maxRadius, Math.sqrt(radius[k] / count[k]));
        }
        double minGap = Double.POSITIVE_INFINITY;
        for (int a = 0; a < clusters; a++) {
            for (int b = a + 1; b < clusters; b++) {
                minGap = Math.min(minGap, Math.hypot(c[a][0] - c[b][0], c[a][1] - c[b][1]));
            }
        }
        return minGap / maxRadius;
    }

    @Test
    void fit_wellSeparatedClusters_staySeparated_bothGradients() {
        Clusters c = Clusters.of(4, 100, 10, 6, 21);
        for (TsneSettings.Repulsion r : TsneSettings.Repulsion.values()) {
            float[] y = TsneFit.fit(c.points(), settings(r)).positions();
            double acc = Clusters.knnAccuracy(y, c.labels(), y, c.labels(), 10, true);
            assertTrue(acc >= 0.95, r + ": 10-NN label accuracy in 2-D " + acc);
            double sep = separation(y, c.labels(), 4);
            assertTrue(sep > 3, r + ": centroid gap / cluster radius " + sep);
        }
    }

    @Test
    void fit_sameSeedAndThreads_givesIdenticalMaps() {
        Clusters c = Clusters.of(3, 80, 8, 5, 4);
        TsneSettings s = settings(TsneSettings.Repulsion.BARNES_HUT);
        assertArrayEquals(TsneFit.fit(c.points(), s).positions(), TsneFit.fit(c.points(), s).positions());
        TsneSettings f = settings(TsneSettings.Repulsion.FFT_INTERPOLATION).withIterations(50, 50);
        assertArrayEquals(TsneFit.fit(c.points(), f).positions(), TsneFit.fit(c.points(), f).positions());
    }

    @Test
    void fit_hnswNeighbours_agreeWithExactClosely() {
        Clusters c = Clusters.of(5, 300, 16, 4, 8);
        try (Parallel p = new Parallel(2)) {
            Neighbours exact = new ExactNeighbourIndex(c.points()).referenceNeighbours(30, p);
            Neighbours approx = HnswNeighbourIndex.build(c.points()).referenceNeighbours(30, p);
            int hits = 0;
            for (int i = 0; i < exact.n(); i++) {
                java.util.Set<Integer> truth = new java.util.HashSet<>();
                for (int t = 0; t < 30; t++) {
                    truth.add(exact.index()[i * 30 + t]);
                }
                for (int t = 0; t < 30; t++) {
                    hits += truth.contains(approx.index()[i * 30 + t]) ? 1 : 0;
                    assertTrue(approx.index()[i * 30 + t] != i, "a point is never its own neighbour");
                }
            }
            double recall = hits / (double) (exact.n() * 30);
            assertTrue(recall > 0.95, "HNSW recall " + recall);
        }
    }

    @Test
    void fit_duplicatePoints_giveFiniteMapWithDuplicatesTogether() {
        Clusters c = Clusters.of(3, 60, 6, 5, 2);
        float[] v = c.points().values().clone();
        int d = 6;
        for (int i = 0; i < 60; i++) {
            System.arraycopy(v, 0, v, i * 3 * d, d); // every third point (cluster 0) becomes a copy of point 0
        }
        float[] y = TsneFit.fit(Points.of(180, d, v), settings(TsneSettings.Repulsion.BARNES_HUT)).positions();
        for (float e : y) {
            assertTrue(Float.isFinite(e), "non-finite coordinate");
        }
        assertEquals(y[0], y[6], 1e-4);
        assertEquals(y[1], y[7], 1e-4);
    }

    @Test
    void fit_allPointsEqual_isFinite() {
        float[] v = new float[100 * 3];
        java.util.Arrays.fill(v, 2.5f);
        float[] y = TsneFit.fit(Points.of(100, 3, v), TsneSettings.defaults(1, 1).withPerplexity(5)
                .withIterations(50, 50)).positions();
        for (float e : y) {
            assertTrue(Float.isFinite(e), "non-finite coordinate");
        }
    }

    @Test
    void fit_tooFewPointsForPerplexity_throwsNamingTheLimit() {
        Clusters c = Clusters.of(2, 20, 4, 3, 1);
        EmbeddingInputException e = assertThrows(EmbeddingInputException.class,
                () -> TsneFit.fit(c.points(), TsneSettings.defaults(1, 1)));
        assertEquals("N = 40 points is too few for perplexity 30.0: it needs more than floor(3 x perplexity) = 90"
                + " points; use a perplexity of at most 13.00", e.getMessage());
    }

    @Test
    void points_nonFinite_throwsNamingRowAndColumn() {
        float[] v = new float[12];
        v[7] = Float.NaN;
        EmbeddingInputException e = assertThrows(EmbeddingInputException.class, () -> Points.of(4, 3, v));
        assertEquals("value at row 2, column 1 is not finite: NaN", e.getMessage());
        v[7] = Float.NEGATIVE_INFINITY;
        e = assertThrows(EmbeddingInputException.class, () -> Points.of(4, 3, v));
        assertEquals("value at row 2, column 1 is not finite: -Infinity", e.getMessage());
    }

    @Test
    void settings_badPerplexity_throwsWithValue() {
        EmbeddingInputException e = assertThrows(EmbeddingInputException.class,
                () -> TsneSettings.defaults(1, 1).withPerplexity(Double.NaN));
        assertEquals("perplexity must be a finite number >= 1: NaN", e.getMessage());
    }
}
