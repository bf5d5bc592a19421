package io.hyclus.core.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One camera frame of a scan as the camera gave it, kept so the scan can be recalibrated and replayed: the raw counts
 * (unsigned 16-bit, 12 bits used by HyClus's cameras), stored pixel by pixel (index {@code pixel * bands + band}).
 *
 * <p>The counts array is owned by the record once built through {@link #wrapping}: callers hand it over and must not
 * touch it again; {@link #countAt(int)} reads without copying, {@link #counts()} copies.
 *
 * @param scanId         the scan it belongs to (the record key on {@code hyclus.raw-frames})
 * @param cameraId       which camera (its configured id)
 * @param kind           VNIR or SWIR
 * @param role           dark or white reference, or a scanline
 * @param index          for {@link RawFrameRole#LINE} the scan's line index; for references the frame's index among
 *                       that camera's dark (or white) frames of the scan, 0-based
 * @param sequence       the camera's frame counter
 * @param time           exposure time stamp
 * @param encoderMicrons belt encoder position that triggered the frame, micrometres
 */
public record ScanRawFrame(String scanId, String cameraId, SensorKind kind, RawFrameRole role, long index,
                           long sequence, Instant time, long encoderMicrons, int pixels, int bands, short[] counts) {
    public ScanRawFrame {
        Checks.identifier("scan id", scanId);
        Checks.identifier("camera id", cameraId);
        Checks.notNull("camera kind", kind);
        Checks.notNull("frame role", role);
        Checks.nonNegative("frame index", index);
        Checks.nonNegative("frame sequence", sequence);
        Checks.notNull("frame time", time);
        Checks.positive("pixels", pixels);
        Checks.positive("bands", bands);
        Checks.notNull("counts", counts);
        if ((long) pixels * bands != counts.length) {
            throw new IllegalArgumentException("raw frame " + role + " " + index + " of camera " + cameraId + " in scan "
                    + scanId + " has " + counts.length + " counts, expected " + pixels + " x " + bands);
        }
    }

    /** A record that takes ownership of {@code counts} (no copy). */
    public static ScanRawFrame wrapping(String scanId, String cameraId, SensorKind kind, RawFrameRole role, long index,
                                        long sequence, Instant time, long encoderMicrons, int pixels, int bands,
                                        short[] counts) {
        return new ScanRawFrame(scanId, cameraId, kind, role, index, sequence, time, encoderMicrons, pixels, bands,
                counts);
    }

    /** A copy of the counts. */
    @Override
    public short[] counts() {
        return counts.clone();
    }

    /** The count at flat index {@code pixel * bands + band}, 0-65535. */
    public int countAt(int i) {
        return counts[i] & 0xFFFF;
    }

    /** Names the frame in messages: {@code scan S camera C LINE 12 (frame #345)}. */
    public String describe() {
        return "scan " + scanId + " camera " + cameraId + " " + role + " " + index + " (frame #" + sequence + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanRawFrame f && index == f.index && sequence == f.sequence
                && encoderMicrons == f.encoderMicrons && pixels == f.pixels && bands == f.bands
                && scanId.equals(f.scanId) && cameraId.equals(f.cameraId) && kind == f.kind && role == f.role
                && time.equals(f.time) && Arrays.equals(counts, f.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scanId, cameraId, role, index, sequence) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ScanRawFrame[" + describe() + ", " + kind + ", " + time + ", encoder " + encoderMicrons + " um, "
                + pixels + " x " + bands + "]";
    }
}
