package io.hyclus.analysis.embed;

/**
 * Complex FFT of a fixed length L = 2^a, 3·2^a or 9·2^a (radix-3 decimation steps over a radix-2 core), unnormalised
 * in both directions, and the 2-D transform of an L×L row-major grid parallel over rows.
 */
final class Fft {
    private final int length;
    private final int radix2Length;
    private final int[] bitReverse;
    private final double[] cos;
    private final double[] sin;

    Fft(int length) {
        if (length < 1 || goodSize(length) != length) {
            throw new IllegalArgumentException("FFT length must be 2^a, 3*2^a or 9*2^a: " + length);
        }
        this.length = length;
        int m = length;
        while (m % 3 == 0) {
            m /= 3;
        }
        this.radix2Length = m;
        this.bitReverse = new int[m];
        for (int i = 1, j = 0; i < m; i++) {
            int bit = m >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            bitReverse[i] = j;
        }
        this.cos = new double[length];
        this.sin = new double[length];
        for (int t = 0; t < length; t++) {
            cos[t] = Math.cos(2 * Math.PI * t / length);
            sin[t] = Math.sin(2 * Math.PI * t / length);
        }
    }

    /** The smallest length of the form 2^a, 3·2^a or 9·2^a that is at least {@code min}. */
    static int goodSize(int min) {
        int best = Integer.MAX_VALUE;
        for (int base : new int[] {1, 3, 9}) {
            long p = base;
            while (p < min) {
                p <<= 1;
            }
            best = (int) Math.min(best, p);
        }
        return best;
    }

    int length() {
        return length;
    }

    /** In-place 1-D transform; {@code inverse} uses exp(+2πi·jk/L). {@code sre/sim} are scratch of length L. */
    void transform(double[] re, double[] im, boolean inverse, double[] sre, double[] sim) {
        transform(re, im, 0, length, inverse, sre, sim);
    }

    /** Transform of {@code re/im[off .. off+n)}; the same range of {@code sre/sim} is scratch. */
    private void transform(double[] re, double[] im, int off, int n, boolean inverse, double[] sre, double[] sim) {
        if (n == radix2Length) {
            radix2(re, im, off, n, inverse);
            return;
        }
        int m = n / 3;
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < m; j++) {
                sre[off + r * m + j] = re[off + 3 * j + r];
                sim[off + r * m + j] = im[off + 3 * j + r];
            }
        }
        for (int r = 0; r < 3; r++) {
            transform(sre, sim, off + r * m, m, inverse, re, im);
        }
        double sign = inverse ? 1 : -1;
        int stride = length / n;
        int w1 = 0;
        int w2 = 0;
        for (int t = 0, j = 0; t < n; t++, j++) {
            if (j == m) {
                j = 0;
            }
            double c1 = cos[w1];
            double s1 = sign * sin[w1];
            double c2 = cos[w2];
            double s2 = sign * sin[w2];
            double br = sre[off + m + j];
            double bi = sim[off + m + j];
            double cr = sre[off + 2 * m + j];
            double ci = sim[off + 2 * m + j];
            re[off + t] = sre[off + j] + br * c1 - bi * s1 + cr * c2 - ci * s2;
            im[off + t] = sim[off + j] + br * s1 + bi * c1 + cr * s2 + ci * c2;
            w1 += stride;
            if (w1 >= length) {
                w1 -= length;
            }
            w2 += 2 * stride;
            if (w2 >= length) {
                w2 -= length;
            }
        }
    }

    /** Radix-2 in place on {@code re/im[off .. off+m)}, m the radix-2 length; twiddles from the length-L table. */
    private void radix2(double[] re, double[] im, int off, int m, boolean inverse) {
        for (int i = 1; i < m; i++) {
            int j = bitReverse[i];
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
            for (int t = 0; t < half; t++) {
                double wr = cos[t * step];
                double wi = sign * sin[t * step];
                for (int i = off + t; i < off + m; i += len) {
                    int b = i + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[i] - xr;
                    im[b] = im[i] - xi;
                    re[i] += xr;
                    im[i] += xi;
                }
            }
        }
    }

    /**
     * 2-D transform of an L×L grid, row FFTs with a cache-blocked transpose between them. Forward: only the first
     * {@code activeRows} rows may hold non-zeros, and the spectrum is left transposed (element [u][v] holds frequency
     * (v, u)). Inverse: takes a transposed spectrum and computes only the first {@code activeRows} rows of the result.
     * Multiplying a transposed spectrum by the transposed spectrum of a kernel and inverting gives the convolution.
     */
    void transform2d(double[] re, double[] im, boolean inverse, int activeRows, Parallel parallel) {
        int n = length;
        if (!inverse) {
            rows(re, im, false, 0, activeRows, parallel);
            transpose(re, im, parallel);
            rows(re, im, false, 0, n, parallel);
        } else {
            rows(re, im, true, 0, n, parallel);
            transpose(re, im, parallel);
            rows(re, im, true, 0, activeRows, parallel);
        }
    }

    private void rows(double[] re, double[] im, boolean inverse, int from, int count, Parallel parallel) {
        int n = length;
        parallel.forRange(count, (part, lo, hi) -> {
            double[] rr = new double[n];
            double[] ri = new double[n];
            double[] sr = new double[n];
            double[] si = new double[n];
            for (int r = from + lo; r < from + hi; r++) {
                System.arraycopy(re, r * n, rr, 0, n);
                System.arraycopy(im, r * n, ri, 0, n);
                transform(rr, ri, inverse, sr, si);
                System.arraycopy(rr, 0, re, r * n, n);
                System.arraycopy(ri, 0, im, r * n, n);
            }
        });
    }

    private static final int BLOCK = 32;

    /** In-place transpose of both L×L arrays, in BLOCK×BLOCK tiles; each tile pair belongs to one partition. */
    private void transpose(double[] re, double[] im, Parallel parallel) {
        int n = length;
        int blocks = (n + BLOCK - 1) / BLOCK;
        parallel.forRange(blocks, (part, lo, hi) -> {
            for (int bi = lo; bi < hi; bi++) {
                for (int bj = bi; bj < blocks; bj++) {
                    int rEnd = Math.min(n, (bi + 1) * BLOCK);
                    int cEnd = Math.min(n, (bj + 1) * BLOCK);
                    for (int r = bi * BLOCK; r < rEnd; r++) {
                        for (int c = bi == bj ? r + 1 : bj * BLOCK; c < cEnd; c++) {
                            int a = r * n + c;
                            int b = c * n + r;
                            double t = re[a];
                            re[a] = re[b];
                            re[b] = t;
                            t = im[a];
                            im[a] = im[b];
                            im[b] = t;
                        }
                    }
                }
            }
        });
    }
}
