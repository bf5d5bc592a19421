package io.hyclus.core.scan;

import io.hyclus.core.Checks;

import java.util.Arrays;

/**
 * The SWIR tail of a stitched line in the stitcher's own terms: the SWIR values once per SWIR pixel, the across-track
 * taps that spread them over the stitched pixels, and each stitched pixel's gain (docs/stitching.md, "Published
 * factored"). On the native grid a stitched spectrum is its VNIR spectrum followed by SWIR bands scaled by the pixel's
 * gain, and a stitched pixel's SWIR spectrum is one SWIR pixel's, or a few SWIR pixels' weighted by footprint overlap.
 * So the stitched line's {@code pixels × bands} tail values are a function of {@code swirPixels × bands} SWIR values,
 * and a stitched pair can carry those instead: 384 instead of 1,024 spectra with the reference cameras.
 *
 * <p>{@link #tail} computes the tail from them, the only code that does: a {@link StitchedPair#factored} pair (the
 * stitcher's and the decoder's) builds its stitched line with it, so the line is, bit for bit, what its source gives; a
 * pair given both lines checks it on a few pixels.
 *
 * @param swirPixels  SWIR pixels in {@code swir}
 * @param bands       tail bands: the stitched bands that follow the VNIR bands
 * @param swir        {@code swirPixels × bands}, pixel by pixel: the along-track-interpolated SWIR line's tail bands
 * @param gains       each stitched pixel's SWIR-to-VNIR gain
 * @param tapStart    stitched pixel {@code p}'s taps are {@code tapStart[p]} to {@code tapStart[p + 1] - 1}; one entry
 *                    more than there are stitched pixels, starting at 0, at least one tap per pixel
 * @param sourcePixel each tap's SWIR pixel
 * @param weight      each tap's weight (a pixel with one tap takes its SWIR pixel as it is)
 */
public record StitchSource(int swirPixels, int bands, float[] swir, float[] gains, int[] tapStart, int[] sourcePixel,
                           float[] weight) {

    public StitchSource {
        Checks.positive("SWIR pixels", swirPixels);
        Checks.positive("tail bands", bands);
        Checks.notNull("SWIR values", swir);
        Checks.notNull("gains", gains);
        Checks.notNull("tap starts", tapStart);
        Checks.notNull("tap source pixels", sourcePixel);
        Checks.notNull("tap weights", weight);
        if (swir.length != (long) swirPixels * bands) {
            throw new IllegalArgumentException("stitch source: " + swir.length + " SWIR values for " + swirPixels
                    + " pixels x " + bands + " bands");
        }
        if (gains.length == 0 || tapStart.length != gains.length + 1 || tapStart[0] != 0
                || tapStart[gains.length] != sourcePixel.length || weight.length != sourcePixel.length) {
            throw new IllegalArgumentException("stitch source: " + gains.length + " gains, " + tapStart.length
                    + " tap starts (from " + (tapStart.length > 0 ? tapStart[0] : "none") + "), "
                    + sourcePixel.length + " tap pixels and " + weight.length + " tap weights do not fit together");
        }
        for (int p = 0; p < gains.length; p++) {
            if (tapStart[p + 1] <= tapStart[p]) {
                throw new IllegalArgumentException("stitch source: stitched pixel " + p + " has no tap");
            }
            if (!Float.isFinite(gains[p])) {
                throw new IllegalArgumentException("stitch source: stitched pixel " + p + " has gain " + gains[p]);
            }
        }
        for (int t = 0; t < sourcePixel.length; t++) {
            if (sourcePixel[t] < 0 || sourcePixel[t] >= swirPixels || !Float.isFinite(weight[t])) {
                throw new IllegalArgumentException("stitch source: tap " + t + " reads SWIR pixel " + sourcePixel[t]
                        + " of " + swirPixels + " with weight " + weight[t]);
            }
        }
    }

    /** Equal when every field and every array element are equal (a record compares arrays by reference). */
    @Override
    public boolean equals(Object o) {
        return o instanceof StitchSource s && swirPixels == s.swirPixels && bands == s.bands
                && Arrays.equals(swir, s.swir) && Arrays.equals(gains, s.gains) && Arrays.equals(tapStart, s.tapStart)
                && Arrays.equals(sourcePixel, s.sourcePixel) && Arrays.equals(weight, s.weight);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * swirPixels + bands) + Arrays.hashCode(gains);
    }

    @Override
    public String toString() {
        return "StitchSource[" + swirPixels + " SWIR pixels x " + bands + " bands for " + gains.length
                + " stitched pixels, " + sourcePixel.length + " taps]";
    }

    /** Stitched pixels. */
    public int pixels() {
        return gains.length;
    }

    /**
     * Writes every stitched pixel's tail: pixel {@code p}'s {@link #bands()} values go to {@code out} from
     * {@code p * outBands + from}. A pixel with one tap is its SWIR pixel times its gain; with more, the taps' weighted
     * sum (in tap order, in float) times its gain.
     */
    public void tail(float[] out, int outBands, int from) {
        if (from < 0 || from + bands > outBands || out.length != (long) pixels() * outBands) {
            throw new IllegalArgumentException("stitch source: a tail of " + bands + " bands from band " + from
                    + " does not fit " + pixels() + " pixels x " + outBands + " bands in " + out.length + " values");
        }
        float[] sum = new float[bands];
        float[] src = new float[bands];
        for (int p = 0; p < gains.length; p++) {
            tailOf(p, sum, src, out, p * outBands + from);
        }
    }

    /** Stitched pixel {@code p}'s tail alone. */
    float[] pixelTail(int p) {
        float[] out = new float[bands];
        tailOf(p, new float[bands], new float[bands], out, 0);
        return out;
    }

    /**
     * Pixel {@code p}'s tail into {@code out} at {@code offset}; {@code sum} and {@code src} are scratch of
     * {@link #bands()} values. Values are copied to where a loop reads and writes one index of arrays (JDK 17's C2
     * vectorises those loops, not one reading an array at one offset and writing another at another).
     */
    private void tailOf(int p, float[] sum, float[] src, float[] out, int offset) {
        float g = gains[p];
        int t = tapStart[p];
        int end = tapStart[p + 1];
        if (end - t == 1) {
            System.arraycopy(swir, sourcePixel[t] * bands, out, offset, bands);
        } else {
            System.arraycopy(swir, sourcePixel[t] * bands, src, 0, bands);
            float w = weight[t];
            for (int b = 0; b < bands; b++) {
                sum[b] = w * src[b];
            }
            for (t++; t < end; t++) {
                System.arraycopy(swir, sourcePixel[t] * bands, src, 0, bands);
                w = weight[t];
                for (int b = 0; b < bands; b++) {
                    sum[b] += w * src[b];
                }
            }
            System.arraycopy(sum, 0, out, offset, bands);
        }
        for (int i = offset; i < offset + bands; i++) {
            out[i] = 0f + g * out[i];
        }
    }
}
