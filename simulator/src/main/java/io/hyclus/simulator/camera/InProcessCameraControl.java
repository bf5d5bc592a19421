package io.hyclus.simulator.camera;

import io.hyclus.core.Checks;
import io.hyclus.hardware.CommandRejectedException;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.control.CameraControl;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.hardware.camera.control.CameraLimits;
import io.hyclus.simulator.protocol.SensorTemperature;

import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A simulated camera's control in the same process, without a serial line: the {@link CameraSettings} a
 * {@link SimulatedLineScanCamera} reads through its settings supplier ({@code control::settings}), the identity it
 * was built with, and the sensor temperature model the serial simulator answers {@code TEMP?} with. Values are
 * range-checked as the serial camera checks them ({@link CameraLimits}); binning and ROI do not change while
 * acquiring. Thread-safe.
 */
public final class InProcessCameraControl implements CameraControl {
    private final CameraIdentity identity;
    private final SensorTemperature temperature;
    private CameraSettings state;

    /** @param seed seeds the temperature read noise */
    public InProcessCameraControl(CameraIdentity identity, InstantSource clock, long seed) {
        this.identity = Checks.notNull("camera identity", identity);
        this.temperature = new SensorTemperature(identity.kind(), clock, seed);
        this.state = CameraSettings.defaults(identity.sensorPixels());
    }

    @Override
    public CameraIdentity identity() {
        return identity;
    }

    @Override
    public synchronized CameraSettings settings() {
        return state;
    }

    @Override
    public void setIntegrationMicros(int micros) {
        refuseIf("INT", CameraLimits.integrationMicros(micros));
        update(s -> {
            refuseIf("INT", CameraLimits.fitsFrame(micros, s.frameRateHz()));
            return s.withIntegrationMicros(micros);
        });
    }

    @Override
    public void setFrameRateHz(double hz) {
        refuseIf("FPS", CameraLimits.frameRateHz(hz));
        update(s -> {
            refuseIf("FPS", CameraLimits.fitsFrame(s.integrationMicros(), hz));
            return s.withFrameRateHz(hz);
        });
    }

    @Override
    public void setSpectralBinning(int factor) {
        refuseIf("BINS", CameraLimits.binning("spectral", factor));
        update(s -> idle(s, "BINS").withSpectralBinning(factor));
    }

    @Override
    public void setSpatialBinning(int factor) {
        refuseIf("BINX", CameraLimits.binning("spatial", factor));
        update(s -> {
            refuseIf("BINX", CameraLimits.roiMatchesBinning(s.roiPixels(), factor));
            return idle(s, "BINX").withSpatialBinning(factor);
        });
    }

    @Override
    public void setRegionOfInterest(int firstPixel, int pixels) {
        refuseIf("ROI", CameraLimits.regionOfInterest(firstPixel, pixels, identity.sensorPixels()));
        update(s -> {
            refuseIf("ROI", CameraLimits.roiMatchesBinning(pixels, s.spatialBinning()));
            return idle(s, "ROI").withRegionOfInterest(firstPixel, pixels);
        });
    }

    @Override
    public void setShutterOpen(boolean open) {
        update(s -> s.withShutterOpen(open));
    }

    @Override
    public void startAcquisition() {
        update(s -> s.withAcquiring(true));
    }

    @Override
    public void stopAcquisition() {
        update(s -> s.withAcquiring(false));
    }

    @Override
    public double temperatureCelsius() {
        return temperature.readCelsius();
    }

    /** Checks every value as the setters do, then takes the whole state at once (nothing to order in-process). */
    @Override
    public synchronized CameraSettings apply(CameraSettings target) {
        Checks.notNull("target camera settings", target);
        refuseIf("INT", CameraLimits.integrationMicros(target.integrationMicros()));
        refuseIf("FPS", CameraLimits.frameRateHz(target.frameRateHz()));
        refuseIf("ROI", CameraLimits.regionOfInterest(target.roiFirstPixel(), target.roiPixels(), identity.sensorPixels()));
        set(target);
        return state;
    }

    /** Nothing to release. */
    @Override
    public void close() {
    }

    private synchronized void update(UnaryOperator<CameraSettings> change) {
        set(change.apply(state));
    }

    private void set(CameraSettings next) {
        if (next.acquiring() != state.acquiring()) {
            temperature.acquiring(next.acquiring());
        }
        state = next;
    }

    private CameraSettings idle(CameraSettings s, String mnemonic) {
        if (s.acquiring()) {
            throw new CommandRejectedException(name(), mnemonic, "BUSY", mnemonic
                    + " cannot change while acquiring; stop acquisition first");
        }
        return s;
    }

    private void refuseIf(String mnemonic, Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new IllegalArgumentException(name() + ": refused " + mnemonic + ": " + p);
        });
    }

    private String name() {
        return identity.kind().name().toLowerCase(Locale.ROOT) + "-" + identity.serialNumber() + " (in-process)";
    }
}
