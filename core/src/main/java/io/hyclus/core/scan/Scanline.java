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
 */
public record Scanline(String scanId, SensorKind camera, long lineIndex, long encoderMicrons, Instant acquiredAt,
                       int pixels, int bands, float[] reflectance) implements ScanEvent {

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

    public float value(int pixel, int band) {
        return reflectance[pixel * bands + band];
    }

    /** Copies the spectrum of one pixel into {@code dst} at {@code offset}. */
    public void copyPixel(int pixel, float[] dst, int offset) {
        System.arraycopy(reflectance, pixel * bands, dst, offset, bands);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scanline s && lineIndex == s.lineIndex && encoderMicrons == s.encoderMicrons
                && pixels == s.pixels && bands == s.bands && scanId.equals(s.scanId) && camera == s.camera
                && acquiredAt.equals(s.acquiredAt) && Arrays.equals(reflectance, s.reflectance);
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
