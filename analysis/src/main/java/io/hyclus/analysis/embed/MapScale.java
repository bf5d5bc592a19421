package io.hyclus.analysis.embed;

import java.util.Arrays;

/**
 * The length scale of a map's neighbourhoods: the median, over a deterministic sample of reference points, of the
 * distance from a point to its k-th nearest other reference point in the map. Found on a uniform grid of about four
 * points per cell, ring by ring, so it costs O(sample × k) rather than O(sample × N).
 */
final class MapScale {
    /** Reference points sampled (evenly by index) for the median. */
    static final int SAMPLE = 2000;

    private MapScale() {
    }

    /** Median k-th-neighbour distance of the first n positions (x, y interleaved); 0 when n <= k. */
    static double neighbourRadius(double[] positions, int n, int k) {
        if (n <= k) {
            return 0;
        }
        Extent box = Extent.of(positions, n);
        int cellsPerSide = Math.max(1, (int) Math.ceil(Math.sqrt(n / 4.0)));
        double side = box.side(1e-12);
        double cell = side / cellsPerSide;
        int[] cellOf = new int[n];
        int[] start = new int[cellsPerSide * cellsPerSide + 1];
        for (int i = 0; i < n; i++) {
            int cx = clamp((int) ((positions[2 * i] - box.minX()) / cell), cellsPerSide);
            int cy = clamp((int) ((positions[2 * i + 1] - box.minY()) / cell), cellsPerSide);
            cellOf[i] = cy * cellsPerSide + cx;
            start[cellOf[i] + 1]++;
        }
        for (int c = 0; c < cellsPerSide * cellsPerSide; c++) {
            start[c + 1] += start[c];
        }
        int[] members = new int[n];
        int[] fill = Arrays.copyOf(start, start.length - 1);
        for (int i = 0; i < n; i++) {
            members[fill[cellOf[i]]++] = i;
        }
        int stride = Math.max(1, n / SAMPLE);
        int samples = (n + stride - 1) / stride;
        double[] kth = new double[samples];
        double[] best = new double[k];
        for (int s = 0; s < samples; s++) {
            int i = s * stride;
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            int qx = cellOf[i] % cellsPerSide;
            int qy = cellOf[i] / cellsPerSide;
            for (int ring = 0; ring <= cellsPerSide; ring++) {
                for (int y = qy - ring; y <= qy + ring; y++) {
                    for (int x = qx - ring; x <= qx + ring; x++) {
                        boolean onRing = Math.abs(y - qy) == ring || Math.abs(x - qx) == ring;
                        if (onRing && x >= 0 && y >= 0 && x < cellsPerSide && y < cellsPerSide) {
                            int c = y * cellsPerSide + x;
                            for (int m = start[c]; m < start[c + 1]; m++) {
                                int j = members[m];
                                if (j != i) {
                                    double dx = positions[2 * i] - positions[2 * j];
                                    double dy = positions[2 * i + 1] - positions[2 * j + 1];
                                    offer(best, dx * dx + dy * dy);
                                }
                            }
                        }
                    }
                }
                // every point of the next ring is at least ring × cell away
                if (best[k - 1] <= (ring * cell) * (ring * cell)) {
                    break;
                }
            }
            kth[s] = Math.sqrt(best[k - 1]);
        }
        return Transform.median(kth);
    }

    /** Keeps {@code best} sorted ascending with the k smallest values offered. */
    private static void offer(double[] best, double d) {
        int k = best.length;
        if (d >= best[k - 1]) {
            return;
        }
        int p = k - 1;
        while (p > 0 && best[p - 1] > d) {
            best[p] = best[p - 1];
            p--;
        }
        best[p] = d;
    }

    private static int clamp(int c, int cells) {
        return Math.max(0, Math.min(cells - 1, c));
    }
}
