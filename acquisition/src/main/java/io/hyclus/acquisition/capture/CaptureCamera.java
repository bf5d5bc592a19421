package io.hyclus.acquisition.capture;

import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.core.Checks;
import io.hyclus.core.spectral.Sensor;

/**
 * What a capture's headers say of the camera that took it, whether it is on the rig now ({@link #of(RigCamera)}) or
 * known only from a recorded scan (an export from Kafka).
 *
 * @param sensor            the sensor as configured (id, kind, wavelengths, pixels)
 * @param sensorType        Specim's {@code sensor type} field: the camera's model and serial number
 * @param integrationMicros exposure, µs
 * @param frameRateHz       line rate, Hz
 */
public record CaptureCamera(Sensor sensor, String sensorType, int integrationMicros, double frameRateHz) {
    public CaptureCamera {
        Checks.notNull("sensor", sensor);
        Checks.notBlank("sensor type of " + sensor.id(), sensorType);
        Checks.positive("integration time (us) of " + sensor.id(), integrationMicros);
        if (!(frameRateHz > 0)) {
            throw new IllegalArgumentException("frame rate of " + sensor.id() + " must be positive: " + frameRateHz
                    + " Hz");
        }
    }

    public static CaptureCamera of(RigCamera c) {
        return new CaptureCamera(c.sensor(), c.control().identity().model() + " " + c.control().identity().serialNumber(),
                c.settings().integrationMicros(), c.settings().frameRateHz());
    }
}
