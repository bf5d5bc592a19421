package io.hyclus.acquisition.stitch;

import io.hyclus.core.spectral.WavelengthGrid;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spectral join on grids that overlap by 50 nm (950-1000 nm), as cameras outside HyClus's kinds may. */
class SpectralJoinTest {
    private static final WavelengthGrid VNIR = WavelengthGrid.uniform(400, 1000, 61, 1.2);
    private static final WavelengthGrid SWIR = WavelengthGrid.uniform(950, 2500, 63, 1.2);

    private static float[] join(SpectralJoin j, float v, float s, float gain) {
        float[] vv = new float[VNIR.bands()];
        float[] ss = new float[SWIR.bands()];
        Arrays.fill(vv, v);
        Arrays.fill(ss, s);
        float[] out = new float[j.output().bands()];
        j.join(vv, 0, ss, 0, gain, out, 0);
        return out;
    }

    @Test
    void join_givesEveryBandExactlyTheGeneralBlendsValue() {
        // the copy and scaled runs are a shortcut of the general blend: the same bits, on grids with and without
        // interpolation, cross-fade and cut, values of either sign and zeros of either sign, at offsets in the arrays
        WavelengthGrid vnir = WavelengthGrid.uniform(397.3, 1003.9, 224, 2.7);
        WavelengthGrid swir = WavelengthGrid.uniform(968.4, 2512.1, 288, 5.4);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (WavelengthGrid[] grids : new WavelengthGrid[][] {{VNIR, SWIR}, {vnir, swir}}) {
            for (StitchSettings settings : new StitchSettings[] {StitchSettings.defaults(),
                    StitchSettings.defaults().withOverlap(StitchSettings.OverlapRule.CUT),
                    StitchSettings.defaults().withUniformStep(5), StitchSettings.defaults().withUniformStep(2.5),
                    StitchSettings.defaults().withUniformStep(10).withOverlap(StitchSettings.OverlapRule.CUT)}) {
                SpectralJoin j = new SpectralJoin(grids[0], grids[1], settings);
                int n = j.output().bands();
                float[] v = new float[3 + 2 * grids[0].bands()];
                float[] s = new float[5 + 2 * grids[1].bands()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = i % 17 == 0 ? -0f : (float) (rnd.nextDouble() * 1.4 - 0.2);
                }
                for (int i = 0; i < s.length; i++) {
                    s[i] = i % 13 == 0 ? -0f : (float) (rnd.nextDouble() * 1.4 - 0.2);
                }
                for (float gain : new float[] {1f, 0.87f, 1.9f}) {
                    for (int pixel = 0; pixel < 2; pixel++) {
                        float[] fast = new float[7 + 2 * n];
                        float[] general = new float[7 + 2 * n];
                        int vOff = 3 + pixel * grids[0].bands();
                        int sOff = 5 + pixel * grids[1].bands();
                        j.join(v, vOff, s, sOff, gain, fast, 7 + pixel * n);
                        j.blend(v, vOff, s, sOff, gain, general, 7 + pixel * n, 0, n);
                        for (int k = 0; k < fast.length; k++) {
                            assertEquals(Float.floatToRawIntBits(general[k]), Float.floatToRawIntBits(fast[k]),
                                    settings + " gain " + gain + " band " + k);
                        }
                    }
                }
            }
        }
    }

    @Test
    void crossFade_rampsLinearlyAcrossTheOverlap() {
        SpectralJoin j = new SpectralJoin(VNIR, SWIR, StitchSettings.defaults().withUniformStep(5));
        WavelengthGrid g = j.output();
        float[] out = join(j, 0.4f, 0.8f, 1f);
        assertEquals(975, j.junctionNm(), 1e-9);
        assertEquals(0.4, out[g.nearestBand(950)], 1e-6);
        assertEquals(0.4 * 0.8 + 0.8 * 0.2, out[g.nearestBand(960)], 1e-6);  // a fifth of the way: 80 % VNIR
        assertEquals(0.6, out[g.nearestBand(975)], 1e-6);
        assertEquals(0.8, out[g.nearestBand(1000)], 1e-6);
        float[] gained = join(j, 0.4f, 0.8f, 0.5f);
        assertEquals(0.4, gained[g.nearestBand(975)], 1e-6);   // SWIR gain-matched onto VNIR: no step at all
    }

    @Test
    void cut_stepsAtTheMiddleOfTheOverlap() {
        SpectralJoin j = new SpectralJoin(VNIR, SWIR,
                StitchSettings.defaults().withUniformStep(5).withOverlap(StitchSettings.OverlapRule.CUT));
        WavelengthGrid g = j.output();
        float[] out = join(j, 0.4f, 0.8f, 1f);
        assertEquals(0.4, out[g.nearestBand(975)], 1e-6);
        assertEquals(0.8, out[g.nearestBand(980)], 1e-6);
    }

    @Test
    void nativeGrid_vnirToTheJunction_swirAbove() {
        SpectralJoin j = new SpectralJoin(VNIR, SWIR, StitchSettings.defaults());
        WavelengthGrid g = j.output();
        assertEquals(58 + 61, g.bands());  // VNIR 400-970 nm, SWIR 1000-2500 nm
        assertEquals(970, g.centreNm(57), 1e-9);
        assertEquals(1000, g.centreNm(58), 1e-9);
        assertEquals(30, g.fwhmNm(58), 1e-9);
    }

    @Test
    void junctionFits_evaluateEachCameraAtTheJunction() {
        SpectralJoin j = new SpectralJoin(VNIR, SWIR, StitchSettings.defaults());
        float[] v = new float[VNIR.bands()];
        float[] s = new float[SWIR.bands()];
        for (int b = 0; b < v.length; b++) {
            v[b] = (float) (0.1 + 2e-4 * VNIR.centreNm(b));
        }
        for (int b = 0; b < s.length; b++) {
            s[b] = (float) (0.5 * (0.1 + 2e-4 * SWIR.centreNm(b)));
        }
        assertEquals(0.1 + 2e-4 * 975, j.vnirAtJunction(v, 0), 1e-6);
        assertEquals(0.5 * (0.1 + 2e-4 * 975), j.swirAtJunction(s, 0), 1e-6);
    }

    @Test
    void swirStartingBelowVnir_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SpectralJoin(SWIR, VNIR, StitchSettings.defaults()));
        assertTrue(e.getMessage().contains("must start and end below the SWIR grid"), e.getMessage());
    }
}
