package io.hyclus.analysis.livemap;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The seeded subsample of a sample's spectra placed on the map: {@code k} distinct rows drawn uniformly (a partial
 * Fisher-Yates shuffle) from a generator seeded by the settings' seed, the sample's key and the camera, returned in
 * increasing order; all rows when the sample has at most {@code k}. The same sample gives the same rows every time,
 * also after a restart or on another machine.
 */
final class Subsample {
    private Subsample() {
    }

    static int[] rows(long seed, String sampleKey, SensorKind camera, int totalRows, int k) {
        Checks.positive("rows of sample " + sampleKey, totalRows);
        int[] all = new int[totalRows];
        for (int i = 0; i < totalRows; i++) {
            all[i] = i;
        }
        return rows(seed, sampleKey, camera, all, k);
    }

    /**
     * As {@link #rows(long, String, SensorKind, int, int)}, drawn from the {@code eligible} rows only (increasing);
     * with every row eligible it draws the same rows.
     */
    static int[] rows(long seed, String sampleKey, SensorKind camera, int[] eligible, int k) {
        Checks.positive("subsample size", k);
        Checks.positive("eligible rows of sample " + sampleKey, eligible.length);
        int totalRows = eligible.length;
        int[] all = eligible.clone();
        if (totalRows <= k) {
            return all;
        }
        SplittableRandom r = new SplittableRandom(Seeds.of(seed, sampleKey + "|" + camera.name()));
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(totalRows - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, k);
        Arrays.sort(out);
        return out;
    }

    /** The codes of {@code rows} (row-major, {@code d} per row) taken from {@code codes}. */
    static float[] codes(float[] codes, int d, int[] rows) {
        float[] out = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(codes, rows[i] * d, out, i * d, d);
        }
        return out;
    }
}
