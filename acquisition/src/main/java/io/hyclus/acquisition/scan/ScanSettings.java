package io.hyclus.acquisition.scan;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.core.Checks;

/**
 * @param linePitchMm   belt travel between lines, mm
 * @param calibration   reference settings
 */
public record ScanSettings(double linePitchMm, CalibrationSettings calibration) {
    public ScanSettings {
        if (!(linePitchMm >= 0.05 && linePitchMm <= 20)) {
            throw new IllegalArgumentException("line pitch must be 0.05-20 mm: " + linePitchMm);
        }
        Checks.notNull("calibration settings", calibration);
    }
}
