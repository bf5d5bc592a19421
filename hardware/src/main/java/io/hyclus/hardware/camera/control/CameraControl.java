package io.hyclus.hardware.camera.control;

import io.hyclus.hardware.camera.CameraSettings;

/**
 * Control of one line-scan camera: exposure, line rate, binning, region of interest, shutter and acquisition.
 * Setters take effect on the camera before they return. Out-of-range values are refused with
 * {@link IllegalArgumentException} before anything is sent; the camera's own refusals, lost or garbled replies
 * and a lost line are {@link io.hyclus.hardware.DeviceException}s.
 */
public interface CameraControl extends AutoCloseable {
    CameraIdentity identity();

    /** The camera's current control state, read from the camera. */
    CameraSettings settings();

    /** Exposure per line, 1-100000 µs, at most one frame period. */
    void setIntegrationMicros(int micros);

    /** Line rate, 1-1000 Hz with at most three decimals; the period must hold the integration time. */
    void setFrameRateHz(double hz);

    /** Adjacent bands summed: 1, 2 or 4; not while acquiring. */
    void setSpectralBinning(int factor);

    /** Adjacent pixels summed: 1, 2 or 4; the ROI width must stay a multiple; not while acquiring. */
    void setSpatialBinning(int factor);

    /** Pixels read out, in unbinned sensor pixels; must lie on the sensor; not while acquiring. */
    void setRegionOfInterest(int firstPixel, int pixels);

    /** Closed for dark references. */
    void setShutterOpen(boolean open);

    void startAcquisition();

    void stopAcquisition();

    /** Sensor temperature, °C. */
    double temperatureCelsius();

    /**
     * Brings the camera to {@code target} in an order the camera accepts (stops acquisition first when binning or
     * ROI change) and returns the settings read back.
     */
    CameraSettings apply(CameraSettings target);

    @Override
    void close();
}
