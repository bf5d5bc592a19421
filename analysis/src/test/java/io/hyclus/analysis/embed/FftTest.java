package io.hyclus.analysis.embed;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FftTest {
    @Test
    void transform_matchesNaiveDft_forLengthsTwoToTheAOneThreeOrNineTimes() {
        for (int n : new int[] {1, 2, 8, 3, 6, 12, 48, 96, 9, 18, 72, 144}) {
            Random r = new Random(n);
            double[] re = new double[n];
            double[] im = new double[n];
            for (int t = 0; t < n; t++) {
                re[t] = r.nextGaussian();
                im[t] = r.nextGaussian();
            }
            double[] fr = re.clone();
            double[] fi = im.clone();
            new Fft(n).transform(fr, fi, false, new double[n], new double[n]);
            for (int k = 0; k < n; k++) {
                double sr = 0;
                double si = 0;
                for (int t = 0; t < n; t++) {
                    double a = -2 * Math.PI * t * k / n;
                    sr += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                    si += re[t] * Math.sin(a) + im[t] * Math.cos(a);
                }
                assertEquals(sr, fr[k], 1e-9, "re, n=" + n + " k=" + k);
                assertEquals(si, fi[k], 1e-9, "im, n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void goodSize_isSmallestOfTheSupportedLengths() {
        assertEquals(1, Fft.goodSize(1));
        assertEquals(3, Fft.goodSize(3));
        assertEquals(9, Fft.goodSize(9));
        assertEquals(96, Fft.goodSize(90));
        assertEquals(128, Fft.goodSize(97));
        assertEquals(288, Fft.goodSize(257));
        assertEquals(576, Fft.goodSize(516));
    }
}
