package io.hyclus.app.rig;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.simulator.camera.CameraModel;

/**
 * The simulated rig: both cameras' sensor sizes, their common line rate and exposure, and the seed of every
 * simulator on it. The same settings build the in-process rig and the serial one.
 *
 * @param vnirPixels     VNIR spatial pixels (1024 on the reference camera)
 * @param vnirBands      VNIR bands (224)
 * @param swirPixels     SWIR spatial pixels (384)
 * @param swirBands      SWIR bands (288)
 * @param frameRateHz    common line rate of both cameras
 * @param integrationMicros exposure per line
 * @param seed           seeds every simulator
 */
public record RigSettings(int vnirPixels, int vnirBands, int swirPixels, int swirBands, double frameRateHz,
                          int integrationMicros, long seed) {
    /** The reference cameras' sizes. */
    public static final int REFERENCE_VNIR_PIXELS = 1024;
    public static final int REFERENCE_VNIR_BANDS = 224;
    public static final int REFERENCE_SWIR_PIXELS = 384;
    public static final int REFERENCE_SWIR_BANDS = 288;
    /** The exposure at which the simulated cameras' white signal is specified, µs. */
    public static final int REFERENCE_INTEGRATION_MICROS = 10_000;
    /** Share of the line period the exposure may take, leaving the rest for read-out. */
    public static final double MAX_EXPOSURE_SHARE = 0.8;

    public RigSettings {
        Checks.positive("VNIR pixels", vnirPixels);
        Checks.positive("VNIR bands", vnirBands);
        Checks.positive("SWIR pixels", swirPixels);
        Checks.positive("SWIR bands", swirBands);
        Checks.positive("frame rate (Hz)", frameRateHz);
        Checks.positive("integration (us)", integrationMicros);
    }

    /** The reference cameras at 50 Hz with 10 ms exposure. */
    public static RigSettings reference(long seed) {
        return atFrameRate(REFERENCE_VNIR_PIXELS, REFERENCE_VNIR_BANDS, REFERENCE_SWIR_PIXELS, REFERENCE_SWIR_BANDS, 50,
                seed);
    }

    /**
     * Cameras at {@code frameRateHz} exposing {@link #MAX_EXPOSURE_SHARE} of the line period, at most the reference
     * {@value #REFERENCE_INTEGRATION_MICROS} µs.
     */
    public static RigSettings atFrameRate(int vnirPixels, int vnirBands, int swirPixels, int swirBands,
                                          double frameRateHz, long seed) {
        Checks.positive("frame rate (Hz)", frameRateHz);
        int integration = (int) Math.min(REFERENCE_INTEGRATION_MICROS, Math.floor(MAX_EXPOSURE_SHARE * 1e6 / frameRateHz));
        return new RigSettings(vnirPixels, vnirBands, swirPixels, swirBands, frameRateHz, integration, seed);
    }

    public CameraModel vnirModel() {
        return CameraModel.vnir(vnirPixels, vnirBands);
    }

    public CameraModel swirModel() {
        return CameraModel.swir(swirPixels, swirBands);
    }

    /** The control state a scan brings a camera to: this rate and exposure, full sensor, no binning. */
    public CameraSettings cameraSettings(CameraModel model) {
        return new CameraSettings(integrationMicros, frameRateHz, 1, 1, 0, model.sensor().pixels(), true, false);
    }

    /** What a simulated camera says it is: model {@code HC-VNIR-SIM} or {@code HC-SWIR-SIM}, serial {@code SIM<seed>}. */
    public CameraIdentity identity(CameraModel model) {
        SensorKind kind = model.sensor().kind();
        return new CameraIdentity(kind, "HC-" + kind.name() + "-SIM", "SIM" + seed, "1.0.0", model.sensor().pixels(),
                model.sensor().bands());
    }

    /** Seed of a camera's control simulator (its temperature noise). */
    public long controlSeed(SensorKind kind) {
        return seed + kind.ordinal();
    }

    /** Seed of a camera's frame generator (its fixed pattern, defects and noise). */
    public long frameSeed(SensorKind kind) {
        return seed * 31 + kind.ordinal();
    }
}
