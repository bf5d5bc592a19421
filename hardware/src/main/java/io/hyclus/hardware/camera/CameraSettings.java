package io.hyclus.hardware.camera;

/**
 * The control state of a line-scan camera, as set over its command link.
 *
 * @param integrationMicros exposure per line, microseconds (1..100000)
 * @param frameRateHz       line rate, lines per second (1..1000); integration must fit in one period
 * @param spectralBinning   adjacent bands summed (1, 2 or 4)
 * @param spatialBinning    adjacent pixels summed (1, 2 or 4)
 * @param roiFirstPixel     first spatial pixel read out (unbinned sensor pixels)
 * @param roiPixels         spatial pixels read out (unbinned), a multiple of the spatial binning
 * @param shutterOpen       false while taking dark references
 * @param acquiring         true between start and stop of acquisition
 */
public record CameraSettings(int integrationMicros, double frameRateHz, int spectralBinning, int spatialBinning,
                             int roiFirstPixel, int roiPixels, boolean shutterOpen, boolean acquiring) {

    public CameraSettings {
        if (integrationMicros < 1 || integrationMicros > 100_000) {
            throw new IllegalArgumentException("integration time must be 1-100000 us: " + integrationMicros);
        }
        if (!(frameRateHz >= 1 && frameRateHz <= 1000)) {
            throw new IllegalArgumentException("frame rate must be 1-1000 Hz: " + frameRateHz);
        }
        if (integrationMicros > 1e6 / frameRateHz) {
            throw new IllegalArgumentException("integration time " + integrationMicros + " us does not fit in one frame at "
                    + frameRateHz + " Hz (" + Math.round(1e6 / frameRateHz) + " us)");
        }
        if (spectralBinning != 1 && spectralBinning != 2 && spectralBinning != 4) {
            throw new IllegalArgumentException("spectral binning must be 1, 2 or 4: " + spectralBinning);
        }
        if (spatialBinning != 1 && spatialBinning != 2 && spatialBinning != 4) {
            throw new IllegalArgumentException("spatial binning must be 1, 2 or 4: " + spatialBinning);
        }
        if (roiFirstPixel < 0) {
            throw new IllegalArgumentException("ROI first pixel must not be negative: " + roiFirstPixel);
        }
        if (roiPixels <= 0 || roiPixels % spatialBinning != 0) {
            throw new IllegalArgumentException("ROI width must be a positive multiple of the spatial binning "
                    + spatialBinning + ": " + roiPixels);
        }
    }

    /** Full-sensor defaults: 10 ms integration at 50 Hz, no binning, shutter open, not acquiring. */
    public static CameraSettings defaults(int sensorPixels) {
        return new CameraSettings(10_000, 50.0, 1, 1, 0, sensorPixels, true, false);
    }

    public CameraSettings withShutterOpen(boolean open) {
        return new CameraSettings(integrationMicros, frameRateHz, spectralBinning, spatialBinning, roiFirstPixel,
                roiPixels, open, acquiring);
    }

    public CameraSettings withIntegrationMicros(int micros) {
        return new CameraSettings(micros, frameRateHz, spectralBinning, spatialBinning, roiFirstPixel, roiPixels,
                shutterOpen, acquiring);
    }

    public CameraSettings withAcquiring(boolean on) {
        return new CameraSettings(integrationMicros, frameRateHz, spectralBinning, spatialBinning, roiFirstPixel,
                roiPixels, shutterOpen, on);
    }

    public CameraSettings withFrameRateHz(double hz) {
        return new CameraSettings(integrationMicros, hz, spectralBinning, spatialBinning, roiFirstPixel, roiPixels,
                shutterOpen, acquiring);
    }

    public CameraSettings withSpectralBinning(int factor) {
        return new CameraSettings(integrationMicros, frameRateHz, factor, spatialBinning, roiFirstPixel, roiPixels,
                shutterOpen, acquiring);
    }

    public CameraSettings withSpatialBinning(int factor) {
        return new CameraSettings(integrationMicros, frameRateHz, spectralBinning, factor, roiFirstPixel, roiPixels,
                shutterOpen, acquiring);
    }

    public CameraSettings withRegionOfInterest(int firstPixel, int pixels) {
        return new CameraSettings(integrationMicros, frameRateHz, spectralBinning, spatialBinning, firstPixel, pixels,
                shutterOpen, acquiring);
    }
}
