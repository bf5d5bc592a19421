package io.hyclus.core.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

import java.time.Instant;
import java.util.Arrays;

/**
 * One calibrated line from a line-scan camera: {@code pixels} spectra of {@code bands} reflectance
 * values, stored pixel by pixel (band-interleaved-by-pixel, index {@code pixel * bands + band}).
 *
 * @param scanId          the tray scan this line belongs to
 * @param camera          which camera took it
 * @param lineIndex       0-based position of the line within the scan
 * @param encoderMicrons  belt encoder position that triggered the line, micrometres
 * @param acquiredAt      when the frame was exposed
 * @param pixels          spatial pixels across the belt
 * @param bands           spectral bands
 * @param reflectance     reflectance (unitless, nominally 0-1; noise can take it slightly outside),
 *                        copied in and out
 * @param pixelFlags      {@link PixelFlags} per pixel, copied in and out; an empty array means no pixel is flagged
 */
public record Scanline(String scanId, SensorKind camera, long lineIndex, long encoderMicrons, Instant acquiredAt,
                       int pixels, int bands, float[] reflectance, byte[] pixelFlags) implements ScanEvent {

    private static final byte[] NO_FLAGS = new byte[0];

    /** A line with no pixel flagged. */
    public Scanline(String scanId, SensorKind camera, long lineIndex, long encoderMicrons, Instant acquiredAt,
                    int pixels, int bands, float[] reflectance) {
        this(scanId, camera, lineIndex, encoderMicrons, acquiredAt, pixels, bands, reflectance, NO_FLAGS);
    }

    public Scanline {
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
        reflectance = reflectance.clone();
        Checks.notNull("pixel flags", pixelFlags);
        if (pixelFlags.length != 0 && pixelFlags.length != pixels) {
            throw new IllegalArgumentException("scanline " + scanId + "/" + lineIndex + " has " + pixelFlags.length
                    + " pixel flags, expected none or one per pixel (" + pixels + ")");
        }
        pixelFlags = allZero(pixelFlags) ? NO_FLAGS : pixelFlags.clone();
        for (int i = 0; i < reflectance.length; i++) {
            if (!Float.isFinite(reflectance[i])) {
                throw new IllegalArgumentException("scanline " + scanId + "/" + lineIndex + " has a non-finite value "
                        + reflectance[i] + " at pixel " + i / bands + ", band " + i % bands);
            }
        }
    }

    @Override
    public float[] reflectance() {
        return reflectance.clone();
    }

    @Override
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

    private static boolean allZero(byte[] flags) {
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

    /** Copies the spectrum of one pixel into {@code dst} at {@code offset}. */
    public void copyPixel(int pixel, float[] dst, int offset) {
        System.arraycopy(reflectance, pixel * bands, dst, offset, bands);
    }

    /**
     * Copies bands {@code [fromBand, fromBand + count)} of one pixel into {@code dst} at {@code offset}.
     */
    public void copyBands(int pixel, int fromBand, int count, float[] dst, int offset) {
        Checks.nonNegative("first band", fromBand);
        if (fromBand + count > bands) {
            throw new IndexOutOfBoundsException("bands " + fromBand + "+" + count + " of a " + bands + "-band line");
        }
        System.arraycopy(reflectance, pixel * bands + fromBand, dst, offset, count);
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
