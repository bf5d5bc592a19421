package io.hyclus.hardware.camera.control;

import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.CommandRejectedException;
import io.hyclus.hardware.ProtocolException;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.serial.JSerialCommLink;
import io.hyclus.simulator.fault.FaultInjection;
import io.hyclus.simulator.fault.FaultPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The camera driver against the simulated camera over a real pty pair. */
@Timeout(10)
class SerialCameraControlIT {

    @Test
    void vnir_identifiesItself_andStartsWithFullSensorDefaults() {
        try (CameraRig rig = CameraRig.vnir(FaultPlan.none()); SerialCameraControl cam = rig.driver(SensorKind.VNIR)) {
            assertEquals(CameraIdentity.vnir("V0042"), cam.identity());
            assertEquals(1024, cam.identity().sensorPixels());
            assertEquals(224, cam.identity().sensorBands());
            assertEquals(new CameraSettings(10_000, 50.0, 1, 1, 0, 1024, true, false), cam.settings());
        }
    }

    @Test
    void setters_changeTheCameraState_andReadBack() {
        try (CameraRig rig = CameraRig.vnir(FaultPlan.none()); SerialCameraControl cam = rig.driver(SensorKind.VNIR)) {
            cam.setIntegrationMicros(5_000);
            cam.setFrameRateHz(100.5);
            cam.setSpectralBinning(2);
            cam.setRegionOfInterest(128, 512);
            cam.setSpatialBinning(4);
            cam.setShutterOpen(false);
            cam.startAcquisition();
            CameraSettings expected = new CameraSettings(5_000, 100.5, 2, 4, 128, 512, false, true);
            assertEquals(expected, rig.camera.settings());
            assertEquals(expected, cam.settings());
            cam.stopAcquisition();
            assertEquals(expected.withAcquiring(false), rig.camera.settings());
        }
    }

    @Test
    void apply_reachesTargetFromDefaults_inAnOrderTheCameraAccepts() {
        try (CameraRig rig = CameraRig.vnir(FaultPlan.none()); SerialCameraControl cam = rig.driver(SensorKind.VNIR)) {
            cam.setSpatialBinning(2);
            cam.startAcquisition();
            CameraSettings target = new CameraSettings(40_000, 20.0, 4, 4, 64, 256, false, true);
            assertEquals(target, cam.apply(target));
            assertEquals(target, rig.camera.settings());
        }
    }

    @Test
    void swir_identity_andCooledTemperatureFollowsTheModelClock() {
        try (CameraRig rig = CameraRig.swir(FaultPlan.none()); SerialCameraControl cam = rig.driver(SensorKind.SWIR)) {
            assertEquals(384, cam.identity().sensorPixels());
            assertEquals(288, cam.identity().sensorBands());
            assertEquals(22.0, cam.temperatureCelsius(), 0.1);
            rig.clock.advance(Duration.ofSeconds(60));
            double expected = -40 + 62 * Math.exp(-3);
            assertEquals(-36.913, expected, 1e-3);
            assertEquals(expected, cam.temperatureCelsius(), 0.1);
        }
    }

    @Test
    void vnirWarmsWhileAcquiring() {
        try (CameraRig rig = CameraRig.vnir(FaultPlan.none()); SerialCameraControl cam = rig.driver(SensorKind.VNIR)) {
            cam.startAcquisition();
            rig.clock.advance(Duration.ofSeconds(60));
            assertEquals(30 - 8 * Math.exp(-1), cam.temperatureCelsius(), 0.1);
        }
    }

    @Test
    void wrongKindOnThePort_failsAtOpen() {
        try (CameraRig rig = CameraRig.vnir(FaultPlan.none())) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> rig.driver(SensorKind.SWIR));
            assertTrue(e.getMessage().contains("is a VNIR camera (HC-VNIR-1024 V0042), expected SWIR"), e.getMessage());
            assertTrue(e.getMessage().contains(rig.pty.hostPath()), e.getMessage());
        }
    }

    @Test
    void outOfRangeValues_areRefusedByTheDriver_beforeSending() {
        FaultPlan rejectAnythingSent = FaultPlan.of(1, FaultInjection.reject("", "HARDWARE").afterSkipping(1)
                .persistent());
        try (CameraRig rig = CameraRig.vnir(rejectAnythingSent); SerialCameraControl cam = rig.driver(SensorKind.VNIR)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> cam.setIntegrationMicros(0));
            assertTrue(e.getMessage().contains("integration time 0 us outside 1-100000 us"), e.getMessage());
            assertTrue(e.getMessage().contains("VNIR camera cam-1 (V0042) on " + rig.pty.hostPath()), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> cam.setFrameRateHz(1000.5));
            assertThrows(IllegalArgumentException.class, () -> cam.setFrameRateHz(10.0001));
            assertThrows(IllegalArgumentException.class, () -> cam.setSpectralBinning(3));
            assertThrows(IllegalArgumentException.class, () -> cam.setSpatialBinning(8));
            assertThrows(IllegalArgumentException.class, () -> cam.setRegionOfInterest(1000, 100));
            // the first command that does get sent meets the injected refusal: nothing else reached the camera
            CommandRejectedException sent = assertThrows(CommandRejectedException.class, () -> cam.setShutterOpen(false));
            assertEquals("HARDWARE", sent.reason());
        }
    }

    @Test
    void inconsistentValues_areRefusedByTheCamera_withCodes() {
        try (CameraRig rig = CameraRig.vnir(FaultPlan.none()); SerialCameraControl cam = rig.driver(SensorKind.VNIR)) {
            CommandRejectedException conflict = assertThrows(CommandRejectedException.class,
                    () -> cam.setFrameRateHz(1000));
            assertEquals("CONFLICT", conflict.reason());
            assertTrue(conflict.getMessage().contains("'FPS 1000.000'"), conflict.getMessage());
            assertTrue(conflict.getMessage().contains("ER 04 CONFLICT integration 10000 us exceeds the frame period"
                    + " 1000 us"), conflict.getMessage());
            cam.startAcquisition();
            CommandRejectedException busy = assertThrows(CommandRejectedException.class,
                    () -> cam.setSpectralBinning(2));
            assertEquals("BUSY", busy.reason());
            assertEquals(50.0, rig.camera.settings().frameRateHz());
            assertEquals(1, rig.camera.settings().spectralBinning());
        }
    }

    @Test
    void cameraChecksRangesItself_onRawCommands() {
        try (CameraRig rig = CameraRig.vnir(FaultPlan.none()); JSerialCommLink raw = JSerialCommLink.open(rig.serial)) {
            assertEquals("ER 03 OUT_OF_RANGE integration time 0 us outside 1-100000 us", ask(raw, "INT 0"));
            assertEquals("ER 03 OUT_OF_RANGE integration time 200000 us outside 1-100000 us", ask(raw, "INT 200000"));
            assertEquals("ER 03 OUT_OF_RANGE frame rate 5000.0 Hz outside 1-1000 Hz", ask(raw, "FPS 5000"));
            assertEquals("ER 03 OUT_OF_RANGE spectral binning 3 is not 1, 2 or 4", ask(raw, "BINS 3"));
            assertEquals("ER 03 OUT_OF_RANGE ROI 1000+100 does not fit the sensor's 1024 pixels", ask(raw, "ROI 1000 100"));
            assertEquals("ER 01 UNKNOWN_COMMAND no command GAIN", ask(raw, "GAIN?"));
            assertTrue(ask(raw, "INT fast").startsWith("ER 02 BAD_ARGUMENT"));
            assertTrue(ask(raw, "FPS 10.0001").startsWith("ER 02 BAD_ARGUMENT"));
            assertEquals("OK ROI 0 3", ask(raw, "ROI 0 3"));
            assertEquals("ER 04 CONFLICT ROI width 3 is not a multiple of the spatial binning 2", ask(raw, "BINX 2"));
            assertEquals("OK STAT INT=10000 FPS=50.000 BINS=1 BINX=1 ROI=0,3 SHUT=OPEN ACQ=STOPPED", ask(raw, "STAT?"));
        }
    }

    private static String ask(JSerialCommLink link, String line) {
        link.discardInput();
        link.writeLine(line);
        return link.readLine(Duration.ofSeconds(1)).orElse("<no reply>");
    }
}
