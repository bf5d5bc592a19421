package io.hyclus.acquisition.publish;

import io.hyclus.core.codec.CompactReflectance;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineEncodingTest {
    private static final Scanline LINE = new Scanline("scan-e", SensorKind.SWIR, 3, 4, Instant.EPOCH, 3, 4,
            new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.45f, 0.4f, 0.35f, 0.01f, 0.02f, 0.03f, 0.04f});

    @Test
    void compactLinesDecodeWithinHalfAStep_float32LinesExactly_otherEventsAlike() {
        byte[] compact = LineEncoding.COMPACT.serializer().serialize("t", LINE);
        byte[] plain = LineEncoding.FLOAT32.serializer().serialize("t", LINE);
        assertEquals(8, compact[5], "type tag of a compact line");
        assertEquals(2, plain[5], "type tag of a float32 line");
        assertEquals(LINE, ScanEventCodec.decode(plain, "t"));
        float[] back = ((Scanline) ScanEventCodec.decode(compact, "t")).reflectance();
        for (int i = 0; i < back.length; i++) {
            assertEquals(LINE.reflectance()[i], back[i], CompactReflectance.STEP / 2, "value " + i);
        }
        ScanEvent done = new ScanCompleted("scan-e", Map.of(SensorKind.SWIR, 4L), Instant.EPOCH, List.of());
        assertArrayEquals(LineEncoding.FLOAT32.serializer().serialize("t", done),
                LineEncoding.COMPACT.serializer().serialize("t", done));
        assertTrue(LineEncoding.COMPACT.serializer().serialize("t", null) == null);
    }

    @Test
    void fromProvenance_recordedValue_absentMeansFloat32_otherRefusedNamingKey() {
        assertEquals(LineEncoding.COMPACT, LineEncoding.fromProvenance(Map.of("scan.line_encoding", "compact")));
        assertEquals(LineEncoding.FLOAT32, LineEncoding.fromProvenance(Map.of("scan.line_encoding", "float32")));
        assertEquals(LineEncoding.FLOAT32, LineEncoding.fromProvenance(Map.of("software.version", "x")),
                "scans recorded before the key existed were float32");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineEncoding.fromProvenance(Map.of("scan.line_encoding", "zstd")));
        assertEquals("the scan's scan.line_encoding is 'zstd', expected compact or float32", e.getMessage());
        for (LineEncoding l : LineEncoding.values()) {
            assertEquals(l, LineEncoding.fromProvenance(Map.of(LineEncoding.PROVENANCE.name(), l.provenanceValue())));
        }
    }

    @Test
    void publishSettings_defaultCompactOnAtMostTwoThreads_threadsBelowOneRefused() {
        PublishSettings d = PublishSettings.defaults();
        assertEquals(LineEncoding.COMPACT, d.lineEncoding());
        assertEquals(Math.min(2, Runtime.getRuntime().availableProcessors()), d.encoderThreads());
        assertEquals(new PublishSettings(LineEncoding.FLOAT32, 3), d.withLineEncoding(LineEncoding.FLOAT32)
                .withEncoderThreads(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PublishSettings(LineEncoding.COMPACT, 0));
        assertEquals("encoder threads must be at least 1: 0", e.getMessage());
    }
}
