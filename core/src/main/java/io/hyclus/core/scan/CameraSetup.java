package io.hyclus.core.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.Sensor;

/** A camera taking part in a scan: its sensor and where its pixels fall on the tray. */
public record CameraSetup(Sensor sensor, AcrossTrackGeometry geometry) {
    public CameraSetup {
        Checks.notNull("sensor", sensor);
        Checks.notNull("geometry of sensor " + (sensor == null ? "?" : sensor.id()), geometry);
    }
}
