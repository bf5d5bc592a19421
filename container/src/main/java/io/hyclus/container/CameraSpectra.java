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
 * @param material     the material mask's class code of each spectrum ({@link io.hyclus.core.spectral.MaterialClass};
 *                     0 = the sample's material); all 0 for containers written before format /4
 */
public record CameraSpectra(SensorKind kind, String sensorId, double[] wavelengthNm, double[] fwhmNm,
                            float[][] spectra, long[] lineIndex, int[] pixelIndex, double[][] positionMm,
                            byte[] material) {

    /** Spectra with no material mask: every spectrum counts as the sample's material. */
    public CameraSpectra(SensorKind kind, String sensorId, double[] wavelengthNm, double[] fwhmNm,
                         float[][] spectra, long[] lineIndex, int[] pixelIndex, double[][] positionMm) {
        this(kind, sensorId, wavelengthNm, fwhmNm, spectra, lineIndex, pixelIndex, positionMm,
                new byte[spectra.length]);
    }

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
        if (material.length != n) {
            throw new IllegalArgumentException("camera " + sensorId + " has " + n + " spectra but " + material.length
                    + " material classes");
        }
    }

    /** Whether spectrum {@code i} is the sample's material (the mask's class 0). */
    public boolean isMaterial(int i) {
        return material[i] == 0;
    }

    /** The spectra the material mask kept (class 0), in file order; the rows are this record's own, not copies. */
    public float[][] materialSpectra() {
        float[][] out = new float[materialCount()][];
        for (int i = 0, k = 0; i < spectra.length; i++) {
            if (material[i] == 0) {
                out[k++] = spectra[i];
            }
        }
        return out;
    }

    /** Number of spectra that are the sample's material. */
    public int materialCount() {
        int k = 0;
        for (byte m : material) {
            if (m == 0) {
                k++;
            }
        }
        return k;
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
