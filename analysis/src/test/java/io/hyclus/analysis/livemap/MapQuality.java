package io.hyclus.analysis.livemap;

import java.util.Arrays;

/** kNN label accuracy of 2-D points against labelled reference points. */
final class MapQuality {
    private MapQuality() {
    }

    /**
     * Share of the {@code k} nearest reference points of each query point that carry its label; with {@code self},
     * query and reference are the same points and a point is not its own neighbour.
     */
    static double knnAccuracy(float[] query, int[] queryLabels, float[] ref, int[] refLabels, int k, boolean self) {
        int hits = 0;
        for (int i = 0; i < queryLabels.length; i++) {
            double[] dist = new double[refLabels.length];
            Integer[] idx = new Integer[refLabels.length];
            for (int j = 0; j < refLabels.length; j++) {
                double dx = query[2 * i] - ref[2 * j];
                double dy = query[2 * i + 1] - ref[2 * j + 1];
                dist[j] = self && i == j ? Double.POSITIVE_INFINITY : dx * dx + dy * dy;
                idx[j] = j;
            }
            Arrays.sort(idx, (a, b) -> Double.compare(dist[a], dist[b]));
            for (int j = 0; j < k; j++) {
                if (refLabels[idx[j]] == queryLabels[i]) {
                    hits++;
                }
            }
        }
        return hits / (double) (queryLabels.length * k);
    }
}
