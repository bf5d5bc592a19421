package io.hyclus.core.codec;

import io.hyclus.core.scan.RawFrameRole;
import io.hyclus.core.scan.ScanRawFrame;
import io.hyclus.core.spectral.SensorKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawFrameCodecTest {
    /** Offset of the compression byte in {@link #small()}: header 6, strings 10 + 8 + 8 + 8, index, sequence, seconds, nanos, encoder, pixels, bands. */
    private static final int COMPRESSION_AT = 6 + 10 + 8 + 8 + 8 + 8 + 8 + 8 + 4 + 8 + 4 + 4;
    private static final int CRC_AT = COMPRESSION_AT + 1;
    private static final int COUNTS_AT = CRC_AT + 4;

    @Property(tries = 100)
    void rawFrame_roundTrip_isLossless(@ForAll("frames") ScanRawFrame f) {
        ScanRawFrame back = RawFrameCodec.decode(RawFrameCodec.encode(f), "test");
        assertEquals(f, back);
        assertArrayEquals(f.counts(), back.counts());
    }

    @Property(tries = 100)
    void twelveBitFrame_isPacked_andRoundTrips(@ForAll("twelveBitFrames") ScanRawFrame f) {
        byte[] b = RawFrameCodec.encode(f);
        assertEquals(RawFrameCodec.PACKED_12, b[COMPRESSION_AT_OF.apply(f)]);
        int n = f.pixels() * f.bands();
        assertEquals(COMPRESSION_AT_OF.apply(f) + 1 + 4 + 4 + (3 * n + 1) / 2, b.length);
        ScanRawFrame back = RawFrameCodec.decode(b, "test");
        assertEquals(f, back);
        assertArrayEquals(f.counts(), back.counts());
    }

    /** Where the compression byte is for a frame made by {@link #frames()} or {@link #twelveBitFrames()}. */
    private static final java.util.function.Function<ScanRawFrame, Integer> COMPRESSION_AT_OF = f -> 6
            + 4 + f.scanId().length() + 4 + f.cameraId().length() + 4 + f.kind().name().length()
            + 4 + f.role().name().length() + 8 + 8 + 8 + 4 + 8 + 4 + 4;

    @Provide
    Arbitrary<ScanRawFrame> twelveBitFrames() {
        return frames().map(f -> {
            short[] c = f.counts();
            for (int i = 0; i < c.length; i++) {
                c[i] = (short) ((c[i] & 0xFFFF) % 4096);
            }
            if (c.length > 1) {
                c[0] = 4095;
                c[c.length - 1] = 4095;
            }
            return ScanRawFrame.wrapping(f.scanId(), f.cameraId(), f.kind(), f.role(), f.index(), f.sequence(), f.time(),
                    f.encoderMicrons(), f.pixels(), f.bands(), c);
        });
    }

    @Test
    void packedLayout_twoCountsInThreeBytes() {
        short[] c = {0x123, 0xABC, 0xFFF};
        ScanRawFrame f = ScanRawFrame.wrapping("scan-1", "vnir", SensorKind.VNIR, RawFrameRole.LINE, 12, 3,
                Instant.ofEpochSecond(1_700_000_000L), 5, 1, 3, c);
        byte[] b = RawFrameCodec.encode(f);
        int at = COMPRESSION_AT_OF.apply(f);
        assertEquals(1, b[at]);
        assertEquals(3, ByteBuffer.wrap(b).getInt(at + 5));
        byte[] counts = Arrays.copyOfRange(b, at + 9, b.length);
        assertArrayEquals(new byte[] {0x12, 0x3A, (byte) 0xBC, (byte) 0xFF, (byte) 0xF0}, counts);
        byte[] truncated = Arrays.copyOf(b, b.length - 1);
        CodecException e = assertThrows(CodecException.class, () -> RawFrameCodec.decode(truncated, "r/0@2"));
        assertEquals("r/0@2: packed 12-bit array of 3 values at offset " + (at + 5) + " needs 5 bytes, 4 left",
                e.getMessage());
    }

    @Provide
    Arbitrary<ScanRawFrame> frames() {
        return Combinators.combine(Arbitraries.integers().between(1, 64), Arbitraries.integers().between(1, 40),
                Arbitraries.of(SensorKind.values()), Arbitraries.of(RawFrameRole.values()),
                Arbitraries.longs().between(0, 1_000_000), Arbitraries.longs().between(Long.MIN_VALUE, Long.MAX_VALUE),
                Arbitraries.longs())
                .as((pixels, bands, kind, role, index, encoder, seed) -> {
                    Random rnd = new Random(seed);
                    short[] c = new short[pixels * bands];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = (short) rnd.nextInt(65536); // every uint16, not only 12-bit counts
                    }
                    return ScanRawFrame.wrapping("scan-" + index, kind.name().toLowerCase() + "-" + bands, kind, role,
                            index, index * 3 + 1, Instant.ofEpochSecond(1_700_000_000L + index, (int) (index % 1000) * 7),
                            encoder, pixels, bands, c);
                });
    }

    @Test
    void layout_isTheDocumentedOne() {
        ScanRawFrame f = small();
        byte[] b = RawFrameCodec.encode(f);
        assertEquals(COUNTS_AT + 4 + 2 * 6, b.length);
        assertEquals(RawFrameCodec.RAW_FRAME, b[5]);
        assertEquals(0, b[COMPRESSION_AT]);
        assertEquals(6, ByteBuffer.wrap(b).getInt(COUNTS_AT));
        assertEquals(4095, ByteBuffer.wrap(b).getShort(COUNTS_AT + 4 + 2) & 0xFFFF);
        assertEquals(65535, ByteBuffer.wrap(b).getShort(b.length - 2) & 0xFFFF);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b, COUNTS_AT + 4, 12);
        assertEquals((int) crc.getValue(), ByteBuffer.wrap(b).getInt(CRC_AT));
    }

    @Test
    void fullSizeVnirFrame_fitsTheRecordLimitWithRoom() {
        ScanRawFrame f = ScanRawFrame.wrapping("scan-1", "vnir", SensorKind.VNIR, RawFrameRole.LINE, 0, 0, Instant.EPOCH,
                0, 1024, 224, new short[1024 * 224]);
        int size = RawFrameCodec.encode(f).length;
        assertTrue(size <= 2 * 1024 * 224 + RawFrameCodec.OVERHEAD_BYTES, "size " + size);
        assertTrue(size < 4 * 1024 * 1024 / 8, "size " + size);
    }

    @Test
    void decode_corruptCount_failsOnTheCrc_namingWhere() {
        byte[] b = RawFrameCodec.encode(small());
        b[b.length - 1] ^= 1;
        CodecException e = assertThrows(CodecException.class, () -> RawFrameCodec.decode(b, "hyclus.raw-frames/0@7"));
        assertTrue(e.getMessage().startsWith("hyclus.raw-frames/0@7: counts of LINE 12 of camera vnir in scan scan-1 are"
                + " corrupt: CRC-32C "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(at offset " + CRC_AT + ")"), e.getMessage());
    }

    @Test
    void decode_corruptCrc_fails() {
        byte[] b = RawFrameCodec.encode(small());
        b[CRC_AT] ^= 0x10;
        assertThrows(CodecException.class, () -> RawFrameCodec.decode(b, "t/0@1"));
    }

    @Test
    void decode_truncated_namesWhereAndOffset() {
        byte[] b = RawFrameCodec.encode(small());
        CodecException e = assertThrows(CodecException.class,
                () -> RawFrameCodec.decode(Arrays.copyOf(b, b.length - 3), "hyclus.raw-frames/2@9"));
        assertEquals("hyclus.raw-frames/2@9: uint16 array length 6 at offset " + COUNTS_AT + " exceeds the 9 bytes left",
                e.getMessage());
    }

    @Test
    void decode_trailingBytes_fails() {
        byte[] b = RawFrameCodec.encode(small());
        CodecException e = assertThrows(CodecException.class,
                () -> RawFrameCodec.decode(Arrays.copyOf(b, b.length + 2), "t/0@1"));
        assertEquals("t/0@1: 2 unexpected trailing bytes at offset " + b.length, e.getMessage());
    }

    @Test
    void decode_otherType_refusesIt() {
        byte[] b = RawFrameCodec.encode(small());
        b[5] = 2;
        CodecException e = assertThrows(CodecException.class, () -> RawFrameCodec.decode(b, "t/0@1"));
        assertEquals("t/0@1: expected a raw-frame record (type 9), found type 2", e.getMessage());
    }

    @Test
    void decode_badMagicOrVersion_refusesIt() {
        byte[] magic = RawFrameCodec.encode(small());
        magic[0] = 'X';
        assertThrows(CodecException.class, () -> RawFrameCodec.decode(magic, "t/0@1"));
        byte[] version = RawFrameCodec.encode(small());
        version[4] = 2;
        CodecException e = assertThrows(CodecException.class, () -> RawFrameCodec.decode(version, "t/0@1"));
        assertTrue(e.getMessage().startsWith("t/0@1: unsupported format version 2"), e.getMessage());
    }

    @Test
    void decode_unknownCompression_refusesIt() {
        byte[] b = RawFrameCodec.encode(small());
        b[COMPRESSION_AT] = 2;
        CodecException e = assertThrows(CodecException.class, () -> RawFrameCodec.decode(b, "t/0@1"));
        assertEquals("t/0@1: unsupported counts compression 2 at offset " + COMPRESSION_AT + ", this build reads 0 (none)"
                + " and 1 (packed 12-bit)", e.getMessage());
    }

    @Test
    void decode_unknownKindOrRole_namesIt() {
        byte[] kind = replace(RawFrameCodec.encode(small()), "VNIR", "XNIR");
        CodecException k = assertThrows(CodecException.class, () -> RawFrameCodec.decode(kind, "t/0@1"));
        assertTrue(k.getMessage().startsWith("t/0@1: unknown camera kind 'XNIR'"), k.getMessage());
        byte[] role = replace(RawFrameCodec.encode(small()), "LINE", "LIME");
        CodecException r = assertThrows(CodecException.class, () -> RawFrameCodec.decode(role, "t/0@1"));
        assertEquals("t/0@1: unknown frame role 'LIME' at offset 32, expected one of [DARK, WHITE, LINE]", r.getMessage());
    }

    @Test
    void decode_sizesThatDisagree_fail() {
        byte[] b = RawFrameCodec.encode(small());
        ByteBuffer.wrap(b).putInt(COMPRESSION_AT - 4, 4); // bands 3 -> 4: 2 x 4 != 6 counts
        CodecException e = assertThrows(CodecException.class, () -> RawFrameCodec.decode(b, "t/0@1"));
        assertEquals("t/0@1: raw frame of camera vnir in scan scan-1 has 6 counts at offset " + COUNTS_AT
                + ", expected 2 x 4", e.getMessage());
    }

    @Test
    void decode_invalidValues_areCodecExceptions() {
        byte[] b = RawFrameCodec.encode(small());
        ByteBuffer.wrap(b).putLong(40, -1); // index
        CodecException e = assertThrows(CodecException.class, () -> RawFrameCodec.decode(b, "t/0@1"));
        assertTrue(e.getMessage().startsWith("t/0@1: decoded an invalid raw-frame record: "), e.getMessage());
    }

    @Test
    void record_refusesCountsThatDoNotMatchItsSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScanRawFrame.wrapping("scan-1",
                "vnir", SensorKind.VNIR, RawFrameRole.DARK, 0, 0, Instant.EPOCH, 0, 2, 3, new short[5]));
        assertEquals("raw frame DARK 0 of camera vnir in scan scan-1 has 5 counts, expected 2 x 3", e.getMessage());
    }

    private static ScanRawFrame small() {
        return ScanRawFrame.wrapping("scan-1", "vnir", SensorKind.VNIR, RawFrameRole.LINE, 12, 345,
                Instant.ofEpochSecond(5, 6), 12_500, 2, 3, new short[] {0, 4095, 1, 2, 3, (short) 65535});
    }

    private static byte[] replace(byte[] b, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + f.length <= b.length; i++) {
            if (Arrays.equals(b, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(to.getBytes(StandardCharsets.UTF_8), 0, b, i, f.length);
                return b;
            }
        }
        throw new AssertionError(from + " not in the record");
    }
}
