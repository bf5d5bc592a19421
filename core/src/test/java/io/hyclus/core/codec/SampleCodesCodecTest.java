package io.hyclus.core.codec;

import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SampleCodesCodecTest {
    private static final SampleMetadata SAMPLE = new SampleMetadata("P1-2025-01-M100", "Plant-1", YearMonth.of(2025, 1),
            GrainSizeFraction.MINUS_100);

    @Property(tries = 100)
    void sampleCodes_roundTrip(@ForAll("chunks") SampleCodes c) {
        SampleCodes back = SampleCodesCodec.decode(SampleCodesCodec.encode(c), "test");
        assertEquals(c, back);
        assertArrayEquals(c.codes(), back.codes());
    }

    @Provide
    Arbitrary<SampleCodes> chunks() {
        return Combinators.combine(Arbitraries.integers().between(1, 50), Arbitraries.integers().between(1, 32),
                Arbitraries.of(SensorKind.values()), Arbitraries.of(GrainSizeFraction.values()),
                Arbitraries.longs().between(0, 1000), Arbitraries.integers().between(0, 3))
                .as((rows, k, cam, frac, first, idx) -> {
                    float[] v = new float[rows * k];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) Math.cos(i * 0.71 + first) * 3.25f;
                    }
                    SampleMetadata m = new SampleMetadata("S-" + first, "Plänt-" + idx, YearMonth.of(2024, 1 + idx), frac);
                    return new SampleCodes("scan-" + k, m, cam, "dense-ae-" + k + "-vnir@" + (idx + 1),
                            "/w/samples/scan/S-" + first + ".h5", Instant.ofEpochSecond(1_700_000_000L + first, idx * 7),
                            idx, 4, first + rows + 5, first, rows, k, v);
                });
    }

    @Test
    void layout_isTheDocumentedOne() {
        SampleCodes c = new SampleCodes("scan-1", SAMPLE, SensorKind.VNIR, "m@1", "/f.h5", Instant.ofEpochSecond(5, 6),
                0, 1, 2, 0, 2, 3, new float[] {1, 2, 3, 4, 5, 6});
        byte[] b = SampleCodesCodec.encode(c);
        int strings = 4 + 6 + 4 + 15 + 4 + 7 + 4 + 7 + 4 + 9 + 4 + 4 + 4 + 3 + 4 + 5;
        assertEquals(4 + 1 + 1 + strings + 12 + 4 + 4 + 8 + 8 + 4 + 4 + 4 + 6 * 4, b.length);
        assertEquals(SampleCodesCodec.SAMPLE_CODES, b[5]);
        assertEquals(6.0f, java.nio.ByteBuffer.wrap(b, b.length - 4, 4).getFloat());
    }

    @Test
    void decode_truncated_namesWhereAndOffset() {
        byte[] b = SampleCodesCodec.encode(new SampleCodes("scan-1", SAMPLE, SensorKind.SWIR, "m@1", "/f.h5",
                Instant.EPOCH, 0, 1, 4, 0, 4, 2, new float[8]));
        CodecException e = assertThrows(CodecException.class,
                () -> SampleCodesCodec.decode(Arrays.copyOf(b, b.length - 3), "hyclus.sample-codes/0@7"));
        assertEquals("hyclus.sample-codes/0@7: float array length 8 at offset " + (b.length - 4 * 8 - 4)
                + " exceeds the 29 bytes left", e.getMessage());
    }

    @Test
    void decode_sampleWrittenRecord_refusesTheType() {
        byte[] other = ScanEventCodec.encode(new SampleContainerWritten("scan-1", "A", "/a.h5",
                Map.of(SensorKind.VNIR, 3L), Instant.EPOCH));
        CodecException e = assertThrows(CodecException.class, () -> SampleCodesCodec.decode(other, "t/0@1"));
        assertEquals("t/0@1: expected a sample-codes record (type 5), found type 4", e.getMessage());
    }

    @Test
    void decode_inconsistentRows_isACodecException() {
        byte[] b = SampleCodesCodec.encode(new SampleCodes("scan-1", SAMPLE, SensorKind.VNIR, "m@1", "/f.h5",
                Instant.EPOCH, 0, 1, 2, 0, 2, 2, new float[4]));
        // rows (2) sits 4 (codeSize) + 4 (n) + 16 floats bytes before the end: make it 3
        java.nio.ByteBuffer.wrap(b).putInt(b.length - 16 - 4 - 4 - 4, 3);
        CodecException e = assertThrows(CodecException.class, () -> SampleCodesCodec.decode(b, "t/0@2"));
        assertEquals("t/0@2: decoded an invalid sample-codes record: codes of sample P1-2025-01-M100 (scan scan-1): "
                + "chunk 0 holds rows 0..2, beyond the 2 rows of VNIR", e.getMessage());
    }
}
