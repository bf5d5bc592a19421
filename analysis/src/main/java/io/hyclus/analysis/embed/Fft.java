package io.hyclus.analysis.embed;

/**
 * Complex FFT of a fixed length L = 2^a or 3·2^a (one radix-3 step over radix-2 halves), unnormalised in both
 * directions, and the 2-D transform of an L×L row-major grid parallel over rows and columns.
 */
final class Fft {
    private final int length;
    private final int radix2Length;
    private final double[] cos;
    private final double[] sin;

    Fft(int length) {
        if (goodSize(length) != length) {
            throw new IllegalArgumentException("FFT length must be 2^a or 3*2^a: " + length);
        }
        this.length = length;
        this.radix2Length = length % 3 == 0 ? length / 3 : length;
        this.cos = new double[length];
        this.sin = new double[length];
        for (int t = 0; t < length; t++) {
            cos[t] = Math.cos(2 * Math.PI * t / length);
            sin[t] = Math.sin(2 * Math.PI * t / length);
        }
    }

    /** The smallest length of the form 2^a or 3·2^a that is at least {@code min}. */
    static int goodSize(int min) {
        int p = 1;
        while (p < min) {
            p <<= 1;
        }
        int three = 3;
        while (three < min) {
            three <<= 1;
        }
        return Math.min(p, three);
    }

    int length() {
        return length;
    }

    /** In-place 1-D transform; {@code inverse} uses exp(+2πi·jk/L). {@code sre/sim} are scratch of length L. */
    void transform(double[] re, double[] im, boolean inverse, double[] sre, double[] sim) {
        if (radix2Length == length) {
            radix2(re, im, 0, length, inverse);
            return;
        }
        int m = radix2Length;
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < m; j++) {
                sre[r * m + j] = re[3 * j + r];
                sim[r * m + j] = im[3 * j + r];
            }
            radix2(sre, sim, r * m, m, inverse);
        }
        double sign = inverse ? 1 : -1;
        for (int t = 0; t < length; t++) {
            int j = t % m;
            double ar = sre[j];
            double ai = sim[j];
            int w1 = t % length;
            int w2 = (2 * t) % length;
            double c1 = cos[w1];
            double s1 = sign * sin[w1];
            double c2 = cos[w2];
            double s2 = sign * sin[w2];
            double br = sre[m + j];
            double bi = sim[m + j];
            double cr = sre[2 * m + j];
            double ci = sim[2 * m + j];
            re[t] = ar + br * c1 - bi * s1 + cr * c2 - ci * s2;
            im[t] = ai + br * s1 + bi * c1 + cr * s2 + ci * c2;
        }
    }

    /** Radix-2 in place on {@code re/im[off .. off+m)}, m a power of two dividing L; twiddles from the length-L table. */
    private void radix2(double[] re, double[] im, int off, int m, boolean inverse) {
        for (int i = 1, j = 0; i < m; i++) {
            int bit = m >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[off + i];
                re[off + i] = re[off + j];
                re[off + j] = t;
                t = im[off + i];
                im[off + i] = im[off + j];
                im[off + j] = t;
            }
        }
        double sign = inverse ? 1 : -1;
        for (int len = 2; len <= m; len <<= 1) {
            int half = len >> 1;
            int step = length / len;
            for (int i = 0; i < m; i += len) {
                for (int t = 0; t < half; t++) {
                    double wr = cos[t * step];
                    double wi = sign * sin[t * step];
                    int a = off + i + t;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /**
     * 2-D transform of an L×L grid. Forward: only the first {@code activeRows} rows may hold non-zeros (the others
     * are skipped). Inverse: only the first {@code activeRows} rows of the result are computed.
     */
    void transform2d(double[] re, double[] im, boolean inverse, int activeRows, Parallel parallel) {
        int n = length;
        if (!inverse) {
            rows(re, im, false, activeRows, parallel);
        }
        parallel.forRange(n, (part, from, to) -> {
            double[] cr = new double[n];
            double[] ci = new double[n];
            double[] sr = new double[n];
            double[] si = new double[n];
            for (int c = from; c < to; c++) {
                for (int r = 0; r < n; r++) {
                    cr[r] = re[r * n + c];
                    ci[r] = im[r * n + c];
                }
                transform(cr, ci, inverse, sr, si);
                for (int r = 0; r < n; r++) {
                    re[r * n + c] = cr[r];
                    im[r * n + c] = ci[r];
                }
            }
        });
        if (inverse) {
            rows(re, im, true, activeRows, parallel);
        }
    }

    private void rows(double[] re, double[] im, boolean inverse, int count, Parallel parallel) {
        int n = length;
        parallel.forRange(count, (part, from, to) -> {
            double[] rr = new double[n];
            double[] ri = new double[n];
            double[] sr = new double[n];
            double[] si = new double[n];
            for (int r = from; r < to; r++) {
                System.arraycopy(re, r * n, rr, 0, n);
                System.arraycopy(im, r * n, ri, 0, n);
                transform(rr, ri, inverse, sr, si);
                System.arraycopy(rr, 0, re, r * n, n);
                System.arraycopy(ri, 0, im, r * n, n);
            }
        });
    }
}
