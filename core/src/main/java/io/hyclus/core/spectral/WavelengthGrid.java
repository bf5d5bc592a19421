package io.hyclus.core.spectral;

import java.util.Arrays;

/**
 * The spectral axis of a sensor: for each band its centre wavelength and its full width at half maximum
 * (FWHM), both in nanometres. Centres strictly increase; widths are positive.
 *
 * <p>The arrays are copied in and out; use {@link #centreNm(int)} and {@link #fwhmNm(int)} in loops.
 */
public record WavelengthGrid(double[] centresNm, double[] fwhmNm) {

    public WavelengthGrid {
        if (centresNm == null || fwhmNm == null) {
            throw new IllegalArgumentException("band centres and FWHM must not be null");
        }
        if (centresNm.length == 0) {
            throw new IllegalArgumentException("a wavelength grid needs at least one band");
        }
        if (centresNm.length != fwhmNm.length) {
            throw new IllegalArgumentException("band centres and FWHM must have the same length: "
                    + centresNm.length + " centres, " + fwhmNm.length + " widths");
        }
        centresNm = centresNm.clone();
        fwhmNm = fwhmNm.clone();
        for (int b = 0; b < centresNm.length; b++) {
            if (!Double.isFinite(centresNm[b]) || centresNm[b] <= 0) {
                throw new IllegalArgumentException("band centre must be positive and finite: " + centresNm[b]
                        + " nm at band " + b);
            }
            if (!Double.isFinite(fwhmNm[b]) || fwhmNm[b] <= 0) {
                throw new IllegalArgumentException("band FWHM must be positive and finite: " + fwhmNm[b]
                        + " nm at band " + b);
            }
            if (b > 0 && centresNm[b] <= centresNm[b - 1]) {
                throw new IllegalArgumentException("band centres must increase: " + centresNm[b] + " nm after "
                        + centresNm[b - 1] + " nm at band " + b);
            }
        }
    }

    /**
     * Evenly spaced bands from {@code firstNm} to {@code lastNm} inclusive, each as wide as
     * {@code fwhmFactor} times the spacing (1.0 gives touching bands, typical of a grating imager).
     */
    public static WavelengthGrid uniform(double firstNm, double lastNm, int bands, double fwhmFactor) {
        if (bands < 2) {
            throw new IllegalArgumentException("a uniform grid needs at least 2 bands: " + bands);
        }
        if (!(lastNm > firstNm)) {
            throw new IllegalArgumentException("last band centre must exceed the first: " + firstNm + " nm to "
                    + lastNm + " nm");
        }
        if (!(fwhmFactor > 0)) {
            throw new IllegalArgumentException("FWHM factor must be positive: " + fwhmFactor);
        }
        double step = (lastNm - firstNm) / (bands - 1);
        double[] centres = new double[bands];
        double[] widths = new double[bands];
        for (int b = 0; b < bands; b++) {
            centres[b] = firstNm + b * step;
            widths[b] = step * fwhmFactor;
        }
        return new WavelengthGrid(centres, widths);
    }

    public int bands() {
        return centresNm.length;
    }

    public double centreNm(int band) {
        return centresNm[band];
    }

    public double fwhmNm(int band) {
        return fwhmNm[band];
    }

    public double firstNm() {
        return centresNm[0];
    }

    public double lastNm() {
        return centresNm[centresNm.length - 1];
    }

    @Override
    public double[] centresNm() {
        return centresNm.clone();
    }

    @Override
    public double[] fwhmNm() {
        return fwhmNm.clone();
    }

    /** The band whose centre is closest to {@code wavelengthNm}. */
    public int nearestBand(double wavelengthNm) {
        int i = Arrays.binarySearch(centresNm, wavelengthNm);
        if (i >= 0) {
            return i;
        }
        int above = -i - 1;
        if (above == 0) {
            return 0;
        }
        if (above == centresNm.length) {
            return centresNm.length - 1;
        }
        return wavelengthNm - centresNm[above - 1] <= centresNm[above] - wavelengthNm ? above - 1 : above;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WavelengthGrid g && Arrays.equals(centresNm, g.centresNm) && Arrays.equals(fwhmNm, g.fwhmNm);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(centresNm) + Arrays.hashCode(fwhmNm);
    }

    @Override
    public String toString() {
        return String.format("WavelengthGrid[%d bands, %.1f-%.1f nm]", bands(), firstNm(), lastNm());
    }
}
