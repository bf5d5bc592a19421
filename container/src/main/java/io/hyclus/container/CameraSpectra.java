package io.hyclus.container;

import io.hyclus.core.spectral.SensorKind;

/**
 * One camera's data from a container, as read. The arrays are the reader's own (read for this record alone) and are
 * not copied on access: callers must not modify them.
 *
 * @param sensorId     the camera's id
 * @param wavelengthNm band centres, nm (empty for a format /1 camera with no spectra)
 * @param fwhmNm       band widths, nm, as many as {@code wavelengthNm}
 * @param spectra      [spectrum][band] reflectance (unitless, 0-1 nominal)
 * @param lineIndex    scan line of each spectrum
 * @param pixelIndex   camera pixel of each spectrum
 * @param positionMm   [spectrum][x, y] tray position of each spectrum, mm
 */
public record CameraSpectra(SensorKind kind, String sensorId, double[] wavelengthNm, double[] fwhmNm,
                            float[][] spectra, long[] lineIndex, int[] pixelIndex, double[][] positionMm) {

    public CameraSpectra {
        if (fwhmNm.length != wavelengthNm.length) {
            throw new IllegalArgumentException("camera " + sensorId + ": " + wavelengthNm.length + " band centres but "
                    + fwhmNm.length + " band widths");
        }
        int n = spectra.length;
        if (lineIndex.length != n || pixelIndex.length != n || positionMm.length != n) {
            throw new IllegalArgumentException("camera " + sensorId + " has " + n + " spectra but " + lineIndex.length
                    + " line indices, " + pixelIndex.length + " pixel indices, " + positionMm.length + " positions");
        }
    }

    public int size() {
        return spectra.length;
    }

    /** Mean reflectance over all spectra in the band nearest {@code nm}; NaN when there are no spectra. */
    public double meanAt(double nm) {
        if (spectra.length == 0) {
            return Double.NaN;
        }
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
        return sum / spectra.length;
    }
}
