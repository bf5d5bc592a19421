package io.hyclus.core.scan;

/**
 * Per-pixel quality flags a calibrated line carries ({@link Scanline#pixelFlags()}), one byte per pixel, bits OR-ed.
 * A pixel with no flag set is 0. Downstream the material mask ({@code io.hyclus.core.spectral.MaterialRule}) excludes
 * flagged pixels.
 */
public final class PixelFlags {
    /** At least one band of the pixel reached the sensor's full scale: its reflectance there is a lower bound. */
    public static final byte SATURATED = 1;
    /** A calibrated value of the pixel lies outside the calibration's valid reflectance range (e.g. -0.1 to 1.5). */
    public static final byte OUT_OF_RANGE = 2;
    /**
     * A stitched pixel (docs/stitching.md) of which less than half the footprint lies in the SWIR camera's field of
     * view: its SWIR part comes from the nearest SWIR pixels that cover it, or the edge pixel.
     */
    public static final byte NOT_COVERED = 4;

    private PixelFlags() {
    }

    public static boolean saturated(byte flags) {
        return (flags & SATURATED) != 0;
    }

}
