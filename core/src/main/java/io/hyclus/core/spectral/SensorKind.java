package io.hyclus.core.spectral;

/**
 * The two line-scan cameras over the belt, and the stitched product of both, with the wavelength range each covers,
 * in nanometres. {@link #STITCHED} is no camera: it is the line stream acquisition derives from a VNIR and a SWIR line
 * (co-registered onto the VNIR pixels, one 400-2500 nm spectrum per pixel; docs/stitching.md).
 */
public enum SensorKind {
    /** Visible and near infrared, 400-1000 nm. */
    VNIR(400.0, 1000.0),
    /** Short-wave infrared, 1000-2500 nm. */
    SWIR(1000.0, 2500.0),
    /** VNIR and SWIR stitched into one spectrum per VNIR pixel, 400-2500 nm. */
    STITCHED(400.0, 2500.0);

    private final double minNm;
    private final double maxNm;

    SensorKind(double minNm, double maxNm) {
        this.minNm = minNm;
        this.maxNm = maxNm;
    }

    public double minNm() {
        return minNm;
    }

    public double maxNm() {
        return maxNm;
    }

    public boolean covers(double wavelengthNm) {
        return wavelengthNm >= minNm && wavelengthNm <= maxNm;
    }
}
