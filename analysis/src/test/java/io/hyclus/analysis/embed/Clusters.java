package io.hyclus.analysis.embed;

import java.util.Random;

/** Seeded Gaussian clusters for tests: centres on scaled axes, unit spread, labels per point. */
record Clusters(Points points, int[] labels) {
    static Clusters of(int clusters, int perCluster, int d, double separation, long seed) {
        Random r = new Random(seed);
        double[][] centres = new double[clusters][d];
        for (int c = 0; c < clusters; c++) {
            for (int j = 0; j < d; j++) {
                centres[c][j] = r.nextGaussian() * separation;
            }
        }
        int n = clusters * perCluster;
        float[] v = new float[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % clusters;
            labels[i] = c;
            for (int j = 0; j < d; j++) {
                v[i * d + j] = (float) (centres[c][j] + r.nextGaussian());
            }
        }
        return new Clusters(Points.of(n, d, v), labels);
    }

    /** Share of each point's k nearest 2-D neighbours (among {@code ref}) sharing its label. */
    static double knnAccuracy(float[] query, int[] queryLabels, float[] ref, int[] refLabels, int k, boolean self) {
        int m = queryLabels.length;
        int n = refLabels.length;
        int hits = 0;
        for (int i = 0; i < m; i++) {
            ExactNeighbourIndex.TopK top = new ExactNeighbourIndex.TopK(k);
            for (int j = 0; j < n; j++) {
                if (self && i == j) {
                    continue;
                }
                double dx = query[2 * i] - ref[2 * j];
                double dy = query[2 * i + 1] - ref[2 * j + 1];
                top.offer(j, dx * dx + dy * dy);
            }
            int[] idx = new int[k];
            top.drainSorted(idx, new double[k], 0);
            for (int j : idx) {
                if (refLabels[j] == queryLabels[i]) {
                    hits++;
                }
            }
        }
        return hits / (double) (m * k);
    }
}
