package io.hyclus.acquisition.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * For each unresponsive element, the nearest responsive pixel on the left and on the right in the same
 * band ({@link #NONE} where there is none). Responsive elements hold {@link #GOOD} on both sides.
 */
record Repair(int[] left, int[] right, List<String> elements) {
    static final int GOOD = -1;
    static final int NONE = -2;
    private static final int LISTED = 20;

    static Repair plan(boolean[] bad, int pixels, int bands, String cameraId) {
        int[] left = new int[bad.length];
        int[] right = new int[bad.length];
        java.util.Arrays.fill(left, GOOD);
        java.util.Arrays.fill(right, GOOD);
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < bad.length; i++) {
            if (!bad[i]) {
                continue;
            }
            int p = i / bands;
            int b = i % bands;
            left[i] = nearest(bad, p, b, bands, pixels, -1);
            right[i] = nearest(bad, p, b, bands, pixels, +1);
            if (left[i] == NONE && right[i] == NONE) {
                throw new CalibrationException("camera " + cameraId + ": no pixel responds in band " + b
                        + ": cannot calibrate that band");
            }
            if (listed.size() < LISTED) {
                listed.add("pixel " + p + " band " + b);
            }
        }
        return new Repair(left, right, listed);
    }

    private static int nearest(boolean[] bad, int p, int b, int bands, int pixels, int step) {
        for (int q = p + step; q >= 0 && q < pixels; q += step) {
            int j = q * bands + b;
            if (!bad[j]) {
                return j;
            }
        }
        return NONE;
    }

    String describe() {
        return String.join(", ", elements) + (elements.size() == LISTED ? ", ..." : "");
    }
}
