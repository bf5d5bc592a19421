package io.hyclus.acquisition.stitch;

import io.hyclus.acquisition.stitch.StitchSettings.OutputGrid;
import io.hyclus.acquisition.stitch.StitchSettings.OverlapRule;
import io.hyclus.core.spectral.WavelengthGrid;

import java.util.Arrays;

/**
 * The spectral half of stitching, precomputed once per scan: the output grid and, for each output band, where it is
 * read in the VNIR and the SWIR spectrum (linear interpolation between band centres, clamped at the ends) and the
 * SWIR's weight {@code t} (0 below the overlap, 1 above it; a linear ramp across it for a cross-fade, a step at its
 * middle for a cut). The gain that matches SWIR to VNIR is a ratio of two straight-line fits, one per camera, over
 * the bands inside the match window (the overlap widened by the margin), each evaluated at the middle of the overlap;
 * both fits are linear in the band values, so their coefficients are precomputed and each gain costs two dot products.
 */
final class SpectralJoin {
    private final WavelengthGrid output;
    private final int[] vIndex;
    private final float[] vWeight;
    private final int[] sIndex;
    private final float[] sWeight;
    private final float[] swirShare;
    private final int vMatchFrom;
    private final float[] vMatch;
    private final int sMatchFrom;
    private final float[] sMatch;
    private final double junctionNm;
    private final double overlapFromNm;
    private final double overlapToNm;
    /**
     * The output bands in runs, in order: {@code runs[3r]} is the run's kind, {@code runs[3r + 1]} and
     * {@code runs[3r + 2]} its first band and the band after its last.
     */
    private final int[] runs;
    /** A run of bands that are exactly VNIR bands in order (SWIR weight 0, no interpolation): copied. */
    private static final int VNIR_COPY = 1;
    /** A run of bands that are exactly SWIR bands in order (SWIR weight 1, no interpolation): scaled by the gain. */
    private static final int SWIR_SCALED = 2;
    /** Any other band: interpolated and, in the overlap, blended. */
    private static final int BLEND = 0;

    SpectralJoin(WavelengthGrid vnir, WavelengthGrid swir, StitchSettings settings) {
        overlapFromNm = Math.max(vnir.firstNm(), swir.firstNm());
        overlapToNm = Math.min(vnir.lastNm(), swir.lastNm());
        if (vnir.firstNm() >= swir.firstNm() || vnir.lastNm() >= swir.lastNm()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "cannot stitch: the VNIR grid (%.1f-%.1f nm) must start and end below the SWIR grid (%.1f-%.1f nm)",
                    vnir.firstNm(), vnir.lastNm(), swir.firstNm(), swir.lastNm()));
        }
        junctionNm = (overlapFromNm + overlapToNm) / 2;
        output = settings.grid() == OutputGrid.NATIVE ? nativeGrid(vnir, swir, junctionNm)
                : uniformGrid(vnir, swir, settings.stepNm(), junctionNm);
        int n = output.bands();
        vIndex = new int[n];
        vWeight = new float[n];
        sIndex = new int[n];
        sWeight = new float[n];
        swirShare = new float[n];
        boolean fade = settings.overlap() == OverlapRule.CROSS_FADE && overlapToNm > overlapFromNm;
        for (int k = 0; k < n; k++) {
            double nm = output.centreNm(k);
            locate(vnir, nm, k, vIndex, vWeight);
            locate(swir, nm, k, sIndex, sWeight);
            swirShare[k] = (float) (fade ? Math.min(1, Math.max(0, (nm - overlapFromNm) / (overlapToNm - overlapFromNm)))
                    : nm <= junctionNm ? 0 : 1);
        }
        runs = runs(vIndex, vWeight, sIndex, sWeight, swirShare);
        double lo = overlapFromNm - settings.matchMarginNm();
        double hi = overlapToNm + settings.matchMarginNm();
        vMatchFrom = firstAtOrAbove(vnir, lo);
        vMatch = lineFitAt(vnir, vMatchFrom, lo, hi, junctionNm);
        sMatchFrom = firstAtOrAbove(swir, lo);
        sMatch = lineFitAt(swir, sMatchFrom, lo, hi, junctionNm);
    }

    WavelengthGrid output() {
        return output;
    }

    double junctionNm() {
        return junctionNm;
    }

    /**
     * How many leading output bands are the VNIR's leading bands copied as they are (0 when the first output band is
     * not VNIR band 0 copied, as on a resampled grid): on those bands a joined spectrum equals its VNIR spectrum bit for
     * bit.
     */
    int sharedVnirBands() {
        return runs.length > 0 && runs[0] == VNIR_COPY && runs[1] == 0 && vIndex[0] == 0 ? runs[2] : 0;
    }

    /**
     * The SWIR band the output's tail starts on when the output is exactly its leading VNIR bands copied from band 0
     * followed by consecutive SWIR bands scaled by the gain (the native grid, nothing cross-faded); -1 otherwise.
     */
    int swirTailFrom() {
        boolean twoRuns = runs.length == 6 && runs[0] == VNIR_COPY && runs[1] == 0 && vIndex[0] == 0
                && runs[3] == SWIR_SCALED && runs[4] == runs[2] && runs[5] == output.bands();
        return twoRuns ? sIndex[runs[4]] : -1;
    }

    /** VNIR's straight-line fit over the match window at the junction (NaN when no VNIR band lies in the window). */
    double vnirAtJunction(float[] v, int vOffset) {
        return dot(vMatch, v, vOffset + vMatchFrom);
    }

    double swirAtJunction(float[] s, int sOffset) {
        return dot(sMatch, s, sOffset + sMatchFrom);
    }

    /** The first SWIR band {@link #swirAtJunction} reads. */
    int swirMatchFrom() {
        return sMatchFrom;
    }

    /** The SWIR band after the last one {@link #swirAtJunction} reads. */
    int swirMatchTo() {
        return sMatchFrom + sMatch.length;
    }

    /**
     * Writes the joined spectrum of one pixel into {@code out} at {@code offset}: its VNIR spectrum is {@code v} from
     * {@code vOffset}, its SWIR spectrum {@code s} from {@code sOffset}.
     */
    void join(float[] v, int vOffset, float[] s, int sOffset, float gain, float[] out, int offset) {
        for (int r = 0; r < runs.length; r += 3) {
            int from = runs[r + 1];
            int to = runs[r + 2];
            switch (runs[r]) {
                // the same values as blend() gives these bands: (1 - 0) * v is v; 0 + (1 * gain) * s is 0 + gain * s
                case VNIR_COPY -> System.arraycopy(v, vOffset + vIndex[from], out, offset + from, to - from);
                case SWIR_SCALED -> {
                    System.arraycopy(s, sOffset + sIndex[from], out, offset + from, to - from);
                    for (int i = offset + from; i < offset + to; i++) { // one array at one index: C2 vectorises it
                        out[i] = 0f + gain * out[i];
                    }
                }
                default -> blend(v, vOffset, s, sOffset, gain, out, offset, from, to);
            }
        }
    }

    /**
     * Output bands {@code from} to {@code to} (exclusive), each interpolated in both spectra and blended: the general
     * case, which gives every band the value {@link #join} gives it (tests compare the two).
     */
    void blend(float[] v, int vOffset, float[] s, int sOffset, float gain, float[] out, int offset, int from,
                       int to) {
        for (int k = from; k < to; k++) {
            float t = swirShare[k];
            float value = 0;
            if (t < 1) {
                int i = vOffset + vIndex[k];
                float w = vWeight[k];
                float vv = w == 0 ? v[i] : v[i] + w * (v[i + 1] - v[i]);
                value = (1 - t) * vv;
            }
            if (t > 0) {
                int i = sOffset + sIndex[k];
                float w = sWeight[k];
                float sv = w == 0 ? s[i] : s[i] + w * (s[i + 1] - s[i]);
                value += t * gain * sv;
            }
            out[offset + k] = value;
        }
    }

    /** Splits the output bands into runs of one kind (see {@link #runs}); a copy run reads consecutive input bands. */
    private static int[] runs(int[] vIndex, float[] vWeight, int[] sIndex, float[] sWeight, float[] swirShare) {
        int n = swirShare.length;
        int[] kinds = new int[n];
        for (int k = 0; k < n; k++) {
            kinds[k] = swirShare[k] == 0 && vWeight[k] == 0 ? VNIR_COPY
                    : swirShare[k] == 1 && sWeight[k] == 0 ? SWIR_SCALED : BLEND;
        }
        int[] out = new int[3 * n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            boolean continues = m > 0 && out[m - 3] == kinds[k] && out[m - 1] == k && (kinds[k] == BLEND
                    || (kinds[k] == VNIR_COPY ? vIndex[k] == vIndex[k - 1] + 1 : sIndex[k] == sIndex[k - 1] + 1));
            if (continues) {
                out[m - 1] = k + 1;
            } else {
                out[m++] = kinds[k];
                out[m++] = k;
                out[m++] = k + 1;
            }
        }
        return Arrays.copyOf(out, m);
    }

    private static double dot(float[] coefficients, float[] values, int from) {
        if (coefficients.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = 0; k < coefficients.length; k++) {
            sum += coefficients[k] * values[from + k];
        }
        return sum;
    }

    /** Coefficients {@code a} with {@code sum a_k y_k} = the least-squares line through the window's bands, at {@code atNm}. */
    private static float[] lineFitAt(WavelengthGrid g, int from, double lo, double hi, double atNm) {
        int to = from;
        while (to < g.bands() && g.centreNm(to) <= hi) {
            to++;
        }
        int n = to - from;
        if (n <= 0 || g.centreNm(from) > hi) {
            return new float[0];
        }
        double mean = 0;
        for (int b = from; b < to; b++) {
            mean += g.centreNm(b) / n;
        }
        double sxx = 0;
        for (int b = from; b < to; b++) {
            sxx += (g.centreNm(b) - mean) * (g.centreNm(b) - mean);
        }
        float[] a = new float[n];
        for (int b = from; b < to; b++) {
            a[b - from] = (float) (1.0 / n + (sxx > 0 ? (g.centreNm(b) - mean) * (atNm - mean) / sxx : 0));
        }
        return a;
    }

    private static int firstAtOrAbove(WavelengthGrid g, double nm) {
        int b = 0;
        while (b < g.bands() && g.centreNm(b) < nm) {
            b++;
        }
        return b;
    }

    /** Index and weight of linear interpolation at {@code nm}: value = y[i] + w (y[i + 1] - y[i]), clamped at the ends. */
    private static void locate(WavelengthGrid g, double nm, int k, int[] index, float[] weight) {
        if (nm <= g.firstNm() || g.bands() == 1) {
            index[k] = 0;
            return;
        }
        if (nm >= g.lastNm()) {
            index[k] = g.bands() - 1;
            return;
        }
        int i = Arrays.binarySearch(g.centresNm(), nm);
        if (i >= 0) {
            index[k] = i;
            return;
        }
        int above = -i - 1;
        index[k] = above - 1;
        weight[k] = (float) ((nm - g.centreNm(above - 1)) / (g.centreNm(above) - g.centreNm(above - 1)));
    }

    private static WavelengthGrid nativeGrid(WavelengthGrid vnir, WavelengthGrid swir, double junctionNm) {
        int v = 0;
        while (v < vnir.bands() && vnir.centreNm(v) <= junctionNm) {
            v++;
        }
        int s = 0;
        while (s < swir.bands() && swir.centreNm(s) <= junctionNm) {
            s++;
        }
        int n = v + swir.bands() - s;
        double[] centres = new double[n];
        double[] fwhm = new double[n];
        for (int b = 0; b < v; b++) {
            centres[b] = vnir.centreNm(b);
            fwhm[b] = vnir.fwhmNm(b);
        }
        for (int b = s; b < swir.bands(); b++) {
            centres[v + b - s] = swir.centreNm(b);
            fwhm[v + b - s] = swir.fwhmNm(b);
        }
        return new WavelengthGrid(centres, fwhm);
    }

    /** Every multiple of the step from the VNIR's first band to the SWIR's last; FWHM the step or the source's, if wider. */
    private static WavelengthGrid uniformGrid(WavelengthGrid vnir, WavelengthGrid swir, double stepNm, double junctionNm) {
        long first = (long) Math.ceil(vnir.firstNm() / stepNm - 1e-9);
        long last = (long) Math.floor(swir.lastNm() / stepNm + 1e-9);
        int n = (int) (last - first + 1);
        double[] centres = new double[n];
        double[] fwhm = new double[n];
        for (int k = 0; k < n; k++) {
            centres[k] = (first + k) * stepNm;
            WavelengthGrid source = centres[k] <= junctionNm ? vnir : swir;
            fwhm[k] = Math.max(stepNm, source.fwhmNm(source.nearestBand(centres[k])));
        }
        return new WavelengthGrid(centres, fwhm);
    }
}
