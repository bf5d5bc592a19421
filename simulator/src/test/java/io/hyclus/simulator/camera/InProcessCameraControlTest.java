package io.hyclus.simulator.camera;

import io.hyclus.hardware.CommandRejectedException;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InProcessCameraControlTest {
    private final ManualClock clock = ManualClock.atEpoch();
    private final InProcessCameraControl vnir = new InProcessCameraControl(CameraIdentity.vnir("SN1"), clock, 1);

    @Test
    void apply_takesTheTarget_andTheFrameGeneratorSeesIt() {
        CameraSettings target = new CameraSettings(5_000, 100, 2, 2, 64, 512, false, true);
        assertEquals(target, vnir.apply(target));
        assertEquals(target, vnir.settings());
        vnir.setShutterOpen(true);
        assertEquals(target.withShutterOpen(true), vnir.settings());
    }

    @Test
    void binningWhileAcquiring_isRefusedBusy_stateKept() {
        vnir.startAcquisition();
        var e = assertThrows(CommandRejectedException.class, () -> vnir.setSpatialBinning(2));
        assertEquals("vnir-SN1 (in-process) rejected 'BINX': BUSY (reply 'BINX cannot change while acquiring; stop"
                + " acquisition first')", e.getMessage());
        assertEquals(1, vnir.settings().spatialBinning());
    }

    @Test
    void outOfRange_isRefusedBeforeAnythingChanges() {
        var e = assertThrows(IllegalArgumentException.class, () -> vnir.setFrameRateHz(2000));
        assertEquals("vnir-SN1 (in-process): refused FPS: frame rate 2000.0 Hz outside 1-1000 Hz", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> vnir.setRegionOfInterest(1000, 100));
        assertEquals(CameraSettings.defaults(1024), vnir.settings());
    }

    @Test
    void temperature_followsTheSensorModel_warmingWhileAcquiring() {
        assertEquals(22.0, vnir.temperatureCelsius(), 0.1);
        vnir.startAcquisition();
        clock.advance(Duration.ofSeconds(60));
        // 30 C target, tau 60 s: 22 + 8 (1 - 1/e) after one time constant.
        assertEquals(22 + 8 * (1 - Math.exp(-1)), vnir.temperatureCelsius(), 0.1);
        assertEquals(CameraIdentity.vnir("SN1"), vnir.identity());
    }
}
