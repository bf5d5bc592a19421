package io.hyclus.hardware.camera.control;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

/**
 * What a camera says it is ({@code IDN?}).
 *
 * @param kind         VNIR or SWIR
 * @param model        model name, one token
 * @param serialNumber serial number, one token
 * @param firmware     firmware version, one token
 * @param sensorPixels spatial pixels of the unbinned sensor
 * @param sensorBands  spectral bands of the unbinned sensor
 */
public record CameraIdentity(SensorKind kind, String model, String serialNumber, String firmware, int sensorPixels,
                             int sensorBands) {
    public CameraIdentity {
        Checks.notNull("camera kind", kind);
        Checks.identifier("camera model", model);
        Checks.identifier("camera serial number", serialNumber);
        Checks.identifier("camera firmware", firmware);
        Checks.positive("sensor pixels", sensorPixels);
        Checks.positive("sensor bands", sensorBands);
    }

    /** The VNIR camera: 1024 pixels x 224 bands. */
    public static CameraIdentity vnir(String serialNumber) {
        return new CameraIdentity(SensorKind.VNIR, "HC-VNIR-1024", serialNumber, "1.0.0", 1024, 224);
    }

    /** The SWIR camera: 384 pixels x 288 bands. */
    public static CameraIdentity swir(String serialNumber) {
        return new CameraIdentity(SensorKind.SWIR, "HC-SWIR-384", serialNumber, "1.0.0", 384, 288);
    }
}
