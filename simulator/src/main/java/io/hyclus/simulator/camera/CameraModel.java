package io.hyclus.simulator.camera;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;

/**
 * Radiometry and optics of a simulated line-scan camera.
 *
 * @param sensor                 id, kind, bands (centres and FWHM) and spatial pixels
 * @param firstPixelCentreMm     across-track tray position of pixel 0, mm
 * @param pixelPitchMm           across-track footprint of a pixel on the belt, mm
 * @param darkLevelDn            mean dark offset, digital numbers
 * @param fixedPatternDn         pixel-to-pixel spread of the dark offset (1 sigma), DN
 * @param darkCurrentDnPerMs     dark signal accumulated per millisecond of integration, DN
 * @param whiteSignalDn          signal above dark for reflectance 1 at the centre pixel, the most
 *                               responsive band and the reference integration time, DN
 * @param referenceIntegrationMicros integration time at which {@code whiteSignalDn} holds, microseconds
 * @param shotNoiseDnPerDn       shot-noise variance per DN of signal (1 / conversion gain)
 * @param readNoiseDn            read noise (1 sigma), DN
 * @param edgeFalloff            fraction of illumination lost at the edges of the field of view
 * @param lampTemperatureK       colour temperature of the halogen lamps, kelvin
 * @param deadPixels             sensor elements (pixel, band) that do not respond
 * @param hotPixels              sensor elements with a large extra dark signal
 */
public record CameraModel(Sensor sensor, double firstPixelCentreMm, double pixelPitchMm, double darkLevelDn,
                          double fixedPatternDn, double darkCurrentDnPerMs, double whiteSignalDn,
                          int referenceIntegrationMicros, double shotNoiseDnPerDn, double readNoiseDn,
                          double edgeFalloff, double lampTemperatureK, int deadPixels, int hotPixels) {

    public CameraModel {
        Checks.notNull("sensor", sensor);
        Checks.finite("first pixel centre (mm)", firstPixelCentreMm);
        Checks.positive("pixel pitch (mm)", pixelPitchMm);
        Checks.positive("dark level (DN)", darkLevelDn);
        Checks.finite("fixed pattern (DN)", fixedPatternDn);
        Checks.finite("dark current (DN/ms)", darkCurrentDnPerMs);
        Checks.positive("white signal (DN)", whiteSignalDn);
        Checks.positive("reference integration (us)", referenceIntegrationMicros);
        Checks.finite("shot noise factor", shotNoiseDnPerDn);
        Checks.finite("read noise (DN)", readNoiseDn);
        if (edgeFalloff < 0 || edgeFalloff >= 1) {
            throw new IllegalArgumentException("edge falloff must be in [0, 1): " + edgeFalloff);
        }
        Checks.positive("lamp temperature (K)", lampTemperatureK);
        if (deadPixels < 0 || hotPixels < 0) {
            throw new IllegalArgumentException("dead and hot pixel counts must not be negative: " + deadPixels + ", " + hotPixels);
        }
    }

    /**
     * A VNIR camera ({@code pixels * bands * 2.5e-5} dead and {@code 1.7e-5} hot elements, at least one each):
     * {@code pixels} across a 307 mm field of view centred on a 280 mm tray, {@code bands}
     * from 400 to 1000 nm with FWHM 1.2 times the band spacing.
     */
    public static CameraModel vnir(int pixels, int bands) {
        WavelengthGrid grid = WavelengthGrid.uniform(400, 1000, bands, 1.2);
        return centred(new Sensor("vnir", SensorKind.VNIR, grid, pixels), 140.0, 307.2,
                180, 6, 0.4, 3400, 10_000, 0.08, 3.0, 0.30, 2900, defects(pixels, bands, 2.5e-5),
                defects(pixels, bands, 1.7e-5));
    }

    /** A SWIR camera: {@code pixels} across the same field of view, {@code bands} from 1000 to 2500 nm. */
    public static CameraModel swir(int pixels, int bands) {
        WavelengthGrid grid = WavelengthGrid.uniform(1000, 2500, bands, 1.2);
        return centred(new Sensor("swir", SensorKind.SWIR, grid, pixels), 140.0, 307.2,
                260, 10, 1.5, 3200, 10_000, 0.12, 5.0, 0.25, 2900, defects(pixels, bands, 5e-5),
                defects(pixels, bands, 4e-5));
    }

    /** The reference cameras: VNIR 1024 px x 224 bands, SWIR 384 px x 288 bands. */
    public static CameraModel of(SensorKind kind) {
        return kind == SensorKind.VNIR ? vnir(1024, 224) : swir(384, 288);
    }

    /** Defective elements in proportion to the sensor's size, at least one of each kind. */
    private static int defects(int pixels, int bands, double fraction) {
        return (int) Math.max(1, Math.round((double) pixels * bands * fraction));
    }

    private static CameraModel centred(Sensor sensor, double centreMm, double fieldOfViewMm, double dark, double fpn,
                                       double darkCurrent, double white, int refMicros, double shot, double read,
                                       double falloff, double lampK, int dead, int hot) {
        double pitch = fieldOfViewMm / sensor.pixels();
        double first = centreMm - fieldOfViewMm / 2 + pitch / 2;
        return new CameraModel(sensor, first, pitch, dark, fpn, darkCurrent, white, refMicros, shot, read, falloff,
                lampK, dead, hot);
    }

    public double xMm(int pixel) {
        return firstPixelCentreMm + pixel * pixelPitchMm;
    }
}
