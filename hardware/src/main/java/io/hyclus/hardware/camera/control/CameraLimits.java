package io.hyclus.hardware.camera.control;

import java.util.Optional;

/**
 * The ranges of the camera command set, checked by the driver before sending and by the camera on receipt.
 * Each check returns the problem, naming the bad value, or empty when the value is fine.
 */
public final class CameraLimits {
    public static final int MIN_INTEGRATION_MICROS = 1;
    public static final int MAX_INTEGRATION_MICROS = 100_000;
    public static final double MIN_FRAME_RATE_HZ = 1;
    public static final double MAX_FRAME_RATE_HZ = 1000;

    private CameraLimits() {
    }

    public static Optional<String> integrationMicros(int micros) {
        return micros >= MIN_INTEGRATION_MICROS && micros <= MAX_INTEGRATION_MICROS ? Optional.empty()
                : Optional.of("integration time " + micros + " us outside " + MIN_INTEGRATION_MICROS + "-"
                        + MAX_INTEGRATION_MICROS + " us");
    }

    /** Also requires at most three decimals, the protocol's resolution. */
    public static Optional<String> frameRateHz(double hz) {
        if (!(hz >= MIN_FRAME_RATE_HZ && hz <= MAX_FRAME_RATE_HZ)) {
            return Optional.of("frame rate " + hz + " Hz outside 1-1000 Hz");
        }
        return Math.abs(hz * 1000 - Math.rint(hz * 1000)) < 1e-6 ? Optional.empty()
                : Optional.of("frame rate " + hz + " Hz has more than 3 decimals");
    }

    public static Optional<String> binning(String axis, int factor) {
        return factor == 1 || factor == 2 || factor == 4 ? Optional.empty()
                : Optional.of(axis + " binning " + factor + " is not 1, 2 or 4");
    }

    /** The ROI in unbinned sensor pixels must lie on the sensor. */
    public static Optional<String> regionOfInterest(int firstPixel, int pixels, int sensorPixels) {
        if (firstPixel < 0 || pixels < 1 || (long) firstPixel + pixels > sensorPixels) {
            return Optional.of("ROI " + firstPixel + "+" + pixels + " does not fit the sensor's " + sensorPixels
                    + " pixels");
        }
        return Optional.empty();
    }

    /** Integration must fit in one frame period. */
    public static Optional<String> fitsFrame(int integrationMicros, double frameRateHz) {
        double periodMicros = 1e6 / frameRateHz;
        return integrationMicros <= periodMicros ? Optional.empty()
                : Optional.of("integration " + integrationMicros + " us exceeds the frame period "
                        + Math.round(periodMicros) + " us at " + frameRateHz + " Hz");
    }

    /** The ROI width must be a multiple of the spatial binning. */
    public static Optional<String> roiMatchesBinning(int pixels, int spatialBinning) {
        return pixels % spatialBinning == 0 ? Optional.empty()
                : Optional.of("ROI width " + pixels + " is not a multiple of the spatial binning " + spatialBinning);
    }
}
