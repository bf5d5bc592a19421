package io.hyclus.core.codec;

import io.hyclus.core.scan.PixelFlags;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compact stitched pair (scan event type 10): one record for a VNIR line and its stitched line. */
class StitchedPairCodecTest {
    private static final int PIXELS = 37;
    private static final int VNIR_BANDS = 24;
    private static final int SHARED = 21;
    private static final int STITCHED_BANDS = 50;
    private static final Instant AT = Instant.parse("2026-11-26T14:00:00.123456789Z");

    /** Smooth spectra with noise; the stitched line copies the VNIR's first {@code SHARED} bands, as the stitcher does. */
    private static StitchedPair pair(long seed, boolean flags) {
        Random rnd = new Random(seed);
        float[] v = new float[PIXELS * VNIR_BANDS];
        float[] s = new float[PIXELS * STITCHED_BANDS];
        for (int p = 0; p < PIXELS; p++) {
            double level = 0.2 + 0.5 * rnd.nextDouble();
            for (int b = 0; b < VNIR_BANDS; b++) {
                v[p * VNIR_BANDS + b] = (float) (level + 0.01 * b + 0.003 * rnd.nextGaussian());
            }
            System.arraycopy(v, p * VNIR_BANDS, s, p * STITCHED_BANDS, SHARED);
            for (int b = SHARED; b < STITCHED_BANDS; b++) {
                s[p * STITCHED_BANDS + b] = (float) (level - 0.004 * b + 0.003 * rnd.nextGaussian());
            }
        }
        byte[] vf = new byte[PIXELS];
        byte[] sf = new byte[PIXELS];
        if (flags) {
            vf[3] = PixelFlags.SATURATED;
            sf[3] = PixelFlags.SATURATED;
            sf[PIXELS - 1] = PixelFlags.NOT_COVERED;
        }
        return new StitchedPair(
                new Scanline("scan-7", SensorKind.VNIR, 42, 123_456, AT, PIXELS, VNIR_BANDS, v, vf),
                new Scanline("scan-7", SensorKind.STITCHED, 42, 123_456, AT, PIXELS, STITCHED_BANDS, s, sf), SHARED);
    }

    private static Scanline alone(Scanline l) {
        return (Scanline) ScanEventCodec.decode(ScanEventCodec.encodeCompact(l), "alone");
    }

    @Test
    void pair_decodesToTheTwoLinesTheirOwnCompactRecordsGive_inFewerBytes() {
        for (boolean flags : new boolean[] {false, true}) {
            StitchedPair p = pair(1, flags);
            byte[] bytes = ScanEventCodec.encodeCompact(p);
            StitchedPair back = assertInstanceOf(StitchedPair.class, ScanEventCodec.decode(bytes, "test"));
            assertEquals(alone(p.vnir()), back.vnir());
            assertEquals(alone(p.stitched()), back.stitched());
            assertEquals(SHARED, back.sharedBands());
            assertEquals(flags, back.vnir().flagged());
            assertEquals(p.stitched().flags(PIXELS - 1), back.stitched().flags(PIXELS - 1));
            int separately = ScanEventCodec.encodeCompact(p.vnir()).length + ScanEventCodec.encodeCompact(p.stitched()).length;
            assertTrue(bytes.length < 0.75 * separately, bytes.length + " bytes against " + separately + " for two records");
        }
    }

    @Test
    void allBandsShared_noVnirPayload() {
        Random rnd = new Random(3);
        float[] v = new float[4 * 3];
        float[] s = new float[4 * 5];
        for (int p = 0; p < 4; p++) {
            for (int b = 0; b < 5; b++) {
                s[p * 5 + b] = rnd.nextFloat();
            }
            System.arraycopy(s, p * 5, v, p * 3, 3);
        }
        StitchedPair p = new StitchedPair(new Scanline("s", SensorKind.VNIR, 0, 0, AT, 4, 3, v),
                new Scanline("s", SensorKind.STITCHED, 0, 0, AT, 4, 5, s), 3);
        StitchedPair back = (StitchedPair) ScanEventCodec.decode(ScanEventCodec.encodeCompact(p), "test");
        assertEquals(alone(p.vnir()), back.vnir());
        assertEquals(alone(p.stitched()), back.stitched());
    }

    @Test
    void pairHasNoFloat32Form() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScanEventCodec.encode(pair(1, false)));
        assertTrue(e.getMessage().contains("scan-7 line 42"), e.getMessage());
    }

    @Test
    void sharedBandsBeyondTheVnirLine_refusedNamingWhere() {
        byte[] bytes = ScanEventCodec.encodeCompact(pair(2, false));
        // the shared-band count follows the VNIR band count right after the line's head
        int at = indexOf(bytes, new byte[] {0, 0, 0, VNIR_BANDS, 0, 0, 0, SHARED});
        bytes[at + 7] = (byte) (VNIR_BANDS + 1);
        CodecException e = assertThrows(CodecException.class, () -> ScanEventCodec.decode(bytes, "topic/0@9"));
        assertTrue(e.getMessage().contains("topic/0@9") && e.getMessage().contains("scan-7 line 42")
                && e.getMessage().contains(VNIR_BANDS + 1 + " of them shared"), e.getMessage());
    }

    @Test
    void truncatedPair_refusedNamingWhere() {
        byte[] bytes = ScanEventCodec.encodeCompact(pair(2, false));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 5);
        CodecException e = assertThrows(CodecException.class, () -> ScanEventCodec.decode(cut, "topic/0@10"));
        assertTrue(e.getMessage().contains("topic/0@10"), e.getMessage());
    }

    @Test
    void pairWhoseSharedBandsDiffer_refusedNamingPixelAndBand() {
        StitchedPair good = pair(4, false);
        float[] s = good.stitched().reflectance();
        s[5 * STITCHED_BANDS + 7] += 0.25f;
        Scanline bad = new Scanline("scan-7", SensorKind.STITCHED, 42, 123_456, AT, PIXELS, STITCHED_BANDS, s);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StitchedPair(good.vnir(), bad, SHARED));
        assertTrue(e.getMessage().contains("pixel 5, band 7"), e.getMessage());
        // bands past the shared ones may differ
        new StitchedPair(good.vnir(), bad, 7);
    }

    @Test
    void pairOfLinesThatDoNotMatch_refused() {
        StitchedPair good = pair(5, false);
        Scanline other = new Scanline("scan-7", SensorKind.STITCHED, 43, 123_456, AT, PIXELS, STITCHED_BANDS,
                good.stitched().reflectance());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StitchedPair(good.vnir(), other, SHARED));
        assertTrue(e.getMessage().contains("line 43"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StitchedPair(good.stitched(), good.vnir(), SHARED));
        assertThrows(IllegalArgumentException.class, () -> new StitchedPair(good.vnir(), good.stitched(), 0));
    }

    @Test
    void pairIsAScanEventOfItsScan() {
        ScanEvent e = pair(6, false);
        assertEquals("scan-7", e.scanId());
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
