package io.hyclus.core.spectral;

/**
 * What the material mask ({@link MaterialRule}) decided about one spectrum of a sample. The code is what containers
 * store per spectrum ({@code /<camera>/material}); only {@link #MATERIAL} is the sample itself.
 */
public enum MaterialClass {
    /** The sample's material: kept for training, maps and reports. */
    MATERIAL(0),
    /**
     * Calibration flagged the pixel ({@code PixelFlags}): a band reached the sensor's full scale (the spectrum is
     * clipped) or a value is out of the valid reflectance range.
     */
    FLAGGED(1),
    /** Too dark: conveyor belt, or a wall's shadow on the sample. */
    DARK(2),
    /** Too bright: a specular glint, the white tray floor, the white reference. */
    BRIGHT(3),
    /** Unlike the sample's own spectrum: a container wall or another man-made surface. */
    OFF_SPECTRUM(4);

    private final byte code;

    MaterialClass(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** The class stored as {@code code}; an unknown code is an {@link IllegalArgumentException} naming it. */
    public static MaterialClass of(byte code) {
        for (MaterialClass c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown material class code " + code + " (expected 0-4)");
    }
}
