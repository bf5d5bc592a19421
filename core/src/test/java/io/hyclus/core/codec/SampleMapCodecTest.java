package io.hyclus.core.codec;

import io.hyclus.core.scan.MapUpdate;
import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.SampleMapPoints;
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

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SampleMapCodecTest {
    private static final SampleMetadata SAMPLE = new SampleMetadata("P1-2025-01-M100", "Plant-1", YearMonth.of(2025, 1),
            GrainSizeFraction.MINUS_100);

    @Property(tries = 100)
    void sampleMap_roundTrip(@ForAll("chunks") SampleMapPoints p) {
        SampleMapPoints back = SampleMapCodec.decode(SampleMapCodec.encode(p), "test");
        assertEquals(p, back);
        assertArrayEquals(p.xy(), back.xy());
        assertArrayEquals(p.rows(), back.rows());
    }

    @Provide
    Arbitrary<SampleMapPoints> chunks() {
        return Combinators.combine(Arbitraries.integers().between(1, 60), Arbitraries.integers().between(1, 9),
                Arbitraries.of(SensorKind.values()), Arbitraries.of(MapUpdate.values()),
                Arbitraries.integers().between(0, 1000), Arbitraries.of(GrainSizeFraction.values()))
                .as((n, version, cam, update, first, frac) -> {
                    int[] rows = new int[n];
                    float[] xy = new float[2 * n];
                    for (int i = 0; i < n; i++) {
                        rows[i] = first + 7 * i;
                        xy[2 * i] = (float) Math.cos(i * 0.3 + first) * 40;
                        xy[2 * i + 1] = (float) Math.sin(i * 0.7) * -25;
                    }
                    SampleMetadata m = new SampleMetadata("S-" + first, "Plänt-" + version, YearMonth.of(2024, version),
                            frac);
                    return new SampleMapPoints(version, update, "scan-" + n, m, cam, "dense-ae-16-vnir@" + version,
                            Instant.ofEpochSecond(1_700_000_000L + first, version), 0, 2, first + n + 3, first, rows, xy);
                });
    }

    @Test
    void layout_isTheDocumentedOne() {
        SampleMapPoints p = new SampleMapPoints(7, MapUpdate.ADDED, "scan-1", SAMPLE, SensorKind.VNIR, "m@1",
                Instant.ofEpochSecond(5, 6), 0, 1, 2, 0, new int[] {10, 20}, new float[] {1, 2, 3, 4});
        byte[] b = SampleMapCodec.encode(p);
        int strings = (4 + 5) + (4 + 6) + (4 + 15) + (4 + 7) + (4 + 7) + (4 + 9) + (4 + 4) + (4 + 3);
        assertEquals(4 + 1 + 1 + 4 + strings + 12 + 4 * 4 + (4 + 2 * 4) + (4 + 4 * 4), b.length);
        ByteBuffer buf = ByteBuffer.wrap(b);
        assertEquals(SampleMapCodec.SAMPLE_MAP, b[5]);
        assertEquals(7, buf.getInt(6));
        assertEquals(20, buf.getInt(b.length - 4 * 4 - 4 - 4));
        assertEquals(4.0f, buf.getFloat(b.length - 4));
    }

    @Test
    void decode_truncated_namesWhereAndOffset() {
        byte[] b = SampleMapCodec.encode(new SampleMapPoints(1, MapUpdate.FITTED, "scan-1", SAMPLE, SensorKind.SWIR,
                "m@1", Instant.EPOCH, 0, 1, 3, 0, new int[] {0, 1, 2}, new float[6]));
        CodecException e = assertThrows(CodecException.class,
                () -> SampleMapCodec.decode(Arrays.copyOf(b, b.length - 2), "hyclus.sample-map/0@3"));
        assertEquals("hyclus.sample-map/0@3: float array length 6 at offset " + (b.length - 6 * 4 - 4)
                + " exceeds the 22 bytes left", e.getMessage());
    }

    @Test
    void decode_codesRecord_refusesTheType() {
        byte[] other = SampleCodesCodec.encode(new SampleCodes("scan-1", SAMPLE, SensorKind.VNIR, "m@1", "/f.h5",
                Instant.EPOCH, 0, 1, 1, 0, 1, 2, new float[2]));
        CodecException e = assertThrows(CodecException.class, () -> SampleMapCodec.decode(other, "t/0@1"));
        assertEquals("t/0@1: expected a sample-map record (type 6), found type 5", e.getMessage());
    }
}
