package io.hyclus.core.spectral;

import io.hyclus.core.scan.PixelFlags;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The rule on a synthetic sample: two minerals mixed in varying proportions with noise, plus one spectrum of each kind
 * the mask must drop. Expected classes are set by construction, not by running the rule.
 */
class MaterialRuleTest {
    private static final int BANDS = 120;

    /** A mineral with an absorption at band {@code centre}, on a sloping continuum. */
    private static double mineral(int b, int centre, double depth, double level) {
        double z = (b - centre) / 6.0;
        return level * (1 + 0.2 * b / BANDS) * (1 - depth * Math.exp(-0.5 * z * z));
    }

    private static float[] mixture(SplittableRandom rng, double brightness) {
        double f = 0.3 + 0.4 * rng.nextDouble();
        float[] s = new float[BANDS];
        for (int b = 0; b < BANDS; b++) {
            double v = f * mineral(b, 30, 0.5, 0.4) + (1 - f) * mineral(b, 85, 0.4, 0.5);
            s[b] = (float) (brightness * v * (1 + 0.005 * rng.nextGaussian()));
        }
        return s;
    }

    private static float[] flat(double level) {
        float[] s = new float[BANDS];
        java.util.Arrays.fill(s, (float) level);
        return s;
    }

    @Test
    void classifiesShadowGlintBeltTrayWallAndSaturatedApart_keepsTheMixture() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 400;
        float[][] spectra = new float[n + 6][];
        byte[] flags = new byte[n + 6];
        byte[] expected = new byte[n + 6];
        for (int i = 0; i < n; i++) {
            spectra[i] = mixture(rng, 1.0);
        }
        spectra[n] = mixture(rng, 0.55);                  // in a wall's shadow
        expected[n] = MaterialClass.DARK.code();
        float[] glint = mixture(rng, 1.0);
        for (int b = 0; b < BANDS; b++) {
            glint[b] += 1.2f;
        }
        spectra[n + 1] = glint;
        expected[n + 1] = MaterialClass.BRIGHT.code();
        spectra[n + 2] = flat(0.05);                      // belt
        expected[n + 2] = MaterialClass.DARK.code();
        spectra[n + 3] = flat(0.78);                      // white tray floor
        expected[n + 3] = MaterialClass.BRIGHT.code();
        spectra[n + 4] = flat(0.42);                      // grey wall, as bright as the sample
        expected[n + 4] = MaterialClass.OFF_SPECTRUM.code();
        spectra[n + 5] = mixture(rng, 1.0);
        flags[n + 5] = PixelFlags.SATURATED;
        expected[n + 5] = MaterialClass.FLAGGED.code();

        byte[] got = MaterialRule.defaults().classify(spectra, flags);

        int kept = 0;
        for (int i = 0; i < n; i++) {
            kept += got[i] == 0 ? 1 : 0;
        }
        assertEquals(n, kept, "every spectrum of the mixture kept");
        assertArrayEquals(java.util.Arrays.copyOfRange(expected, n, n + 6), java.util.Arrays.copyOfRange(got, n, n + 6));
    }

    @Test
    void sameInputSameClasses() {
        SplittableRandom rng = new SplittableRandom(5);
        float[][] spectra = new float[300][];
        for (int i = 0; i < spectra.length; i++) {
            spectra[i] = mixture(rng, 0.8 + 0.4 * rng.nextDouble());
        }
        assertArrayEquals(MaterialRule.defaults().classify(spectra, new byte[0]),
                MaterialRule.defaults().classify(spectra, new byte[0]));
    }

    @Test
    void tooFewSpectraForReferences_onlyTheAbsoluteTestsApply() {
        float[][] spectra = {flat(0.4), flat(0.05), flat(1.5), flat(0.9)};
        assertArrayEquals(new byte[] {0, MaterialClass.DARK.code(), MaterialClass.BRIGHT.code(), 0},
                MaterialRule.defaults().classify(spectra, new byte[0]));
        assertArrayEquals(new byte[0], MaterialRule.defaults().classify(new float[0][], new byte[0]));
    }

    @Test
    void badSettingsAndInput_areRefusedNamingWhat() {
        assertEquals("shadow ratio must be between 0 and 1 (exclusive): 1.2", assertThrows(IllegalArgumentException.class,
                () -> new MaterialRule(0.08, 1.2, 1.0, 1.35, 3, 2, 6)).getMessage());
        assertEquals("glint threshold 0.05 must exceed the dark threshold 0.08", assertThrows(
                IllegalArgumentException.class, () -> new MaterialRule(0.08, 0.7, 0.05, 1.35, 3, 2, 6)).getMessage());
        assertEquals("3 spectra but 2 pixel flags", assertThrows(IllegalArgumentException.class,
                () -> MaterialRule.defaults().classify(new float[][] {flat(1), flat(1), flat(1)}, new byte[2]))
                .getMessage());
        assertEquals("spectrum 1 has 3 bands, spectrum 0 120", assertThrows(IllegalArgumentException.class,
                () -> MaterialRule.defaults().classify(new float[][] {flat(1), new float[3]}, new byte[0]))
                .getMessage());
        assertEquals(MaterialClass.OFF_SPECTRUM, MaterialClass.of((byte) 4));
        assertEquals("unknown material class code 9 (expected 0-4)", assertThrows(IllegalArgumentException.class,
                () -> MaterialClass.of((byte) 9)).getMessage());
    }
}
