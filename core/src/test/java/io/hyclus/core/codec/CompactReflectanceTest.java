package io.hyclus.core.codec;

import io.hyclus.core.scan.PixelFlags;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compact scanline: within half a quantisation step of the input, smaller than float32, and refuses bad bytes. */
class CompactReflectanceTest {

    /** Smooth spectra with noise, a dark pixel, a bright glint, the odd negative value. */
    private static Scanline line(int pixels, int bands, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] r = new float[pixels * bands];
        for (int p = 0; p < pixels; p++) {
            double level = p % 17 == 0 ? 0.05 : 0.2 + 0.5 * rng.nextDouble();
            for (int b = 0; b < bands; b++) {
                double v = level * (1 + 0.3 * Math.sin(b * 0.05 + p * 0.01)) + 0.01 * rng.nextGaussian();
                r[p * bands + b] = (float) (p == 7 ? v + 1.2 : v);
            }
        }
        r[3] = -0.004f;
        byte[] flags = new byte[pixels];
        flags[7] = PixelFlags.SATURATED;
        return new Scanline("scan-c", SensorKind.VNIR, 12, 34_000, Instant.parse("2026-11-26T01:00:00Z"), pixels, bands,
                r, flags);
    }

    @Test
    void roundTrip_everyValueWithinHalfAStep_fieldsAndFlagsExact_smallerThanFloat32() {
        Scanline l = line(256, 224, 1);
        byte[] compact = ScanEventCodec.encodeCompact(l);
        byte[] plain = ScanEventCodec.encode(l);
        Scanline back = (Scanline) ScanEventCodec.decode(compact, "test");

        assertEquals(List.of(l.scanId(), l.camera(), l.lineIndex(), l.encoderMicrons(), l.acquiredAt(), l.pixels(),
                l.bands()), List.of(back.scanId(), back.camera(), back.lineIndex(), back.encoderMicrons(),
                back.acquiredAt(), back.pixels(), back.bands()));
        assertArrayEquals(l.pixelFlags(), back.pixelFlags());
        float[] a = l.reflectance();
        float[] b = back.reflectance();
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        assertTrue(worst <= CompactReflectance.STEP / 2 + 1e-7, "worst error " + worst);
        assertTrue(compact.length < plain.length / 2, compact.length + " bytes against " + plain.length);
    }

    @Test
    void decodingTwice_givesTheSameValues_andReencodingIsStable() {
        Scanline once = (Scanline) ScanEventCodec.decode(ScanEventCodec.encodeCompact(line(40, 30, 2)), "t");
        Scanline twice = (Scanline) ScanEventCodec.decode(ScanEventCodec.encodeCompact(once), "t");
        assertEquals(once, twice, "a quantised line is a fixed point");
    }

    @Test
    void extremeJumps_goThroughTheEscape() {
        float[] r = new float[6 * 5];
        for (int i = 0; i < r.length; i++) {
            r[i] = i % 2 == 0 ? 999.9f : -999.9f;
        }
        Scanline l = new Scanline("s", SensorKind.SWIR, 0, 0, Instant.EPOCH, 6, 5, r);
        Scanline back = (Scanline) ScanEventCodec.decode(ScanEventCodec.encodeCompact(l), "t");
        for (int i = 0; i < r.length; i++) {
            assertEquals(r[i], back.reflectance()[i], CompactReflectance.STEP / 2);
        }
    }

    @Test
    void valueBeyondTheRange_isRefusedNamingLinePixelAndBand() {
        float[] r = new float[4];
        r[3] = 2000f;
        CodecException e = assertThrows(CodecException.class, () -> ScanEventCodec.encodeCompact(
                new Scanline("s-1", SensorKind.VNIR, 9, 0, Instant.EPOCH, 2, 2, r)));
        assertEquals("scanline s-1/9: value 2000.0 at pixel 1, band 1 is beyond the compact codec's range of +/-1000.0",
                e.getMessage());
    }

    @Test
    void corruptedTruncatedOrMislabelledPayloads_areRefusedNamingWhere() {
        byte[] good = ScanEventCodec.encodeCompact(line(20, 10, 3));
        byte[] flipped = good.clone();
        flipped[good.length - 30] ^= 0x10;
        String msg = assertThrows(CodecException.class, () -> ScanEventCodec.decode(flipped, "t/0@5")).getMessage();
        assertTrue(msg.startsWith("t/0@5 (scan scan-c line 12): compact line checksum 0x"), msg);

        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
        assertThrows(CodecException.class, () -> ScanEventCodec.decode(truncated, "t/0@6"));

        ScanEvent other = new Scanline("scan-c", SensorKind.VNIR, 1, 0, Instant.EPOCH, 20, 10, new float[200]);
        byte[] payloadOf20x10 = CompactReflectance.encode(new float[200], 20, 10, "x");
        CodecException sizes = assertThrows(CodecException.class,
                () -> CompactReflectance.decode(payloadOf20x10, 10, 20, "t/0@7"));
        assertEquals("t/0@7: compact line holds 20 pixels x 10 bands, the record says 10 x 20", sizes.getMessage());
        assertEquals(other, ScanEventCodec.decode(ScanEventCodec.encodeCompact(other), "t"), "zeros round-trip exactly");
    }

    /** A version-2 payload with its stream replaced and the checksum recomputed, so the checks after it are reached. */
    private static byte[] withStream(byte[] payload, byte[] stream) {
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(14 + stream.length + 4);
        out.put(payload, 0, 10).putInt(stream.length).put(stream);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(stream);
        out.putInt((int) crc.getValue());
        return out.array();
    }

    private static byte[] streamOf(byte[] payload) {
        return java.util.Arrays.copyOfRange(payload, 14, payload.length - 4);
    }

    @Test
    void versionTwo_blockWidths_packTheLargestValue_andAreChecked() {
        // 3 pixels x 7 bands = 21 values: one full block of 16 and a last block of 5
        float[] r = new float[21];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) (0.25 + 0.01 * (i % 5));
        }
        byte[] good = CompactReflectance.encode(r, 3, 7, "x");
        assertEquals(2, good[0], "version");
        byte[] stream = streamOf(good);
        int w0 = stream[0];
        int w1 = stream[1];
        // the stream is exactly the two widths and the two byte-aligned blocks
        assertEquals(2 + (16 * w0 + 7) / 8 + (5 * w1 + 7) / 8, stream.length);
        float[] back = CompactReflectance.decode(good, 3, 7, "x");
        for (int i = 0; i < r.length; i++) {
            assertEquals(r[i], back[i], CompactReflectance.STEP / 2);
        }

        byte[] wide = stream.clone();
        wide[1] = 33;
        assertEquals("t/0@8: compact line block 1 has a width of 33 bits, at most 32 are possible",
                assertThrows(CodecException.class, () -> CompactReflectance.decode(withStream(good, wide), 3, 7,
                        "t/0@8")).getMessage());

        byte[] longer = java.util.Arrays.copyOf(stream, stream.length + 1);
        assertEquals("t/0@9: compact line bit stream has 1 bytes after its last value",
                assertThrows(CodecException.class, () -> CompactReflectance.decode(withStream(good, longer), 3, 7,
                        "t/0@9")).getMessage());

        byte[] shorter = java.util.Arrays.copyOf(stream, stream.length - 1);
        assertEquals("t/0@10: compact line bit stream ends before its last value",
                assertThrows(CodecException.class, () -> CompactReflectance.decode(withStream(good, shorter), 3, 7,
                        "t/0@10")).getMessage());

        byte[] widthsOnly = {(byte) w0};
        assertEquals("t/0@11: compact line bit stream of 1 bytes is shorter than its 2 block widths",
                assertThrows(CodecException.class, () -> CompactReflectance.decode(withStream(good, widthsOnly), 3, 7,
                        "t/0@11")).getMessage());
    }

    @Test
    void versionTwo_fullWidthBlocks_readToTheLastByte() {
        // a hand-made stream: one block of 3 values at 32 bits, the largest zig-zag values there are
        byte[] good = CompactReflectance.encode(new float[3], 1, 3, "x");
        java.nio.ByteBuffer stream = java.nio.ByteBuffer.allocate(1 + 12);
        stream.put((byte) 32).putInt(0xFFFFFFFE).putInt(0xFFFFFFFF).putInt(2);
        float[] back = CompactReflectance.decode(withStream(good, stream.array()), 1, 3, "x");
        // zig-zag: 0xFFFFFFFE -> 2^31 - 1, 0xFFFFFFFF -> -2^31, 2 -> 1; summed along the bands as the encoder predicts
        int q0 = Integer.MAX_VALUE;
        int q1 = q0 + Integer.MIN_VALUE;
        int q2 = q1 + 1;
        assertArrayEquals(new float[] {(float) (q0 * CompactReflectance.STEP), (float) (q1 * CompactReflectance.STEP),
                (float) (q2 * CompactReflectance.STEP)}, back);
    }

    @Test
    void unknownVersion_isRefusedNamingBoth() {
        byte[] good = CompactReflectance.encode(new float[6], 2, 3, "x");
        byte[] v3 = good.clone();
        v3[0] = 3;
        assertEquals("t/0@12: compact line version 3, this build reads 1 and 2",
                assertThrows(CodecException.class, () -> CompactReflectance.decode(v3, 2, 3, "t/0@12")).getMessage());
    }

    /** The version-2 stream as the format defines it, value by value and bit by bit: the reference for the packer. */
    private static byte[] referenceStream(int[] mapped) {
        int blocks = (mapped.length + 15) / 16;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int[] widths = new int[blocks];
        for (int blk = 0; blk < blocks; blk++) {
            int max = 0;
            for (int i = blk * 16; i < Math.min(mapped.length, blk * 16 + 16); i++) {
                max = Math.max(max, 32 - Integer.numberOfLeadingZeros(mapped[i]));
            }
            widths[blk] = max;
            out.write(max);
        }
        for (int blk = 0; blk < blocks; blk++) {
            int acc = 0;
            int bits = 0;
            for (int i = blk * 16; i < Math.min(mapped.length, blk * 16 + 16); i++) {
                for (int bit = widths[blk] - 1; bit >= 0; bit--) {
                    acc = acc << 1 | (mapped[i] >>> bit & 1);
                    if (++bits == 8) {
                        out.write(acc);
                        acc = 0;
                        bits = 0;
                    }
                }
            }
            if (bits > 0) {
                out.write(acc << (8 - bits));
            }
        }
        return out.toByteArray();
    }

    @Test
    void versionTwo_everyWidthAndBlockLength_packsAsTheFormatSays() {
        // one pixel predicts each band from the one before: block k of residuals spans about k + 1 bits, 0 to 25
        SplittableRandom rng = new SplittableRandom(11);
        for (int bands : new int[] {16 * 27, 16 * 27 + 5, 9, 1}) {
            float[] r = new float[bands];
            int[] q = new int[bands];
            for (int b = 0; b < bands; b++) {
                int k = b / 16;
                int amplitude = k == 0 ? 0 : 1 << Math.min(k - 1, 22);
                r[b] = (float) ((rng.nextInt(2 * amplitude + 1) - amplitude) * CompactReflectance.STEP * 0.98);
                q[b] = (int) Math.round(r[b] / CompactReflectance.STEP);
            }
            int[] mapped = new int[bands];
            for (int b = 0; b < bands; b++) {
                int e = q[b] - (b == 0 ? 0 : q[b - 1]);
                mapped[b] = (e << 1) ^ (e >> 31);
            }
            byte[] payload = CompactReflectance.encode(r, 1, bands, "x");
            assertArrayEquals(referenceStream(mapped), streamOf(payload), bands + " bands");
            float[] back = CompactReflectance.decode(payload, 1, bands, "x");
            for (int b = 0; b < bands; b++) {
                assertEquals(q[b] * CompactReflectance.STEP, back[b], 1e-9, "band " + b);
            }
        }
    }

    @Test
    void quantisation_roundsHalfUp_asMathRound_acrossTheWholeRange() {
        double step = CompactReflectance.STEP;
        float[] r = {(float) (2.5 * step), (float) (-2.5 * step), (float) (0.5 * step), (float) (-0.5 * step),
            (float) (-1.5 * step), 1000f, -1000f, 999.99994f, -999.99994f, 0.3f, -0.3f, 1e-30f, -1e-30f, 0f, -0f};
        float[] back = CompactReflectance.decode(CompactReflectance.encode(r, 1, r.length, "x"), 1, r.length, "x");
        for (int i = 0; i < r.length; i++) {
            long q = Math.round(r[i] * (double) (1 << CompactReflectance.STEP_BITS));
            assertEquals((float) (q * step), back[i], "value " + r[i]);
        }
        assertEquals((float) (3 * step), back[0]);
        assertEquals((float) (-2 * step), back[1]);

        // any magnitude from 1e-30 to 1000, either sign, and exact ties k + 1/2 steps
        SplittableRandom rng = new SplittableRandom(3);
        float[] many = new float[20_000];
        for (int i = 0; i < many.length; i++) {
            double v = i % 2 == 0 ? Math.pow(10, rng.nextDouble(-30, 3)) : (rng.nextInt(8_192_000) + 0.5) * step;
            many[i] = (float) Math.min(1000, rng.nextBoolean() ? v : -v);
        }
        float[] manyBack = CompactReflectance.decode(CompactReflectance.encode(many, 1, many.length, "x"), 1,
                many.length, "x");
        for (int i = 0; i < many.length; i++) {
            long q = Math.round(many[i] * (double) (1 << CompactReflectance.STEP_BITS));
            assertEquals((float) (q * step), manyBack[i], "value " + many[i]);
        }
    }

    @Test
    void bandsOfAWiderLine_encodeAsTheSameBandsCopiedOut() {
        Scanline l = line(50, 40, 5);
        float[] all = l.reflectance();
        float[] part = new float[50 * 13];
        for (int p = 0; p < 50; p++) {
            System.arraycopy(all, p * 40 + 27, part, p * 13, 13);
        }
        assertArrayEquals(CompactReflectance.encode(part, 50, 13, "x"), CompactReflectance.encode(all, 40, 27, 50, 13,
                "x"));
        assertArrayEquals(CompactReflectance.encode(all, 50, 40, "x"), l.readValues(v -> CompactReflectance.encode(v,
                50, 40, "x")));
        assertEquals("x: bands 30+13 of 50 pixels of 40 values do not fit 2000 values",
                assertThrows(IllegalArgumentException.class, () -> CompactReflectance.encode(all, 40, 30, 50, 13, "x"))
                        .getMessage());
    }
}
