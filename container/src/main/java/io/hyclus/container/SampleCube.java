package io.hyclus.container;

import io.hyclus.core.scan.CameraSetup;

/**
 * One camera's spectra of one sample, as the writer takes them. The arrays are not copied: the cube owns them from
 * construction on (the segmentation builds them for this cube alone) and nobody modifies them afterwards.
 *
 * @param spectra     [spectrum][band] reflectance, every row as long as the camera's band count
 * @param lineIndex   scan line of each spectrum
 * @param pixelIndex  camera pixel of each spectrum
 * @param positionMm  [spectrum][x, y] tray position of each spectrum's footprint centre, mm
 * @param material    the material mask's class code of each spectrum ({@link io.hyclus.core.spectral.MaterialClass})
 */
public record SampleCube(CameraSetup camera, float[][] spectra, long[] lineIndex, int[] pixelIndex,
                         double[][] positionMm, byte[] material) {
    /** A cube whose spectra are all the sample's material (no mask applied). */
    public SampleCube(CameraSetup camera, float[][] spectra, long[] lineIndex, int[] pixelIndex, double[][] positionMm) {
        this(camera, spectra, lineIndex, pixelIndex, positionMm, new byte[spectra.length]);
    }

    public SampleCube {
        int n = spectra.length;
        if (material.length != n) {
            throw new IllegalArgumentException("cube of " + camera.sensor().id() + " has " + n + " spectra but "
                    + material.length + " material classes");
        }
        if (lineIndex.length != n || pixelIndex.length != n || positionMm.length != n) {
            throw new IllegalArgumentException("cube of " + camera.sensor().id() + " has " + n + " spectra but "
                    + lineIndex.length + " line indices, " + pixelIndex.length + " pixel indices, "
                    + positionMm.length + " positions");
        }
        int bands = camera.sensor().bands();
        for (int i = 0; i < n; i++) {
            if (spectra[i].length != bands) {
                throw new IllegalArgumentException("cube of " + camera.sensor().id() + ": spectrum " + i + " has "
                        + spectra[i].length + " bands, the camera " + bands);
            }
            if (positionMm[i].length != 2) {
                throw new IllegalArgumentException("cube of " + camera.sensor().id() + ": position " + i + " has "
                        + positionMm[i].length + " coordinates, expected 2 (x, y)");
            }
        }
    }

    public int size() {
        return spectra.length;
    }
}
