package io.hyclus.core.codec;

import io.hyclus.core.scan.PixelFlags;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchSource;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compact factored stitched pair (scan event type 11): the SWIR tail sent once per SWIR pixel. */
class FactoredPairCodecTest {
    private static final int PIXELS = 37;
    private static final int SWIR_PIXELS = 14;
    private static final int VNIR_BANDS = 24;
    private static final int TAIL = 26;
    private static final Instant AT = Instant.parse("2026-11-26T18:40:00.5Z");

    /**
     * A source as the stitcher makes one: stitched pixel p inside SWIR pixel floor(p * 14 / 37), or across the boundary
     * of two with box weights; gains 0.8-1.25; smooth noisy SWIR spectra.
     */
    static StitchSource source(long seed) {
        Random rnd = new Random(seed);
        float[] swir = new float[SWIR_PIXELS * TAIL];
        for (int j = 0; j < SWIR_PIXELS; j++) {
            double level = 0.15 + 0.4 * rnd.nextDouble();
            for (int b = 0; b < TAIL; b++) {
                swir[j * TAIL + b] = (float) (level - 0.003 * b + 0.002 * rnd.nextGaussian());
            }
        }
        float[] gains = new float[PIXELS];
        int[] start = new int[PIXELS + 1];
        int[] taps = new int[2 * PIXELS];
        float[] weights = new float[2 * PIXELS];
        int t = 0;
        for (int p = 0; p < PIXELS; p++) {
            gains[p] = (float) (0.8 + 0.45 * rnd.nextDouble());
            double lo = p * (double) SWIR_PIXELS / PIXELS;
            double hi = (p + 1) * (double) SWIR_PIXELS / PIXELS;
            int first = (int) Math.floor(lo);
            int last = Math.min(SWIR_PIXELS - 1, (int) Math.ceil(hi) - 1);
            for (int j = first; j <= last; j++) {
                taps[t] = j;
                weights[t++] = (float) ((Math.min(hi, j + 1) - Math.max(lo, j)) / (hi - lo));
            }
            start[p + 1] = t;
        }
        return new StitchSource(SWIR_PIXELS, TAIL, swir, gains, start, Arrays.copyOf(taps, t),
                Arrays.copyOf(weights, t));
    }

    /** A VNIR line and the stitched line the stitcher would make of it with {@code source}. */
    static StitchedPair pair(StitchSource source, long seed) {
        Random rnd = new Random(seed);
        float[] v = new float[PIXELS * VNIR_BANDS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (0.3 + 0.01 * (i % VNIR_BANDS) + 0.003 * rnd.nextGaussian());
        }
        int bands = VNIR_BANDS + TAIL;
        float[] s = new float[PIXELS * bands];
        for (int p = 0; p < PIXELS; p++) {
            System.arraycopy(v, p * VNIR_BANDS, s, p * bands, VNIR_BANDS);
        }
        source.tail(s, bands, VNIR_BANDS);
        byte[] vf = new byte[PIXELS];
        byte[] sf = new byte[PIXELS];
        vf[4] = PixelFlags.SATURATED;
        sf[4] = PixelFlags.SATURATED;
        sf[PIXELS - 1] = PixelFlags.NOT_COVERED;
        return new StitchedPair(new Scanline("scan-f", SensorKind.VNIR, 9, 77_000, AT, PIXELS, VNIR_BANDS, v, vf),
                new Scanline("scan-f", SensorKind.STITCHED, 9, 77_000, AT, PIXELS, bands, s, sf), VNIR_BANDS, source);
    }

    @Test
    void factoredPair_vnirAsItsOwnRecord_tailWithinGainTimesHalfAStep_fewerBytesThanTypeTen() {
        StitchSource src = source(1);
        StitchedPair p = pair(src, 2);
        byte[] bytes = ScanEventCodec.encodeCompact(p);
        assertEquals(11, bytes[5], "type tag");
        StitchedPair back = assertInstanceOf(StitchedPair.class, ScanEventCodec.decode(bytes, "test"));
        assertEquals(ScanEventCodec.decode(ScanEventCodec.encodeCompact(p.vnir()), "alone"), back.vnir());
        assertEquals(VNIR_BANDS, back.sharedBands());
        Scanline s = back.stitched();
        assertEquals(p.stitched().bands(), s.bands());
        assertEquals(PixelFlags.NOT_COVERED, s.flags(PIXELS - 1));
        assertEquals(PixelFlags.SATURATED, back.vnir().flags(4));
        int twoTaps = 0;
        for (int q = 0; q < PIXELS; q++) {
            double bound = src.gains()[q] * CompactReflectance.STEP / 2 * (1 + 1e-4) + 1e-7;
            for (int b = VNIR_BANDS; b < s.bands(); b++) {
                double err = Math.abs(s.value(q, b) - p.stitched().value(q, b));
                assertTrue(err <= bound, "pixel " + q + " band " + b + ": off by " + err + ", bound " + bound);
            }
            twoTaps += src.tapStart()[q + 1] - src.tapStart()[q] > 1 ? 1 : 0;
        }
        assertTrue(twoTaps > 5, twoTaps + " pixels across two SWIR pixels");
        // the decoded pair holds its decoded source, and its tail is what that source gives, on every pixel
        float[] tail = new float[PIXELS * s.bands()];
        back.source().tail(tail, s.bands(), VNIR_BANDS);
        for (int q = 0; q < PIXELS; q++) {
            for (int b = VNIR_BANDS; b < s.bands(); b++) {
                assertEquals(tail[q * s.bands() + b], s.value(q, b), 0.0);
            }
        }
        // decoded twice: equal pairs (their sources compared by value)
        assertEquals(back, ScanEventCodec.decode(bytes, "again"));
        // re-encoded as decoded (a replay): the same bytes
        assertTrue(Arrays.equals(bytes, ScanEventCodec.encodeCompact(back)), "re-encoding a decoded pair");
        int typeTen = ScanEventCodec.encodeCompact(new StitchedPair(p.vnir(), p.stitched(), VNIR_BANDS)).length;
        assertTrue(bytes.length < typeTen, bytes.length + " bytes against " + typeTen + " for type 10");
    }

    @Test
    void lazyPair_encodedWithoutItsLine_asTheBuiltPair_buildsTheLineItsSourceGivesOnce() {
        StitchSource src = source(5);
        StitchedPair built = pair(src, 6);
        byte[] flags = built.stitched().pixelFlags();
        StitchedPair lazy = StitchedPair.factored(built.vnir(), flags.clone(), src);
        assertEquals(VNIR_BANDS + TAIL, lazy.stitchedBands());
        assertArrayEquals(flags, lazy.stitchedFlags());
        assertEquals(VNIR_BANDS, lazy.sharedBands());
        assertArrayEquals(ScanEventCodec.encodeCompact(built), ScanEventCodec.encodeCompact(lazy));
        Scanline s = lazy.stitched();
        assertSame(s, lazy.stitched(), "built once");
        assertEquals(built.stitched(), s); // every value bit for bit, and the flags
        assertEquals(built, lazy);
        assertEquals(built.hashCode(), lazy.hashCode());
        assertEquals(PixelFlags.NOT_COVERED, s.flags(PIXELS - 1));
        // decoded: equal to the built pair's decoding
        StitchedPair back = (StitchedPair) ScanEventCodec.decode(ScanEventCodec.encodeCompact(lazy), "lazy");
        assertEquals(ScanEventCodec.decode(ScanEventCodec.encodeCompact(built), "built"), back);
        // no flag set is no flags, as a line has them
        assertEquals(0, StitchedPair.factored(built.vnir(), new byte[PIXELS], src).stitchedFlags().length);
        // parts that do not fit, named
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StitchedPair.factored(built.vnir(), new byte[3], src));
        assertTrue(e.getMessage().contains("scan scan-f line 9") && e.getMessage().contains("3 stitched pixel flags"),
                e.getMessage());
        Scanline narrow = new Scanline("scan-f", SensorKind.VNIR, 9, 77_000, AT, PIXELS - 1, VNIR_BANDS,
                new float[(PIXELS - 1) * VNIR_BANDS]);
        e = assertThrows(IllegalArgumentException.class, () -> StitchedPair.factored(narrow, new byte[0], src));
        assertTrue(e.getMessage().contains("stitch source of " + PIXELS + " pixels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StitchedPair.factored(built.stitched(), flags, src));
    }

    @Test
    void gainThatOverflowsTheTail_refusedWhenDecoded_namingTheRecord() {
        StitchSource good = source(7);
        float[] swir = good.swir().clone();
        Arrays.fill(swir, 0, TAIL, 3f); // SWIR pixel 0, the only tap of stitched pixel 0
        float[] gains = good.gains().clone();
        gains[0] = Float.MAX_VALUE; // finite, but times 3 it is not
        StitchSource bad = new StitchSource(SWIR_PIXELS, TAIL, swir, gains, good.tapStart(), good.sourcePixel(),
                good.weight());
        byte[] bytes = ScanEventCodec.encodeCompact(StitchedPair.factored(pair(good, 8).vnir(), new byte[0], bad));
        CodecException e = assertThrows(CodecException.class, () -> ScanEventCodec.decode(bytes, "topic/0/99"));
        assertTrue(e.getMessage().startsWith("topic/0/99") && e.getMessage().contains("scan-f/9")
                && e.getMessage().contains("non-finite"), e.getMessage());
    }

    @Test
    void truncatedOrCorrupt_codecExceptionNamingTheRecord() {
        byte[] bytes = ScanEventCodec.encodeCompact(pair(source(3), 4));
        for (int cut = 6; cut < bytes.length; cut += 97) {
            byte[] part = Arrays.copyOf(bytes, cut);
            CodecException e = assertThrows(CodecException.class, () -> ScanEventCodec.decode(part, "topic/0/12"),
                    "cut at " + cut);
            assertTrue(e.getMessage().startsWith("topic/0/12"), e.getMessage());
        }
        byte[] nanWeight = bytes.clone(); // the last four bytes are the last tap's weight
        int nan = Float.floatToIntBits(Float.NaN);
        for (int i = 0; i < 4; i++) {
            nanWeight[nanWeight.length - 4 + i] = (byte) (nan >>> (24 - 8 * i));
        }
        CodecException e = assertThrows(CodecException.class, () -> ScanEventCodec.decode(nanWeight, "topic/0/13"));
        assertTrue(e.getMessage().contains("topic/0/13") && e.getMessage().contains("weight"), e.getMessage());
    }

    @Test
    void sourceDisagreeingWithTheStitchedLine_refusedNamingPixelAndBand() {
        StitchSource src = source(5);
        StitchedPair good = pair(src, 6);
        float[] gains = src.gains().clone();
        gains[PIXELS / 2] *= 1.01f;
        StitchSource other = new StitchSource(SWIR_PIXELS, TAIL, src.swir(), gains, src.tapStart(), src.sourcePixel(),
                src.weight());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StitchedPair(good.vnir(), good.stitched(), VNIR_BANDS, other));
        assertTrue(e.getMessage().contains("pixel " + PIXELS / 2 + ", band " + VNIR_BANDS), e.getMessage());
        // a source needs every VNIR band shared
        assertThrows(IllegalArgumentException.class,
                () -> new StitchedPair(good.vnir(), good.stitched(), VNIR_BANDS - 1, src));
    }

    @Test
    void source_badTaps_refused() {
        StitchSource s = source(7);
        int[] noTap = s.tapStart().clone();
        noTap[3] = noTap[2];
        assertThrows(IllegalArgumentException.class, () -> new StitchSource(SWIR_PIXELS, TAIL, s.swir(), s.gains(),
                noTap, s.sourcePixel(), s.weight()));
        int[] outside = s.sourcePixel().clone();
        outside[0] = SWIR_PIXELS;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StitchSource(SWIR_PIXELS,
                TAIL, s.swir(), s.gains(), s.tapStart(), outside, s.weight()));
        assertTrue(e.getMessage().contains("tap 0 reads SWIR pixel 14 of 14"), e.getMessage());
        float[] nanGain = s.gains().clone();
        nanGain[1] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> new StitchSource(SWIR_PIXELS, TAIL, s.swir(), nanGain,
                s.tapStart(), s.sourcePixel(), s.weight()));
        assertThrows(IllegalArgumentException.class, () -> new StitchSource(SWIR_PIXELS, TAIL + 1, s.swir(), s.gains(),
                s.tapStart(), s.sourcePixel(), s.weight()));
    }
}
