package io.hyclus.core.codec;

import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.PixelFlags;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanEventCodecTest {

    @Property(tries = 200)
    void scanline_roundTrips(@ForAll("scanlines") Scanline line) {
        assertEquals(line, ScanEventCodec.decode(ScanEventCodec.encode(line), "test"));
    }

    @Provide
    Arbitrary<Scanline> scanlines() {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.integers().between(1, 30),
                Arbitraries.longs().between(0, 1L << 40), Arbitraries.longs().between(-1L << 40, 1L << 40),
                Arbitraries.of(SensorKind.values()), Arbitraries.longs().between(0, 4_000_000_000L))
                .as((px, bands, line, enc, kind, sec) -> {
                    float[] v = new float[px * bands];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) Math.sin(i * 0.37 + line) * 1.5f;
                    }
                    byte[] flags = new byte[line % 3 == 0 ? px : 0]; // every third line has a saturated pixel or two
                    for (int p = 0; p < flags.length; p += 7) {
                        flags[p] = PixelFlags.SATURATED;
                    }
                    return new Scanline("scan-" + (line % 97), kind, line, enc, Instant.ofEpochSecond(sec, line % 1_000_000_000),
                            px, bands, v, flags);
                });
    }

    @Property(tries = 100)
    void scanStarted_roundTrips(@ForAll("starts") ScanStarted s) {
        ScanStarted back = (ScanStarted) ScanEventCodec.decode(ScanEventCodec.encode(s), "test");
        assertEquals(s, back);
    }

    @Provide
    Arbitrary<ScanStarted> starts() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(2, 300),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20), Arbitraries.doubles().between(0.01, 2))
                .as((slots, bands, plant, pitch) -> {
                    List<TraySlot> list = new java.util.ArrayList<>();
                    for (int i = 0; i < slots; i++) {
                        list.add(new TraySlot(i, new SampleMetadata("S" + i, plant, YearMonth.of(2025, 1 + i),
                                GrainSizeFraction.values()[i % 2]), new RegionMm(10, 10 + 50 * i, 90, 50 + 50 * i)));
                    }
                    Sensor sensor = new Sensor("swir", SensorKind.SWIR, WavelengthGrid.uniform(1000, 2500, bands, 1.1), 384);
                    return new ScanStarted("scan-1", new TrayLayout("tray-1", 100, 400, list),
                            List.of(new CameraSetup(sensor, new AcrossTrackGeometry(-3.2, pitch, 123_456))),
                            Instant.parse("2026-11-25T01:02:03.456Z"), Map.of("seed", "42", "plant", plant));
                });
    }

    @Test
    void completed_andSampleWritten_roundTrip() {
        ScanEvent c = new ScanCompleted("s", Map.of(SensorKind.VNIR, 10L, SensorKind.SWIR, 9L), Instant.EPOCH, List.of("x", "y"));
        assertEquals(c, ScanEventCodec.decode(ScanEventCodec.encode(c), "test"));
        SampleContainerWritten w = new SampleContainerWritten("s", "A-1", "/tmp/a.h5", Map.of(SensorKind.VNIR, 5L), Instant.EPOCH);
        assertEquals(w, ScanEventCodec.decodeSampleWritten(ScanEventCodec.encode(w), "test"));
    }

    @Test
    void wrongMagic_namesWhereAndValue() {
        var e = assertThrows(CodecException.class, () -> ScanEventCodec.decode(new byte[] {1, 2, 3, 4, 1, 2}, "t/0@7"));
        assertEquals("t/0@7: not a HyClus record: magic 0x01020304, expected 0x4859434C", e.getMessage());
    }

    @Test
    void flaggedLine_keepsItsFlags_unflaggedLineIsWrittenAsBefore() {
        byte[] flags = {0, PixelFlags.SATURATED, 0};
        Scanline flagged = new Scanline("s", SensorKind.SWIR, 1, 2, Instant.EPOCH, 3, 2, new float[6], flags);
        byte[] b = ScanEventCodec.encode(flagged);
        assertEquals(7, b[5], "type tag of a flagged line");
        Scanline back = (Scanline) ScanEventCodec.decode(b, "test");
        assertArrayEquals(flags, back.pixelFlags());
        assertEquals(PixelFlags.SATURATED, back.flags(1));
        Scanline plain = new Scanline("s", SensorKind.SWIR, 1, 2, Instant.EPOCH, 3, 2, new float[6], new byte[3]);
        byte[] p = ScanEventCodec.encode(plain);
        assertEquals(2, p[5], "a line with no flag set is a plain line");
        assertEquals(b.length - 4 - 3, p.length);
        assertFalse(((Scanline) ScanEventCodec.decode(p, "test")).flagged());
    }

    @Test
    void lineWithFlagsForTheWrongPixelCount_isRefusedNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Scanline("s-1",
                SensorKind.VNIR, 4, 0, Instant.EPOCH, 3, 2, new float[6], new byte[2]));
        assertEquals("scanline s-1/4 has 2 pixel flags, expected none or one per pixel (3)", e.getMessage());
    }

    @Test
    void truncatedLine_namesOffset() {
        byte[] ok = ScanEventCodec.encode(new Scanline("s", SensorKind.VNIR, 1, 2, Instant.EPOCH, 2, 2, new float[4]));
        byte[] cut = Arrays.copyOf(ok, ok.length - 3);
        var e = assertThrows(CodecException.class, () -> ScanEventCodec.decode(cut, "t/0@9"));
        assertEquals("t/0@9: float array length 4 at offset " + (ok.length - 20) + " exceeds the 13 bytes left", e.getMessage());
    }

    @Test
    void unknownCameraKindInALine_namesWhereTheScanAndTheOffset() {
        byte[] b = ScanEventCodec.encode(new Scanline("s-7", SensorKind.VNIR, 1, 2, Instant.EPOCH, 2, 2, new float[4]));
        int at = replace(b, "VNIR", "UVIS");
        var e = assertThrows(CodecException.class, () -> ScanEventCodec.decode(b, "hyclus.scan-events/0@42"));
        assertEquals("hyclus.scan-events/0@42: unknown camera kind 'UVIS' in the scanline of scan s-7 at offset " + at
                + ", expected one of [VNIR, SWIR, STITCHED]", e.getMessage());
    }

    @Test
    void unknownCameraKindInASampleWritten_namesWhere() {
        byte[] b = ScanEventCodec.encode(new SampleContainerWritten("s-8", "A-1", "/tmp/a.h5", Map.of(SensorKind.SWIR, 5L),
                Instant.EPOCH));
        int at = replace(b, "SWIR", "MWIR");
        var e = assertThrows(CodecException.class, () -> ScanEventCodec.decodeSampleWritten(b, "hyclus.sample-containers/0@3"));
        assertEquals("hyclus.sample-containers/0@3: unknown camera kind 'MWIR' in the sample-written record of scan s-8"
                + " at offset " + at + ", expected one of [VNIR, SWIR, STITCHED]", e.getMessage());
    }

    @Test
    void unknownCameraKindInACompletedScan_namesWhere() {
        byte[] b = ScanEventCodec.encode(new ScanCompleted("s-9", Map.of(SensorKind.VNIR, 3L), Instant.EPOCH, List.of()));
        int at = replace(b, "VNIR", "XXXX");
        var e = assertThrows(CodecException.class, () -> ScanEventCodec.decode(b, "t/1@2"));
        assertEquals("t/1@2: unknown camera kind 'XXXX' in the line counts of scan s-9 at offset " + at
                + ", expected one of [VNIR, SWIR, STITCHED]", e.getMessage());
    }

    @Test
    void badMonthInAStart_namesWhere() {
        SampleMetadata m = new SampleMetadata("A-1", "Plant-1", YearMonth.of(2025, 1), GrainSizeFraction.values()[0]);
        TrayLayout tray = new TrayLayout("tray-1", 100, 100, List.of(new TraySlot(0, m, new RegionMm(0, 0, 10, 10))));
        Sensor sensor = new Sensor("vnir", SensorKind.VNIR, WavelengthGrid.uniform(400, 1000, 4, 1.1), 16);
        byte[] b = ScanEventCodec.encode(new ScanStarted("s-1", tray,
                List.of(new CameraSetup(sensor, new AcrossTrackGeometry(0, 1, 0))), Instant.EPOCH, Map.of()));
        replace(b, "2025-01", "2025-x1");
        var e = assertThrows(CodecException.class, () -> ScanEventCodec.decode(b, "t/0@5"));
        assertTrue(e.getMessage().startsWith("t/0@5: decoded an invalid record: Text '2025-x1' could not be parsed"),
                e.getMessage());
    }

    /** Overwrites the only occurrence of {@code from} with {@code to} (same length); returns its length prefix's offset. */
    private static int replace(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] t = to.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i + f.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, bytes, i, t.length);
                return i - 4;
            }
        }
        throw new AssertionError(from + " not in the record");
    }

    @Test
    void futureVersion_refused() {
        byte[] b = ScanEventCodec.encode(new ScanCompleted("s", Map.of(), Instant.EPOCH, List.of()));
        b[4] = 9;
        var e = assertThrows(CodecException.class, () -> ScanEventCodec.decode(b, "here"));
        assertEquals("here: unsupported format version 9, this build reads 1", e.getMessage());
    }
}
