package io.hyclus.acquisition.sync;

/**
 * What auto-exposure chose for one camera.
 *
 * @param cameraId           the camera
 * @param integrationMicros  the integration time set
 * @param peakDn             the white reference's peak at that time, DN (mean of the frames, highest responsive element)
 * @param peakFraction       {@code peakDn} as a fraction of full scale
 * @param saturatedElements  responsive elements at full scale in the last white measurement
 * @param iterations         measurements taken
 * @param limitedByFramePeriod true when the target was not reached because the integration hit the frame period
 */
public record ExposureChoice(String cameraId, int integrationMicros, double peakDn, double peakFraction,
                             int saturatedElements, int iterations, boolean limitedByFramePeriod) {
    /** One line for the console and the scan's provenance. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s: %d us, white peak %.0f DN (%.1f %% of full scale)%s after %d "
                        + "measurements", cameraId, integrationMicros, peakDn, 100 * peakFraction,
                limitedByFramePeriod ? ", below target: integration limited by the frame period" : "", iterations);
    }
}
