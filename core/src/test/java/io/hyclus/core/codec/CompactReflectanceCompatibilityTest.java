package io.hyclus.core.codec;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Version 1 payloads, as the first implementation ({@link CompactReflectanceV1Reference}) wrote them and as they sit on
 * topics and in recorded scans, stay readable: this build decodes them to the values that implementation decodes, and
 * its own version-2 payloads decode to the same values (the two versions share quantisation and prediction).
 */
class CompactReflectanceCompatibilityTest {

    private static void sameBothWays(float[] r, int pixels, int bands) {
        byte[] v1 = CompactReflectanceV1Reference.encode(r, pixels, bands, "t");
        byte[] v2 = CompactReflectance.encode(r, pixels, bands, "t");
        org.junit.jupiter.api.Assertions.assertEquals(1, v1[0], "the reference writes version 1");
        org.junit.jupiter.api.Assertions.assertEquals(CompactReflectance.VERSION, v2[0], "this build writes version 2");
        // a scanline's record carries the same payload, read from the line pixel by pixel (its last bytes)
        byte[] record = ScanEventCodec.encodeCompact(new io.hyclus.core.scan.Scanline("s",
                io.hyclus.core.spectral.SensorKind.VNIR, 0, 0, java.time.Instant.EPOCH, pixels, bands, r));
        assertArrayEquals(v2, java.util.Arrays.copyOfRange(record, record.length - v2.length, record.length),
                "payload of the scanline record");
        float[] want = CompactReflectanceV1Reference.decode(v1, pixels, bands, "t");
        assertArrayEquals(want, CompactReflectance.decode(v1, pixels, bands, "t"), "version 1 decoded by this build");
        assertArrayEquals(want, CompactReflectance.decode(v2, pixels, bands, "t"), "version 2 decoded by this build");
    }

    @Test
    void smoothNoisySpectra_sameValuesFromBothVersions() {
        Random rnd = new Random(7);
        for (int[] size : new int[][] {{1, 1}, {1, 7}, {5, 1}, {64, 224}, {384, 288}, {3, 500}}) {
            int pixels = size[0];
            int bands = size[1];
            float[] r = new float[pixels * bands];
            for (int p = 0; p < pixels; p++) {
                double level = 0.1 + 0.6 * rnd.nextDouble();
                for (int b = 0; b < bands; b++) {
                    r[p * bands + b] = (float) (level * (1 + 0.3 * Math.sin(b / 20.0)) + 0.003 * rnd.nextGaussian());
                }
            }
            sameBothWays(r, pixels, bands);
        }
    }

    @Test
    void escapesConstantRunsAndExtremes_sameValuesFromBothVersions() {
        Random rnd = new Random(11);
        int pixels = 40;
        int bands = 300;
        float[] r = new float[pixels * bands];
        for (int i = 0; i < r.length; i++) {
            int kind = (i / 997) % 5;
            r[i] = switch (kind) {
                case 0 -> 0f;                                             // long constant run: the parameter decays
                case 1 -> (float) (rnd.nextDouble() * 2000 - 1000);      // jumps that need the escape
                case 2 -> (float) (-0.05 + 0.01 * rnd.nextGaussian());   // negative values
                case 3 -> 1000f * (rnd.nextBoolean() ? 1 : -1);          // the range's ends
                default -> (float) (0.4 + 1e-5 * rnd.nextGaussian());    // below the step
            };
        }
        sameBothWays(r, pixels, bands);
    }

    @Test
    void rangeEdges_sameAsTheFirstImplementation() {
        // the range test compares a float's bits: the ends are taken, the next float beyond and non-numbers are refused
        float beyond = Math.nextUp(1000f);
        for (float ok : new float[] {1000f, -1000f, Math.nextDown(1000f), -0f, Float.MIN_VALUE, -Float.MIN_VALUE}) {
            sameBothWays(new float[] {0.5f, ok, 0.25f}, 1, 3);
        }
        for (float bad : new float[] {beyond, -beyond, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.MAX_VALUE, Float.intBitsToFloat(0xFFC00001)}) {
            float[] r = {0.5f, 0.25f, 0.125f, bad, 0.5f, bad};
            CodecException reference = org.junit.jupiter.api.Assertions.assertThrows(CodecException.class,
                    () -> CompactReflectanceV1Reference.encode(r, 2, 3, "t"));
            CodecException optimised = org.junit.jupiter.api.Assertions.assertThrows(CodecException.class,
                    () -> CompactReflectance.encode(r, 2, 3, "t"));
            org.junit.jupiter.api.Assertions.assertEquals(reference.getMessage(), optimised.getMessage());
            org.junit.jupiter.api.Assertions.assertTrue(optimised.getMessage().contains("at pixel 1, band 0"),
                    optimised.getMessage());
        }
    }

    @Test
    void riceParameter_isTheSmallestKWithCountTimesTwoToTheKAtLeastSum() {
        for (int count = 1; count < 64; count++) {
            for (long sum = 0; sum < 5000; sum += 1 + sum / 50) {
                long t = (sum + count - 1) / count;
                int want = Math.min(30, 64 - Long.numberOfLeadingZeros(t - 1));
                org.junit.jupiter.api.Assertions.assertEquals(want, CompactReflectance.riceParameter(sum, count),
                        "sum " + sum + " count " + count);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(30, CompactReflectance.riceParameter(1L << 40, 1));
    }
}
