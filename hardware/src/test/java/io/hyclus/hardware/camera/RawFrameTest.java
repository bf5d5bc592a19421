package io.hyclus.hardware.camera;

import io.hyclus.core.codec.RawFrameCodec;
import io.hyclus.core.scan.RawFrameRole;
import io.hyclus.core.scan.ScanRawFrame;
import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A frame as a scan's raw frame: its fields and counts, encoded as a copy of the counts would be. */
class RawFrameTest {

    @Test
    void inScan_carriesTheFrameAndTheScansFields_andEncodesAsACopyWould() {
        short[] counts = new short[3 * 4];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (short) (i * 341);
        }
        RawFrame frame = RawFrame.wrapping("vnir-1", SensorKind.VNIR, 77, Instant.parse("2026-11-26T16:40:00Z"), 12_345,
                3, 4, counts.clone());

        ScanRawFrame f = frame.inScan("scan-9", RawFrameRole.LINE, 5);

        assertEquals(List.of("scan-9", "vnir-1", SensorKind.VNIR, RawFrameRole.LINE, 5L, 77L,
                        Instant.parse("2026-11-26T16:40:00Z"), 12_345L, 3, 4),
                List.of(f.scanId(), f.cameraId(), f.kind(), f.role(), f.index(), f.sequence(), f.time(),
                        f.encoderMicrons(), f.pixels(), f.bands()));
        assertArrayEquals(counts, f.counts());
        ScanRawFrame copied = ScanRawFrame.wrapping("scan-9", "vnir-1", SensorKind.VNIR, RawFrameRole.LINE, 5, 77,
                Instant.parse("2026-11-26T16:40:00Z"), 12_345, 3, 4, frame.counts());
        assertArrayEquals(RawFrameCodec.encode(copied), RawFrameCodec.encode(f));
        assertArrayEquals(counts, frame.counts(), "the frame keeps its counts");
    }
}
