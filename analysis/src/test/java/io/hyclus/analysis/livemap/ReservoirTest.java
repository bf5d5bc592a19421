package io.hyclus.analysis.livemap;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReservoirTest {
    private static final MapSample A = ClusterCodes.sample("A-1", 0, "m@1");

    /** Offers points 0..n-1 of sample A (code = its index) in batches of {@code batch}. */
    private static Reservoir filled(int capacity, long seed, int n, int batch) {
        Reservoir r = new Reservoir(capacity, 1, seed);
        for (int first = 0; first < n; first += batch) {
            int m = Math.min(batch, n - first);
            int[] rows = new int[m];
            float[] codes = new float[m];
            for (int i = 0; i < m; i++) {
                rows[i] = first + i;
                codes[i] = first + i;
            }
            r.offer(A, rows, codes);
        }
        return r;
    }

    @Test
    void boundedAtCapacity_countsEverythingSeen_holdsDistinctPointsWithTheirRows() {
        Reservoir r = filled(100, 7, 5000, 37);
        assertEquals(100, r.size());
        assertEquals(5000, r.seen());
        Set<Integer> rows = new HashSet<>();
        float[] codes = r.codes();
        for (int slot = 0; slot < r.size(); slot++) {
            assertEquals(r.row(slot), (int) codes[slot], "a slot's code and row belong together");
            rows.add(r.row(slot));
            assertEquals(A, r.sample(slot));
        }
        assertEquals(100, rows.size());
    }

    @Test
    void seeded_sameSeedSamePoints_whateverTheBatching_otherSeedOtherPoints() {
        Reservoir a = filled(50, 3, 2000, 100);
        Reservoir b = filled(50, 3, 2000, 7);
        Reservoir c = filled(50, 4, 2000, 100);
        assertArrayEquals(a.rows(), b.rows());
        assertNotEquals(Arrays.toString(a.rows()), Arrays.toString(c.rows()));
    }

    @Test
    void uniform_eachPointKeptWithProbabilityCapacityOverSeen() {
        // 400 reservoirs of 100 out of 1000: each of the 10 deciles of the stream holds about 10 % of the kept points
        int[] perDecile = new int[10];
        for (int seed = 0; seed < 400; seed++) {
            for (int row : filled(100, seed, 1000, 250).rows()) {
                perDecile[row / 100]++;
            }
        }
        for (int d = 0; d < 10; d++) {
            double share = perDecile[d] / 40_000.0;
            assertTrue(Math.abs(share - 0.1) < 0.01, "decile " + d + " holds " + share + " of the kept points");
        }
    }

    @Test
    void restored_goesOnExactlyAsTheOriginal_forgetsSamplesNoLongerHeld() {
        Reservoir original = filled(20, 11, 300, 50);
        Reservoir copy = Reservoir.restored(20, 1, 11, original.seen(), original.heldSamples(),
                original.heldSampleIndices(), original.rows(), original.codes());
        MapSample b = ClusterCodes.sample("B-1", 1, "m@1");
        int[] rows = new int[500];
        float[] codes = new float[500];
        for (int i = 0; i < 500; i++) {
            rows[i] = i;
            codes[i] = 1000 + i;
        }
        original.offer(b, rows, codes);
        copy.offer(b, rows, codes);
        assertArrayEquals(original.rows(), copy.rows());
        assertArrayEquals(original.codes(), copy.codes());
        assertEquals(original.heldSamples(), copy.heldSamples());
        // after 500 points of B against 300 of A, A may be gone entirely: then it is not listed
        boolean aHeld = false;
        for (int s = 0; s < copy.size(); s++) {
            aHeld |= copy.sample(s).equals(A);
        }
        assertEquals(aHeld ? List.of(A, b) : List.of(b), copy.heldSamples());
    }
}
