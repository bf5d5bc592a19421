package io.hyclus.analysis.embed;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ExactNeighbourIndexTest {
    /** 2,500 points (more than two distance blocks) in 6-D, every fifth a duplicate of the one before it. */
    private static Points points(long seed, int n) {
        Random r = new Random(seed);
        int d = 6;
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                v[i * d + c] = i % 5 == 4 ? v[(i - 1) * d + c] : (float) (r.nextGaussian() * (1 + i % 3));
            }
        }
        return Points.of(n, d, v);
    }

    /** Plain sort of all distances (double, ties by lower index): what the float screen must reproduce exactly. */
    private static Neighbours bruteForce(Points q, Points ref, int k, boolean self) {
        int[] idx = new int[q.n() * k];
        double[] dist = new double[q.n() * k];
        for (int i = 0; i < q.n(); i++) {
            final int row = i;
            Integer[] order = new Integer[ref.n()];
            for (int j = 0; j < ref.n(); j++) {
                order[j] = j;
            }
            Comparator<Integer> byDistance = Comparator.comparingDouble(
                    j -> ExactNeighbourIndex.distanceSq(q.values(), row, ref.values(), j, ref.d()));
            Arrays.sort(order, byDistance.thenComparingInt(j -> j));
            int t = 0;
            for (int j = 0; j < ref.n() && t < k; j++) {
                if (!self || order[j] != row) {
                    idx[i * k + t] = order[j];
                    dist[i * k + t] = ExactNeighbourIndex.distanceSq(q.values(), row, ref.values(), order[j], ref.d());
                    t++;
                }
            }
        }
        return new Neighbours(q.n(), k, idx, dist);
    }

    @Test
    void referenceNeighbours_blockedFloatScreen_equalsPlainSort_withDuplicates_anyThreads() {
        Points p = points(3, 2500);
        Neighbours expected = bruteForce(p, p, 15, true);
        for (int threads : new int[] {1, 2, 3}) {
            try (Parallel par = new Parallel(threads)) {
                Neighbours got = new ExactNeighbourIndex(p).referenceNeighbours(15, par);
                assertArrayEquals(expected.index(), got.index(), "threads " + threads);
                assertArrayEquals(expected.distanceSq(), got.distanceSq(), 0.0);
            }
        }
    }

    @Test
    void query_equalsPlainSort() {
        Points ref = points(4, 2100);
        Points q = points(5, 40);
        Neighbours expected = bruteForce(q, ref, 25, false);
        try (Parallel par = new Parallel(2)) {
            Neighbours got = new ExactNeighbourIndex(ref).query(q, 25, par);
            assertArrayEquals(expected.index(), got.index());
            assertArrayEquals(expected.distanceSq(), got.distanceSq(), 0.0);
        }
    }
}
