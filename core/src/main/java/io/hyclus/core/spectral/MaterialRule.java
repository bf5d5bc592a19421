package io.hyclus.core.spectral;

import io.hyclus.core.Checks;
import io.hyclus.core.scan.PixelFlags;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The material mask: which spectra of one sample (one camera) are the sample's material, and why the others are not.
 * Applied in this order to every spectrum; the first test that fires gives its {@link MaterialClass}:
 * <ol>
 *   <li>{@link MaterialClass#FLAGGED}: the pixel carries a {@link PixelFlags} flag (saturated, out of range);</li>
 *   <li>{@link MaterialClass#DARK}: mean reflectance below {@code darkBelow} (belt), or below {@code shadowRatio} times
 *       the sample's reference brightness (a wall's shadow);</li>
 *   <li>{@link MaterialClass#BRIGHT}: mean reflectance above {@code glintAbove} (a specular glint), or above
 *       {@code brightRatio} times the reference brightness (tray floor, white reference);</li>
 *   <li>{@link MaterialClass#OFF_SPECTRUM}: the spectrum's shape is not one the sample's own spectra take. Shapes are
 *       spectra divided by their mean (brightness ignored); the sample's shapes vary as its minerals' proportions vary,
 *       in a few directions: the first {@code components} principal components of the sample's shapes, each shape first
 *       averaged into {@value #SHAPE_BINS} groups of adjacent bands so that per-band noise does not hide it. A spectrum
 *       whose distance from that subspace (the residual after projection) exceeds {@code residualRatio} times the
 *       median residual of the sample's spectra, or whose coefficient along a component exceeds {@code reachRatio}
 *       times that component's median, is off-spectrum: a grey container wall, another surface.</li>
 * </ol>
 * The references are robust statistics of the sample itself, over the spectra that pass the brightness tests (at most
 * {@value #REFERENCE_SPECTRA}, taken at an even stride): the median mean reflectance; the per-band median shape; the
 * principal components, fitted twice, the second time without the spectra whose residual was an outlier the first time
 * (so a minority of wall pixels does not pull a component towards itself). Deterministic: no randomness but a fixed
 * seed for the start of the power iteration. With fewer than {@value #MIN_REFERENCE} reference spectra only the
 * absolute tests apply.
 *
 * @param darkBelow     absolute mean reflectance below which a spectrum is dark (belt: ~0.05)
 * @param shadowRatio   fraction of the reference brightness below which a spectrum is a shadow (0-1)
 * @param glintAbove    absolute mean reflectance above which a spectrum is a glint
 * @param brightRatio   multiple of the reference brightness above which a spectrum is too bright (&gt; 1)
 * @param components    principal components of the sample's shapes its spectra may vary along (0-16)
 * @param residualRatio multiple of the median residual above which a spectrum is off-spectrum (&gt; 1)
 * @param reachRatio    multiple of a component's median absolute coefficient above which a spectrum is off-spectrum,
 *                      along any component (&gt; 1): a shape in the sample's subspace but far beyond its spread
 */
public record MaterialRule(double darkBelow, double shadowRatio, double glintAbove, double brightRatio, int components,
                           double residualRatio, double reachRatio) {
    static final int REFERENCE_SPECTRA = 2048;
    static final int MIN_REFERENCE = 16;
    /** Shapes are compared over this many groups of adjacent bands: averaging takes the per-band noise out. */
    static final int SHAPE_BINS = 32;
    private static final int POWER_ITERATIONS = 40;
    private static final long SEED = 0x4D41534BL;

    public MaterialRule {
        Checks.positive("dark threshold (reflectance)", darkBelow);
        if (!(shadowRatio > 0 && shadowRatio < 1)) {
            throw new IllegalArgumentException("shadow ratio must be between 0 and 1 (exclusive): " + shadowRatio);
        }
        Checks.positive("glint threshold (reflectance)", glintAbove);
        if (!(glintAbove > darkBelow)) {
            throw new IllegalArgumentException("glint threshold " + glintAbove + " must exceed the dark threshold "
                    + darkBelow);
        }
        if (!(brightRatio > 1)) {
            throw new IllegalArgumentException("bright ratio must exceed 1: " + brightRatio);
        }
        if (components < 0 || components > 16) {
            throw new IllegalArgumentException("principal components must be 0-16: " + components);
        }
        if (!(residualRatio > 1)) {
            throw new IllegalArgumentException("residual ratio must exceed 1: " + residualRatio);
        }
        if (!(reachRatio > 1)) {
            throw new IllegalArgumentException("reach ratio must exceed 1: " + reachRatio);
        }
    }

    /** The defaults, tuned on one simulated tray and measured on another (docs/material-mask.md). */
    public static MaterialRule defaults() {
        return new MaterialRule(0.08, 0.70, 1.0, 1.35, 3, 2.0, 6.0);
    }

    /** The rule as one line, for provenance. */
    public String describe() {
        return "dark: mean<" + darkBelow + " or <" + shadowRatio + "x sample median; bright: mean>" + glintAbove + " or >"
                + brightRatio + "x sample median; off-spectrum: residual from the sample's " + components
                + " principal shape components >" + residualRatio + "x its median or a coefficient >" + reachRatio
                + "x its median; flagged: any pixel flag (saturated, out of range)";
    }

    /**
     * Per spectrum: the class and the two scores it came from.
     *
     * @param codes     {@link MaterialClass#code()} of each spectrum
     * @param brightness mean reflectance over the sample's reference brightness (NaN without a reference)
     * @param residual   residual from the sample's shape subspace over its median (NaN without a reference, or for a
     *                   spectrum the brightness tests already classified)
     * @param reach      largest coefficient along a principal component over that component's median (NaN as above)
     */
    public record Scores(byte[] codes, double[] brightness, double[] residual, double[] reach) {
    }

    /**
     * Classifies every spectrum of one sample and camera.
     *
     * @param spectra [spectrum][band] reflectance, all of one band count
     * @param flags   {@link PixelFlags} per spectrum, or an empty array when none is flagged
     * @return the {@link MaterialClass#code()} of each spectrum
     */
    public byte[] classify(float[][] spectra, byte[] flags) {
        return score(spectra, flags).codes();
    }

    /** As {@link #classify}, with the scores behind each decision. */
    public Scores score(float[][] spectra, byte[] flags) {
        return score(spectra, flags, null);
    }

    /**
     * As {@link #classify}, with the scores behind each decision, the references taken only from the spectra
     * {@code interior} marks (e.g. those well inside the sample's region, where no wall can be), when enough of them
     * pass the brightness tests; {@code null} takes them from all.
     */
    public Scores score(float[][] spectra, byte[] flags, boolean[] interior) {
        int n = spectra.length;
        if (interior != null && interior.length != n) {
            throw new IllegalArgumentException(n + " spectra but " + interior.length + " interior marks");
        }
        if (flags.length != 0 && flags.length != n) {
            throw new IllegalArgumentException(n + " spectra but " + flags.length + " pixel flags");
        }
        byte[] out = new byte[n];
        double[] ratio = new double[n];
        double[] residual = new double[n];
        double[] reach = new double[n];
        Arrays.fill(ratio, Double.NaN);
        Arrays.fill(residual, Double.NaN);
        Arrays.fill(reach, Double.NaN);
        if (n == 0) {
            return new Scores(out, ratio, residual, reach);
        }
        int bands = spectra[0].length;
        double[] brightness = new double[n];
        boolean[] candidate = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (spectra[i].length != bands) {
                throw new IllegalArgumentException("spectrum " + i + " has " + spectra[i].length + " bands, spectrum 0 "
                        + bands);
            }
            brightness[i] = mean(spectra[i]);
            if (flags.length != 0 && flags[i] != 0) {
                out[i] = MaterialClass.FLAGGED.code();
            } else if (brightness[i] < darkBelow) {
                out[i] = MaterialClass.DARK.code();
            } else if (brightness[i] > glintAbove) {
                out[i] = MaterialClass.BRIGHT.code();
            } else {
                candidate[i] = true;
            }
        }
        int[] reference = stride(inside(candidate, interior));
        if (reference.length < MIN_REFERENCE) {
            return new Scores(out, ratio, residual, reach);
        }
        double refBrightness = median(reference, i -> brightness[i]);
        for (int i = 0; i < n; i++) {
            if (!candidate[i]) {
                continue;
            }
            ratio[i] = brightness[i] / refBrightness;
            if (ratio[i] < shadowRatio) {
                out[i] = MaterialClass.DARK.code();
                candidate[i] = false;
            } else if (ratio[i] > brightRatio) {
                out[i] = MaterialClass.BRIGHT.code();
                candidate[i] = false;
            }
        }
        reference = stride(inside(candidate, interior));
        if (reference.length < MIN_REFERENCE) {
            return new Scores(out, ratio, residual, reach);
        }
        double[][] shapes = new double[n][];
        int bins = Math.min(bands, SHAPE_BINS);
        for (int i = 0; i < n; i++) {
            if (candidate[i]) {
                shapes[i] = shape(spectra[i], brightness[i], bins);
            }
        }
        Subspace fit = Subspace.fit(shapes, reference, bins, components);
        double[] refResidual = new double[reference.length];
        for (int k = 0; k < reference.length; k++) {
            refResidual[k] = fit.residual(shapes[reference[k]]);
        }
        double scale = median(refResidual.clone());
        double cut = scale * (1 + 2 * residualRatio); // first pass: drop only clear outliers from the fit
        int[] kept = Arrays.stream(reference).filter(i -> fit.residual(shapes[i]) <= cut).toArray();
        Subspace refit = kept.length >= MIN_REFERENCE ? Subspace.fit(shapes, kept, bins, components) : fit;
        double[] keptResidual = new double[kept.length];
        for (int k = 0; k < kept.length; k++) {
            keptResidual[k] = refit.residual(shapes[kept[k]]);
        }
        double median = kept.length >= MIN_REFERENCE ? median(keptResidual) : scale;
        for (int i = 0; i < n; i++) {
            if (!candidate[i]) {
                continue;
            }
            residual[i] = median > 0 ? refit.residual(shapes[i]) / median : 0;
            reach[i] = refit.reach(shapes[i]);
            if (residual[i] > residualRatio || reach[i] > reachRatio) {
                out[i] = MaterialClass.OFF_SPECTRUM.code();
            }
        }
        return new Scores(out, ratio, residual, reach);
    }

    /** Number of spectra of {@code codes} that are {@link MaterialClass#MATERIAL}. */
    public static int materialCount(byte[] codes) {
        int k = 0;
        for (byte c : codes) {
            if (c == 0) {
                k++;
            }
        }
        return k;
    }

    /** The median shape and the leading principal components of a set of shapes. */
    private record Subspace(double[] centre, double[][] axes, double[] spread) {
        static Subspace fit(double[][] shapes, int[] rows, int bands, int k) {
            double[] centre = new double[bands];
            for (int b = 0; b < bands; b++) {
                int band = b;
                centre[b] = median(rows, i -> shapes[i][band]);
            }
            if (k == 0) {
                return new Subspace(centre, new double[0][], new double[0]);
            }
            double[][] cov = new double[bands][bands];
            double[] d = new double[bands];
            for (int i : rows) {
                for (int b = 0; b < bands; b++) {
                    d[b] = shapes[i][b] - centre[b];
                }
                for (int a = 0; a < bands; a++) {
                    double da = d[a];
                    double[] row = cov[a];
                    for (int b = a; b < bands; b++) {
                        row[b] += da * d[b];
                    }
                }
            }
            for (int a = 0; a < bands; a++) {
                for (int b = 0; b < a; b++) {
                    cov[a][b] = cov[b][a];
                }
            }
            double[][] axes = leadingEigenvectors(cov, Math.min(k, bands));
            double[] spread = new double[axes.length];
            double[] d2 = new double[bands];
            for (int a = 0; a < axes.length; a++) {
                double[] coef = new double[rows.length];
                for (int r = 0; r < rows.length; r++) {
                    for (int b = 0; b < bands; b++) {
                        d2[b] = shapes[rows[r]][b] - centre[b];
                    }
                    coef[r] = Math.abs(dot(d2, axes[a]));
                }
                spread[a] = Math.max(median(coef), 1e-12);
            }
            return new Subspace(centre, axes, spread);
        }

        /** Block power iteration with Gram-Schmidt, from a seeded start: the {@code k} leading eigenvectors. */
        private static double[][] leadingEigenvectors(double[][] m, int k) {
            int dim = m.length;
            SplittableRandom rng = new SplittableRandom(SEED);
            double[][] v = new double[k][dim];
            for (double[] col : v) {
                for (int j = 0; j < dim; j++) {
                    col[j] = rng.nextDouble() - 0.5;
                }
            }
            orthonormalise(v);
            double[][] next = new double[k][dim];
            for (int it = 0; it < POWER_ITERATIONS; it++) {
                for (int c = 0; c < k; c++) {
                    for (int a = 0; a < dim; a++) {
                        double s = 0;
                        double[] row = m[a];
                        for (int b = 0; b < dim; b++) {
                            s += row[b] * v[c][b];
                        }
                        next[c][a] = s;
                    }
                }
                for (int c = 0; c < k; c++) {
                    System.arraycopy(next[c], 0, v[c], 0, dim);
                }
                orthonormalise(v);
            }
            return v;
        }

        private static void orthonormalise(double[][] v) {
            for (int c = 0; c < v.length; c++) {
                for (int p = 0; p < c; p++) {
                    double dot = dot(v[c], v[p]);
                    for (int j = 0; j < v[c].length; j++) {
                        v[c][j] -= dot * v[p][j];
                    }
                }
                double norm = Math.sqrt(dot(v[c], v[c]));
                for (int j = 0; j < v[c].length; j++) {
                    v[c][j] = norm > 0 ? v[c][j] / norm : 0;
                }
            }
        }

        /** Root-mean-square distance of a shape from the subspace, per band. */
        double residual(double[] shape) {
            int bands = centre.length;
            double[] d = new double[bands];
            for (int b = 0; b < bands; b++) {
                d[b] = shape[b] - centre[b];
            }
            for (double[] axis : axes) {
                double p = dot(d, axis);
                for (int b = 0; b < bands; b++) {
                    d[b] -= p * axis[b];
                }
            }
            return Math.sqrt(dot(d, d) / bands);
        }

        /** Largest coefficient along an axis over that axis's median absolute coefficient. */
        double reach(double[] shape) {
            int bands = centre.length;
            double[] d = new double[bands];
            for (int b = 0; b < bands; b++) {
                d[b] = shape[b] - centre[b];
            }
            double worst = 0;
            for (int a = 0; a < axes.length; a++) {
                worst = Math.max(worst, Math.abs(dot(d, axes[a])) / spread[a]);
            }
            return worst;
        }
    }

    /** The spectrum over its mean, averaged into {@code bins} contiguous groups of bands (noise down, shape kept). */
    private static double[] shape(float[] spectrum, double mean, int bins) {
        double[] s = new double[bins];
        int bands = spectrum.length;
        for (int g = 0; g < bins; g++) {
            int from = (int) ((long) g * bands / bins);
            int to = (int) ((long) (g + 1) * bands / bins);
            double sum = 0;
            for (int b = from; b < to; b++) {
                sum += spectrum[b];
            }
            s[g] = sum / (to - from) / mean;
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The candidates {@code interior} marks, or all candidates when it is null or marks too few of them. */
    private static boolean[] inside(boolean[] candidate, boolean[] interior) {
        if (interior == null) {
            return candidate;
        }
        boolean[] both = new boolean[candidate.length];
        int k = 0;
        for (int i = 0; i < both.length; i++) {
            both[i] = candidate[i] && interior[i];
            k += both[i] ? 1 : 0;
        }
        return k >= MIN_REFERENCE ? both : candidate;
    }

    private static int[] stride(boolean[] candidate) {
        int candidates = 0;
        for (boolean c : candidate) {
            candidates += c ? 1 : 0;
        }
        int take = Math.min(candidates, REFERENCE_SPECTRA);
        int[] all = new int[candidates];
        for (int i = 0, k = 0; i < candidate.length; i++) {
            if (candidate[i]) {
                all[k++] = i;
            }
        }
        int[] out = new int[take];
        for (int k = 0; k < take; k++) {
            out[k] = all[(int) ((long) k * candidates / take)];
        }
        return out;
    }

    private interface Value {
        double of(int index);
    }

    private static double median(int[] indices, Value v) {
        double[] x = new double[indices.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = v.of(indices[k]);
        }
        return median(x);
    }

    private static double median(double[] x) {
        Arrays.sort(x);
        int m = x.length / 2;
        return x.length % 2 == 1 ? x[m] : (x[m - 1] + x[m]) / 2;
    }

    private static double mean(float[] s) {
        double sum = 0;
        for (float v : s) {
            sum += v;
        }
        return sum / s.length;
    }
}
