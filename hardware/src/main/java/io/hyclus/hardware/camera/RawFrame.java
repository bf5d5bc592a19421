package io.hyclus.hardware.camera;

import io.hyclus.core.Checks;
import io.hyclus.core.scan.RawFrameRole;
import io.hyclus.core.scan.ScanRawFrame;
import io.hyclus.core.spectral.SensorKind;

import java.time.Instant;

/**
 * One raw line from a line-scan camera: digital numbers (12-bit, 0-4095) for {@code pixels} x
 * {@code bands}, stored pixel by pixel (index {@code pixel * bands + band}).
 *
 * <p>The counts array is owned by the frame once constructed through {@link #wrapping}: producers hand
 * it over and must not touch it again; {@link #count(int, int)} reads without copying.
 *
 * @param cameraId        which camera (its configured id)
 * @param kind            VNIR or SWIR
 * @param sequence        the camera's frame counter, 0-based, +1 per frame
 * @param time            exposure time stamp
 * @param encoderMicrons  belt encoder position that triggered the frame, micrometres
 */
public record RawFrame(String cameraId, SensorKind kind, long sequence, Instant time, long encoderMicrons,
                       int pixels, int bands, short[] counts) {
    /** Largest digital number of a 12-bit sensor. */
    public static final int MAX_COUNT = 4095;

    public RawFrame {
        Checks.identifier("camera id", cameraId);
        Checks.notNull("camera kind", kind);
        Checks.nonNegative("frame sequence", sequence);
        Checks.notNull("frame time", time);
        Checks.positive("pixels", pixels);
        Checks.positive("bands", bands);
        Checks.notNull("counts", counts);
        if (counts.length != pixels * bands) {
            throw new IllegalArgumentException("frame " + cameraId + "#" + sequence + " has " + counts.length
                    + " counts, expected " + pixels + " x " + bands);
        }
    }

    /** A frame that takes ownership of {@code counts} (no copy). */
    public static RawFrame wrapping(String cameraId, SensorKind kind, long sequence, Instant time, long encoderMicrons,
                                    int pixels, int bands, short[] counts) {
        return new RawFrame(cameraId, kind, sequence, time, encoderMicrons, pixels, bands, counts);
    }

    /**
     * This frame as raw frame {@code index} of scan {@code scanId} in {@code role}, sharing its counts rather than
     * copying them (neither changes them): how a scan publishes its frames at line rate without a copy on the
     * scanning thread.
     */
    public ScanRawFrame inScan(String scanId, RawFrameRole role, long index) {
        return ScanRawFrame.wrapping(scanId, cameraId, kind, role, index, sequence, time, encoderMicrons, pixels, bands,
                counts);
    }

    /** A copy of the counts. */
    @Override
    public short[] counts() {
        return counts.clone();
    }

    /** The digital number at flat index {@code pixel * bands + band}, 0-4095. */
    public int countAt(int index) {
        return counts[index] & 0xFFFF;
    }

    /** The digital number at one pixel and band, 0-4095. */
    public int count(int pixel, int band) {
        return counts[pixel * bands + band] & 0xFFFF;
    }
}
