package io.hyclus.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Ward merges on points whose linkage is worked out by hand (SciPy's ward gives the same). */
class WardTest {
    @Test
    void of_fourPointsOnALine_mergesPairsThenBoth_atWardDistances() {
        // 0, 1 and 10, 12: pairs at distance 1 and 2; the two pairs' Ward distance is
        // sqrt(2 * n1 * n2 / (n1 + n2)) * |centroid difference| = sqrt(2) * 10.5
        Ward w = Ward.of(new double[][] {{0}, {1}, {10}, {12}});
        assertArrayEquals(new int[] {0, 2, 4}, w.left());
        assertArrayEquals(new int[] {1, 3, 5}, w.right());
        assertArrayEquals(new double[] {1, 2, Math.sqrt(2) * 10.5}, w.height(), 1e-12);
        assertArrayEquals(new int[] {2, 2, 4}, w.size());
        assertArrayEquals(new int[] {0, 1, 2, 3}, w.leafOrder());
    }
}
