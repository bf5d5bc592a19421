package io.hyclus.acquisition.sync;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.FrameSource;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.hardware.camera.control.CameraControl;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.hardware.conveyor.Conveyor;
import io.hyclus.hardware.conveyor.WarningFlag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Auto-exposure against a noiseless linear camera: 4 pixels x 3 bands, dark 100 DN, white signal {@code gain x t}
 * per element (the brightest 0.4 DN/µs), clipped at 4095; element 5 is hot (dark 3000 DN).
 */
class AutoExposureTest {
    private static final int HOT = 5;

    /** A camera whose counts are dark + gain(e) x integration, with the shutter open. */
    private static final class LinearCamera implements CameraControl, FrameSource {
        final double peakGainDnPerMicro;
        CameraSettings settings;
        long sequence;

        LinearCamera(double peakGainDnPerMicro, CameraSettings start) {
            this.peakGainDnPerMicro = peakGainDnPerMicro;
            this.settings = start;
        }

        @Override
        public RawFrame trigger(long encoderMicrons) {
            short[] c = new short[12];
            for (int e = 0; e < c.length; e++) {
                double gain = peakGainDnPerMicro * (0.5 + 0.5 * e / (c.length - 1.0));
                double dn = (e == HOT ? 3000 : 100) + (settings.shutterOpen() ? gain * settings.integrationMicros() : 0);
                c[e] = (short) Math.min(RawFrame.MAX_COUNT, Math.round(dn));
            }
            return RawFrame.wrapping("cam", SensorKind.VNIR, sequence++, Instant.EPOCH, encoderMicrons, 4, 3, c);
        }

        @Override
        public CameraIdentity identity() {
            return new CameraIdentity(SensorKind.VNIR, "LIN", "1", "1", 4, 3);
        }

        @Override
        public CameraSettings settings() {
            return settings;
        }

        @Override
        public void setIntegrationMicros(int micros) {
            settings = settings.withIntegrationMicros(micros);
        }

        @Override
        public void setFrameRateHz(double hz) {
            settings = settings.withFrameRateHz(hz);
        }

        @Override
        public void setSpectralBinning(int factor) {
        }

        @Override
        public void setSpatialBinning(int factor) {
        }

        @Override
        public void setRegionOfInterest(int firstPixel, int pixels) {
        }

        @Override
        public void setShutterOpen(boolean open) {
            settings = settings.withShutterOpen(open);
        }

        @Override
        public void startAcquisition() {
            settings = settings.withAcquiring(true);
        }

        @Override
        public void stopAcquisition() {
            settings = settings.withAcquiring(false);
        }

        @Override
        public double temperatureCelsius() {
            return 30;
        }

        @Override
        public CameraSettings apply(CameraSettings target) {
            settings = target;
            return settings;
        }

        @Override
        public void close() {
        }
    }

    /** A belt that is wherever it is told, at once. */
    private static final class StillBelt implements Conveyor {
        long position;

        @Override
        public void home() {
            position = 0;
        }

        @Override
        public void moveAbsoluteMm(double mm) {
            position = Math.round(mm * 1000);
        }

        @Override
        public void moveRelativeMm(double mm) {
            position += Math.round(mm * 1000);
        }

        @Override
        public void moveAtVelocity(double mmPerSecond) {
        }

        @Override
        public void stop() {
        }

        @Override
        public long positionMicrons() {
            return position;
        }

        @Override
        public void setMaxSpeed(double mmPerSecond) {
        }

        @Override
        public void setAcceleration(double mmPerSecondSquared) {
        }

        @Override
        public boolean isBusy() {
            return false;
        }

        @Override
        public void awaitIdle(Duration timeout) {
        }

        @Override
        public Set<WarningFlag> clearWarnings() {
            return Set.of();
        }

        @Override
        public void close() {
        }
    }

    private static AutoExposure.Result adjust(double gain, int startMicros, double frameRateHz) {
        CameraSettings start = new CameraSettings(startMicros, frameRateHz, 1, 1, 0, 4, true, false);
        LinearCamera cam = new LinearCamera(gain, start);
        Sensor sensor = new Sensor("cam", SensorKind.VNIR, WavelengthGrid.uniform(450, 900, 3, 1), 4);
        RigCamera rc = new RigCamera(cam, cam, sensor, new AcrossTrackGeometry(0, 1, 0), start);
        StillBelt belt = new StillBelt();
        AutoExposure.Result r = AutoExposure.adjust(List.of(rc), belt, 90_000, ExposureSettings.defaults(),
                Duration.ofSeconds(1));
        assertEquals(90_000, belt.position, "measured at the white strip");
        assertFalse(cam.settings().acquiring(), "acquisition stopped afterwards");
        assertTrue(cam.settings().shutterOpen(), "shutter left open");
        return r;
    }

    @Test
    void saturatedStart_halvesThenSolves_peakAt85Percent() {
        // 0.4 DN/us: 16 ms gives 6500 DN, saturated; 85 % of 4095 = 3481 DN = 100 + 0.4 t -> t = 8452 us
        AutoExposure.Result r = adjust(0.4, 16_000, 50);
        ExposureChoice c = r.choices().get(0);
        assertEquals(8452, c.integrationMicros(), 1);
        assertEquals(3481, c.peakDn(), 1);
        assertEquals(0, c.saturatedElements());
        assertEquals(3, c.iterations(), "measured at 16000 (saturated), 8000 (peak 3300) and 8452 us");
        assertFalse(c.limitedByFramePeriod());
        assertEquals(c.integrationMicros(), r.cameras().get(0).settings().integrationMicros());
    }

    @Test
    void dimLamp_keepsLongestIntegrationAndSaysSo() {
        // 0.1 DN/us: 80 % of a 10 ms period (8000 us) gives 900 DN, far below target
        ExposureChoice c = adjust(0.1, 1_000, 100).choices().get(0);
        assertEquals(8000, c.integrationMicros());
        assertEquals(900, c.peakDn(), 1);
        assertTrue(c.limitedByFramePeriod());
        assertTrue(c.describe().contains("below target: integration limited by the frame period"), c.describe());
    }

    @Test
    void noWhiteReference_refused() {
        var e = assertThrows(AcquisitionException.class, () -> adjust(0.0001, 1_000, 100));
        assertEquals("auto-exposure of camera cam: the white reference peaks only 1 DN above dark at the longest "
                + "integration, 8000 us (80 % of the line period): no white reference under the line at 90000 um, or "
                + "the lamp is off", e.getMessage());
    }
}
