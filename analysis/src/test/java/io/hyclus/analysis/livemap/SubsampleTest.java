package io.hyclus.analysis.livemap;

import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubsampleTest {
    @Test
    void kDistinctRowsInOrder_sameEveryTime_dependingOnSeedSampleAndCamera() {
        int[] a = Subsample.rows(1, "scan-1/A-1", SensorKind.VNIR, 22_208, 500);
        assertEquals(500, a.length);
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i] > a[i - 1], "increasing and distinct at " + i);
        }
        assertTrue(a[0] >= 0 && a[a.length - 1] < 22_208);
        assertArrayEquals(a, Subsample.rows(1, "scan-1/A-1", SensorKind.VNIR, 22_208, 500));
        assertFalse(java.util.Arrays.equals(a, Subsample.rows(2, "scan-1/A-1", SensorKind.VNIR, 22_208, 500)));
        assertFalse(java.util.Arrays.equals(a, Subsample.rows(1, "scan-1/A-2", SensorKind.VNIR, 22_208, 500)));
        assertFalse(java.util.Arrays.equals(a, Subsample.rows(1, "scan-1/A-1", SensorKind.SWIR, 22_208, 500)));
    }

    @Test
    void fewerRowsThanAsked_allOfThem() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, Subsample.rows(1, "s/A", SensorKind.VNIR, 4, 500));
    }

    @Test
    void spreadOverTheSample_eachHalfGetsAboutHalf() {
        int low = 0;
        for (int s = 0; s < 200; s++) {
            for (int r : Subsample.rows(s, "scan/S-" + s, SensorKind.VNIR, 1000, 100)) {
                low += r < 500 ? 1 : 0;
            }
        }
        assertTrue(Math.abs(low / 20_000.0 - 0.5) < 0.02, "share in the first half " + low / 20_000.0);
    }

    @Test
    void fromEligibleRows_onlyThose_andEveryRowEligibleDrawsAsBefore() {
        int[] every = new int[1000];
        for (int i = 0; i < every.length; i++) {
            every[i] = i;
        }
        assertArrayEquals(Subsample.rows(3, "s/A", SensorKind.VNIR, 1000, 100),
                Subsample.rows(3, "s/A", SensorKind.VNIR, every, 100));
        int[] even = new int[500];
        for (int i = 0; i < even.length; i++) {
            even[i] = 2 * i;
        }
        int[] got = Subsample.rows(3, "s/A", SensorKind.VNIR, even, 100);
        assertEquals(100, got.length);
        for (int i = 0; i < got.length; i++) {
            assertEquals(0, got[i] % 2, "row " + got[i] + " is not eligible");
            assertTrue(i == 0 || got[i] > got[i - 1]);
        }
        assertArrayEquals(new int[] {4, 8}, Subsample.rows(3, "s/A", SensorKind.VNIR, new int[] {4, 8}, 100));
    }

    @Test
    void codes_takesTheChosenRows() {
        float[] codes = {0, 1, 10, 11, 20, 21, 30, 31};
        assertArrayEquals(new float[] {10, 11, 30, 31}, Subsample.codes(codes, 2, new int[] {1, 3}));
    }
}
