package io.hyclus.simulator.camera;

/**
 * The ground truth of one simulated frame, per output pixel (after ROI and binning).
 *
 * @param cameraId       the camera's id
 * @param sequence       the frame's sequence number, as in its {@code RawFrame}
 * @param encoderMicrons the encoder position that triggered it
 * @param truth          what each pixel saw
 * @param saturated      whether some band of the pixel reached full scale
 */
public record LineTruth(String cameraId, long sequence, long encoderMicrons, PixelTruth[] truth, boolean[] saturated) {
    public LineTruth {
        if (truth.length != saturated.length) {
            throw new IllegalArgumentException("truth of " + truth.length + " pixels, saturation of " + saturated.length);
        }
    }

    public int pixels() {
        return truth.length;
    }
}
