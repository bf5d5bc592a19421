package io.hyclus.core.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;

/**
 * One calibrated line from a line-scan camera: {@code pixels} spectra of {@code bands} reflectance
 * values, stored pixel by pixel (band-interleaved-by-pixel, index {@code pixel * bands + band}). Immutable: the
 * constructors copy the arrays in and the accessors copy them out; {@link #owning} takes arrays built for the line
 * without copying them, and {@link #readValues} lends the values to a reader that must leave them as they are.
 *
 * <p>Its parts: {@code scanId} the tray scan this line belongs to; {@code camera} which camera took it;
 * {@code lineIndex} 0-based position of the line within the scan; {@code encoderMicrons} belt encoder position that
 * triggered the line, micrometres; {@code acquiredAt} when the frame was exposed; {@code pixels} spatial pixels across
 * the belt; {@code bands} spectral bands; {@code reflectance} reflectance (unitless, nominally 0-1; noise can take it
 * slightly outside), finite; {@code pixelFlags} {@link PixelFlags} per pixel, an empty array when no pixel is flagged.
 */
public final class Scanline implements ScanEvent {

    private static final byte[] NO_FLAGS = new byte[0];

    private final String scanId;
    private final SensorKind camera;
    private final long lineIndex;
    private final long encoderMicrons;
    private final Instant acquiredAt;
    private final int pixels;
    private final int bands;
    private final float[] reflectance;
    private final byte[] pixelFlags;

    /** A line with no pixel flagged. */
    public Scanline(String scanId, SensorKind camera, long lineIndex, long encoderMicrons, Instant acquiredAt,
                    int pixels, int bands, float[] reflectance) {
        this(scanId, camera, lineIndex, encoderMicrons, acquiredAt, pixels, bands, reflectance, NO_FLAGS);
    }

    /** A line of copies of {@code reflectance} and {@code pixelFlags} (one per pixel, or empty for none flagged). */
    public Scanline(String scanId, SensorKind camera, long lineIndex, long encoderMicrons, Instant acquiredAt,
                    int pixels, int bands, float[] reflectance, byte[] pixelFlags) {
        this(scanId, camera, lineIndex, encoderMicrons, acquiredAt, pixels, bands, reflectance, pixelFlags, true);
    }

    /**
     * A line holding {@code reflectance} and {@code pixelFlags} themselves, not copies: for a stage that built the arrays
     * for this line alone and lets go of them (calibration, stitching, decoding), so a full-rate line is not copied on
     * the scanning thread. Checked as the constructor checks.
     */
    public static Scanline owning(String scanId, SensorKind camera, long lineIndex, long encoderMicrons,
                                  Instant acquiredAt, int pixels, int bands, float[] reflectance, byte[] pixelFlags) {
        return new Scanline(scanId, camera, lineIndex, encoderMicrons, acquiredAt, pixels, bands, reflectance,
                pixelFlags, false);
    }

    private Scanline(String scanId, SensorKind camera, long lineIndex, long encoderMicrons, Instant acquiredAt,
                     int pixels, int bands, float[] reflectance, byte[] pixelFlags, boolean copy) {
        Checks.identifier("scan id", scanId);
        Checks.notNull("camera", camera);
        Checks.nonNegative("line index", lineIndex);
        Checks.notNull("acquisition time", acquiredAt);
        Checks.positive("pixels", pixels);
        Checks.positive("bands", bands);
        Checks.notNull("reflectance", reflectance);
        if (reflectance.length != (long) pixels * bands) {
            throw new IllegalArgumentException("scanline " + scanId + "/" + lineIndex + " has " + reflectance.length
                    + " values, expected pixels x bands = " + pixels + " x " + bands);
        }
        Checks.notNull("pixel flags", pixelFlags);
        if (pixelFlags.length != 0 && pixelFlags.length != pixels) {
            throw new IllegalArgumentException("scanline " + scanId + "/" + lineIndex + " has " + pixelFlags.length
                    + " pixel flags, expected none or one per pixel (" + pixels + ")");
        }
        for (int i = 0; i < reflectance.length; i++) {
            if (!Float.isFinite(reflectance[i])) {
                throw new IllegalArgumentException("scanline " + scanId + "/" + lineIndex + " has a non-finite value "
                        + reflectance[i] + " at pixel " + i / bands + ", band " + i % bands);
            }
        }
        this.scanId = scanId;
        this.camera = camera;
        this.lineIndex = lineIndex;
        this.encoderMicrons = encoderMicrons;
        this.acquiredAt = acquiredAt;
        this.pixels = pixels;
        this.bands = bands;
        this.reflectance = copy ? reflectance.clone() : reflectance;
        this.pixelFlags = allZero(pixelFlags) ? NO_FLAGS : copy ? pixelFlags.clone() : pixelFlags;
    }

    @Override
    public String scanId() {
        return scanId;
    }

    public SensorKind camera() {
        return camera;
    }

    public long lineIndex() {
        return lineIndex;
    }

    public long encoderMicrons() {
        return encoderMicrons;
    }

    public Instant acquiredAt() {
        return acquiredAt;
    }

    public int pixels() {
        return pixels;
    }

    public int bands() {
        return bands;
    }

    /** A copy of the values. */
    public float[] reflectance() {
        return reflectance.clone();
    }

    /** A copy of the flags: one per pixel, or empty when no pixel is flagged. */
    public byte[] pixelFlags() {
        return pixelFlags.length == 0 ? NO_FLAGS : pixelFlags.clone();
    }

    /** True when some pixel of the line carries a flag. */
    public boolean flagged() {
        return pixelFlags.length != 0;
    }

    /** The {@link PixelFlags} of one pixel (0 when none). */
    public byte flags(int pixel) {
        return pixelFlags.length == 0 ? 0 : pixelFlags[pixel];
    }

    /** True when no flag is set (an empty array too). */
    static boolean allZero(byte[] flags) {
        for (byte f : flags) {
            if (f != 0) {
                return false;
            }
        }
        return true;
    }

    public float value(int pixel, int band) {
        return reflectance[pixel * bands + band];
    }

    /**
     * What {@code reader} makes of the line's values read where they are: the line's own array, pixel by pixel
     * ({@code pixel * bands + band}), lent for the call, not copied. For a stage that reads every value once at full line
     * rate (the compact codec); {@code reader} must neither change the array nor keep it.
     */
    public <T> T readValues(Function<float[], T> reader) {
        return reader.apply(reflectance);
    }

    /** Copies the spectrum of one pixel into {@code dst} at {@code offset}. */
    public void copyPixel(int pixel, float[] dst, int offset) {
        System.arraycopy(reflectance, pixel * bands, dst, offset, bands);
    }

    /**
     * The first pixel whose leading {@code count} bands are not the same floats in {@code other} (same pixel count), or
     * -1 when none differs.
     */
    int firstPixelDiffering(Scanline other, int count) {
        for (int p = 0; p < pixels; p++) {
            if (Arrays.mismatch(reflectance, p * bands, p * bands + count, other.reflectance, p * other.bands,
                    p * other.bands + count) >= 0) {
                return p;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scanline s && lineIndex == s.lineIndex && encoderMicrons == s.encoderMicrons
                && pixels == s.pixels && bands == s.bands && scanId.equals(s.scanId) && camera == s.camera
                && acquiredAt.equals(s.acquiredAt) && Arrays.equals(reflectance, s.reflectance)
                && Arrays.equals(pixelFlags, s.pixelFlags);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * scanId.hashCode() + Long.hashCode(lineIndex)) + Arrays.hashCode(reflectance);
    }

    @Override
    public String toString() {
        return "Scanline[" + scanId + "/" + camera + " line " + lineIndex + " at " + encoderMicrons + " um, "
                + pixels + " px x " + bands + " bands]";
    }
}
