package io.hyclus.acquisition.sync;

import io.hyclus.core.Checks;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.FrameSource;
import io.hyclus.hardware.camera.control.CameraControl;

/**
 * A camera on the rig: its control link, its frames, its sensor as configured and where its pixels fall.
 *
 * @param settings the control state the scan brings the camera to (frame rate, integration, binning, ROI)
 */
public record RigCamera(CameraControl control, FrameSource frames, Sensor sensor, AcrossTrackGeometry geometry,
                        CameraSettings settings) {
    public RigCamera {
        Checks.notNull("camera control", control);
        Checks.notNull("frame source", frames);
        Checks.notNull("sensor", sensor);
        Checks.notNull("geometry of " + (sensor == null ? "?" : sensor.id()), geometry);
        Checks.notNull("settings of " + (sensor == null ? "?" : sensor.id()), settings);
    }

    public CameraSetup setup() {
        return new CameraSetup(sensor, geometry);
    }
}
