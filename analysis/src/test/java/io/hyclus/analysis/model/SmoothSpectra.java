package io.hyclus.analysis.model;

import java.util.Random;

/** Seeded synthetic spectra for network tests: a sloped continuum with two Gaussian absorption bands, in (0, 1). */
final class SmoothSpectra {
    private SmoothSpectra() {
    }

    static SpectraBlock generate(int rows, int bands, long seed) {
        Random rng = new Random(seed);
        float[] v = new float[rows * bands];
        for (int r = 0; r < rows; r++) {
            double level = 0.4 + 0.3 * rng.nextDouble();
            double slope = 0.2 * (rng.nextDouble() - 0.5);
            double c1 = rng.nextDouble();
            double c2 = rng.nextDouble();
            double d1 = 0.25 * rng.nextDouble();
            double d2 = 0.2 * rng.nextDouble();
            for (int b = 0; b < bands; b++) {
                double x = (double) b / (bands - 1);
                double y = level + slope * (x - 0.5)
                        - d1 * Math.exp(-Math.pow((x - c1) / 0.08, 2)) - d2 * Math.exp(-Math.pow((x - c2) / 0.05, 2));
                v[r * bands + b] = (float) y;
            }
        }
        return new SpectraBlock(v, rows, bands);
    }

    static SpectraBlock rows(SpectraBlock s, int from, int to) {
        float[] v = new float[(to - from) * s.bands()];
        System.arraycopy(s.values(), from * s.bands(), v, 0, v.length);
        return new SpectraBlock(v, to - from, s.bands());
    }
}
