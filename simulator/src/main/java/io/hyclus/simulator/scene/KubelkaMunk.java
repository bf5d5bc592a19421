package io.hyclus.simulator.scene;

/**
 * Kubelka-Munk remission function, used to mix minerals intimately: the absorption-to-scattering ratio
 * K/S = (1 - R)^2 / 2R of a mixture is the fraction-weighted sum of its components', so dark minerals
 * dominate a mixture's reflectance as they do in real powders. Larger grains lengthen the optical path,
 * which raises K/S: deeper bands and a darker sample.
 */
public final class KubelkaMunk {
    /** Reflectance is kept inside [MIN_R, MAX_R] so that K/S stays finite. */
    static final double MIN_R = 1e-4;
    static final double MAX_R = 0.9999;

    private KubelkaMunk() {
    }

    public static double kOverS(double reflectance) {
        double r = Math.min(MAX_R, Math.max(MIN_R, reflectance));
        return (1 - r) * (1 - r) / (2 * r);
    }

    /** Inverse of {@link #kOverS}: the reflectance of an infinitely thick layer with ratio {@code ks}. */
    public static double reflectance(double ks) {
        return 1 + ks - Math.sqrt(ks * ks + 2 * ks);
    }
}
