package io.hyclus.core.spectral;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResamplerTest {

    private static Spectrum linear(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] w = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = from + i * step;
            v[i] = 0.1 + 0.0002 * (w[i] - 400);
        }
        return new Spectrum(w, v);
    }

    @Test
    void linearSpectrum_resamplesToItsValueAtEachCentre() {
        WavelengthGrid g = WavelengthGrid.uniform(450, 950, 11, 1.2);
        double[] r = Resampler.resample(linear(350, 2500, 1), g);
        for (int b = 0; b < g.bands(); b++) {
            assertEquals(0.1 + 0.0002 * (g.centreNm(b) - 400), r[b], 1e-9, "band " + b);
        }
    }

    @Test
    void narrowAbsorption_isSmearedByTheBandResponse() {
        // A 1 nm wide dip of depth 0.5 at 700 nm seen through a 10 nm FWHM band: depth * 1 nm / (FWHM * 1.0645).
        double[] w = new double[601];
        double[] v = new double[601];
        for (int i = 0; i < w.length; i++) {
            w[i] = 400 + i;
            v[i] = w[i] == 700 ? 0.5 : 1.0;
        }
        double[] r = Resampler.resample(new Spectrum(w, v), new WavelengthGrid(new double[] {700}, new double[] {10}));
        assertEquals(1 - 0.5 / (10 * 1.0645), r[0], 0.005);
    }

    @Test
    void bandOutsideSource_namesBandAndRange() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Resampler.resample(linear(400, 900, 1), WavelengthGrid.uniform(800, 1000, 3, 1)));
        assertEquals("band 2 at 1000.00 nm lies outside the source spectrum's 400.00-900.00 nm", e.getMessage());
    }
}
