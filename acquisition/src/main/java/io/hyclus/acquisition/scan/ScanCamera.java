package io.hyclus.acquisition.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.hardware.camera.FrameSource;

/** A camera as a scan uses it: its frames, its shutter, its sensor and where its pixels fall. */
public record ScanCamera(Sensor sensor, AcrossTrackGeometry geometry, FrameSource frames, ShutterControl shutter) {
    public ScanCamera {
        Checks.notNull("sensor", sensor);
        Checks.notNull("geometry", geometry);
        Checks.notNull("frame source", frames);
        Checks.notNull("shutter", shutter);
    }

    public CameraSetup setup() {
        return new CameraSetup(sensor, geometry);
    }
}
