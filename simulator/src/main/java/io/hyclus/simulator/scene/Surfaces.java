package io.hyclus.simulator.scene;

/** Reflectance (0-1) of the man-made surfaces around the samples, as functions of wavelength in nm. */
public final class Surfaces {
    private Surfaces() {
    }

    public static double reflectance(SurfaceKind kind, double nm) {
        return switch (kind) {
            case BELT -> 0.045 + 0.01 * (nm - 400) / 2100;
            case WHITE_REFERENCE -> 0.99 - 0.02 * Math.exp(-(nm - 400) / 60.0);
            case TRAY -> tray(nm);
            case WALL -> 0.32 + 0.03 * (nm - 400) / 2100;
            case SAMPLE -> throw new IllegalArgumentException("sample reflectance comes from its mixture");
        };
    }

    /** White HDPE: bright, with C-H overtone absorptions at 1210, 1390, 1730 and 2310 nm. */
    private static double tray(double nm) {
        double r = 0.78;
        r -= dip(nm, 1210, 15, 0.08) + dip(nm, 1390, 20, 0.06) + dip(nm, 1730, 20, 0.15) + dip(nm, 2310, 30, 0.18);
        return r;
    }

    private static double dip(double nm, double centre, double width, double depth) {
        double z = (nm - centre) / width;
        return depth * Math.exp(-0.5 * z * z);
    }
}
