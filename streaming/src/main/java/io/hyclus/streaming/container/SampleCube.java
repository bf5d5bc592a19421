package io.hyclus.streaming.container;

import io.hyclus.core.scan.CameraSetup;

/**
 * One camera's spectra of one sample.
 *
 * @param spectra     [spectrum][band] reflectance
 * @param lineIndex   scan line of each spectrum
 * @param pixelIndex  camera pixel of each spectrum
 * @param positionMm  [spectrum][x, y] tray position of each spectrum's footprint centre, mm
 */
public record SampleCube(CameraSetup camera, float[][] spectra, long[] lineIndex, int[] pixelIndex,
                         double[][] positionMm) {
    public SampleCube {
        int n = spectra.length;
        if (lineIndex.length != n || pixelIndex.length != n || positionMm.length != n) {
            throw new IllegalArgumentException("cube of " + camera.sensor().id() + " has " + n + " spectra but "
                    + lineIndex.length + " line indices, " + pixelIndex.length + " pixel indices, "
                    + positionMm.length + " positions");
        }
    }

    public int size() {
        return spectra.length;
    }
}
