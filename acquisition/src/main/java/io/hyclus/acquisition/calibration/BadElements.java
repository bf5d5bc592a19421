package io.hyclus.acquisition.calibration;

import io.hyclus.hardware.camera.RawFrame;

import java.util.Arrays;

/**
 * The bad elements of a camera, judged from its dark and white reference statistics: hot (dark level above the band's
 * median by more than {@link CalibrationSettings#hotAboveDn()}; its white reference often saturates too), dead (no
 * response, or white saturated), noisy
 * (dark deviation above {@link CalibrationSettings#noisyFactor()} times the band's median; only with
 * {@link CalibrationSettings#MIN_FRAMES_FOR_NOISE} or more dark frames). An element counts once, under the first kind
 * that applies in that order.
 */
record BadElements(boolean[] bad, int dead, int hot, int noisy) {
    /** The band's median dark noise is taken as at least this (DN): a noiseless simulated band has 0. */
    private static final double MIN_NOISE_DN = 0.5;

    int total() {
        return dead + hot + noisy;
    }

    String describe(CalibrationSettings s) {
        return dead + " dead (white - dark < " + s.minResponseDn() + " DN or white saturated), " + hot + " hot (dark > "
                + s.hotAboveDn() + " DN above the band's median), " + noisy + " noisy (dark noise > " + s.noisyFactor()
                + " x the band's median)";
    }

    static BadElements find(float[] dark, float[] white, float[] darkStd, int darkFrames, int pixels, int bands,
                            CalibrationSettings s) {
        boolean[] bad = new boolean[dark.length];
        int dead = 0;
        int hot = 0;
        int noisy = 0;
        boolean judgeNoise = darkFrames >= CalibrationSettings.MIN_FRAMES_FOR_NOISE;
        double[] column = new double[pixels];
        for (int b = 0; b < bands; b++) {
            for (int p = 0; p < pixels; p++) {
                column[p] = dark[p * bands + b];
            }
            double darkMedian = median(column);
            for (int p = 0; p < pixels; p++) {
                column[p] = darkStd[p * bands + b];
            }
            double noiseMedian = Math.max(MIN_NOISE_DN, median(column));
            for (int p = 0; p < pixels; p++) {
                int i = p * bands + b;
                if (dark[i] - darkMedian > s.hotAboveDn()) {
                    bad[i] = true;
                    hot++;
                } else if (white[i] - dark[i] < s.minResponseDn() || white[i] >= RawFrame.MAX_COUNT - 0.5) {
                    bad[i] = true;
                    dead++;
                } else if (judgeNoise && darkStd[i] > s.noisyFactor() * noiseMedian) {
                    bad[i] = true;
                    noisy++;
                }
            }
        }
        return new BadElements(bad, dead, hot, noisy);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
