package io.hyclus.analysis.container;

import io.hyclus.core.spectral.SensorKind;

/**
 * One camera's spectra from a container.
 *
 * @param spectra [spectrum][band] reflectance
 */
public record CameraSpectra(SensorKind kind, double[] wavelengthNm, float[][] spectra) {

    public int size() {
        return spectra.length;
    }

    /** Mean reflectance over all spectra in the band nearest {@code nm}. */
    public double meanAt(double nm) {
        int band = 0;
        for (int b = 1; b < wavelengthNm.length; b++) {
            if (Math.abs(wavelengthNm[b] - nm) < Math.abs(wavelengthNm[band] - nm)) {
                band = b;
            }
        }
        double sum = 0;
        for (float[] s : spectra) {
            sum += s[band];
        }
        return spectra.length == 0 ? Double.NaN : sum / spectra.length;
    }
}
