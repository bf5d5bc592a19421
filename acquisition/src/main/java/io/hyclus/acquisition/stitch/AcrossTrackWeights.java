package io.hyclus.acquisition.stitch;

import io.hyclus.core.scan.AcrossTrackGeometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Which pixels of a source camera (SWIR) make up each pixel of a target camera (VNIR), computed once per scan from
 * both cameras' footprints on the tray: target pixel {@code i} covers {@code x(i) ± pitch/2} mm, and each source pixel
 * it overlaps contributes in proportion to the overlap's length (box weights, normalised to sum 1). A target pixel
 * overlapping no source pixel takes the nearest edge pixel with weight 1. Stored as compressed rows: the taps of
 * pixel {@code i} are {@code [start(i), start(i + 1))}.
 */
final class AcrossTrackWeights {
    private final int[] start;
    private final int[] sourcePixel;
    private final float[] weight;
    private final boolean[] covered;

    private AcrossTrackWeights(int[] start, int[] sourcePixel, float[] weight, boolean[] covered) {
        this.start = start;
        this.sourcePixel = sourcePixel;
        this.weight = weight;
        this.covered = covered;
    }

    static AcrossTrackWeights between(AcrossTrackGeometry target, int targetPixels, AcrossTrackGeometry source,
                                      int sourcePixels) {
        int[] start = new int[targetPixels + 1];
        List<Integer> pixels = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        boolean[] covered = new boolean[targetPixels];
        double sp = source.pixelPitchMm();
        double sourceFrom = source.xMm(0) - sp / 2;
        double sourceTo = source.xMm(sourcePixels - 1) + sp / 2;
        for (int i = 0; i < targetPixels; i++) {
            start[i] = pixels.size();
            double lo = target.xMm(i) - target.pixelPitchMm() / 2;
            double hi = target.xMm(i) + target.pixelPitchMm() / 2;
            int first = Math.max(0, (int) Math.floor((lo - sourceFrom) / sp));
            int last = Math.min(sourcePixels - 1, (int) Math.floor((hi - sourceFrom) / sp));
            double total = 0;
            for (int j = first; j <= last; j++) {
                double overlap = Math.min(hi, source.xMm(j) + sp / 2) - Math.max(lo, source.xMm(j) - sp / 2);
                if (overlap > 1e-9) {
                    pixels.add(j);
                    weights.add((float) overlap);
                    total += overlap;
                }
            }
            covered[i] = total >= 0.5 * (hi - lo);
            if (total == 0) {
                pixels.add(target.xMm(i) < sourceFrom ? 0 : sourcePixels - 1);
                weights.add(1f);
                total = 1;
            } else {
                double sum = total;
                for (int k = start[i]; k < weights.size(); k++) {
                    weights.set(k, (float) (weights.get(k) / sum));
                }
            }
            if (sourceTo < lo || sourceFrom > hi) {
                covered[i] = false;
            }
        }
        start[targetPixels] = pixels.size();
        int[] sp2 = pixels.stream().mapToInt(Integer::intValue).toArray();
        float[] w = new float[weights.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = weights.get(k);
        }
        return new AcrossTrackWeights(start, sp2, w, covered);
    }

    int targetPixels() {
        return covered.length;
    }

    int start(int targetPixel) {
        return start[targetPixel];
    }

    int end(int targetPixel) {
        return start[targetPixel + 1];
    }

    int sourcePixel(int tap) {
        return sourcePixel[tap];
    }

    float weight(int tap) {
        return weight[tap];
    }

    /** True when at least half the target pixel's footprint lies in the source camera's field of view. */
    boolean covered(int targetPixel) {
        return covered[targetPixel];
    }
}
