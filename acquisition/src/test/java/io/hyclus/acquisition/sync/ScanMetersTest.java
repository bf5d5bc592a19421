package io.hyclus.acquisition.sync;

import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.simulator.camera.InProcessCameraControl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScanMetersTest {
    private static RawFrame frame(long seq) {
        return RawFrame.wrapping("vnir", SensorKind.VNIR, seq, Instant.EPOCH, 0, 1, 2, new short[2]);
    }

    @Test
    void countsLateLinesDroppedFramesAndTheCalibrationsAge() {
        SimpleMeterRegistry r = new SimpleMeterRegistry();
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T02:00:00Z"));
        ScanMeters m = new ScanMeters(r, now::get);
        InProcessCameraControl control = new InProcessCameraControl(new CameraIdentity(SensorKind.VNIR, "TEST", "T1",
                "1.0.0", 1, 2), InstantSource.fixed(Instant.EPOCH), 1);
        RigCamera cam = new RigCamera(control, e -> frame(0), new Sensor("vnir", SensorKind.VNIR,
                WavelengthGrid.uniform(400, 1000, 2, 1), 1), new AcrossTrackGeometry(0, 1, 0),
                new CameraSettings(1000, 10, 1, 1, 0, 1, true, true));

        m.references(cam, List.of(frame(0)), List.of(frame(1)));
        for (long seq : new long[] {5, 6, 9, 10, 11}) { // frames 7 and 8 dropped
            m.frame(cam, seq, frame(seq));
        }
        m.temperature(cam, 24.5);
        m.lineDone(0, 3, false);
        m.lineDone(1, 3, true);
        now.set(now.get().plusSeconds(90));

        assertEquals(2.0, r.get("hyclus.acquisition.frames.dropped").tag("camera", "vnir").counter().count());
        assertEquals(1.0, r.get("hyclus.acquisition.lines.late").counter().count());
        assertEquals(24.5, r.get("hyclus.acquisition.camera.temperature").tag("camera", "vnir").gauge().value());
        assertEquals(90.0, r.get("hyclus.acquisition.calibration.age").tag("camera", "vnir").gauge().value());

        m.references(cam, List.of(frame(20)), List.of(frame(21))); // the next scan: new references, new sequence
        m.frame(cam, 0, frame(30));
        assertEquals(0.0, r.get("hyclus.acquisition.calibration.age").tag("camera", "vnir").gauge().value());
        assertEquals(2.0, r.get("hyclus.acquisition.frames.dropped").tag("camera", "vnir").counter().count());
    }
}
