package io.hyclus.acquisition.sync;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.core.Checks;

import java.time.Duration;

/**
 * @param beltSpeedMmPerSecond belt speed while lines are taken; with the cameras' common frame rate it sets
 *                             the line pitch (speed / rate)
 * @param runUpMm              belt travel before the first line, to reach speed
 * @param lineTimeout          longest wait for the encoder to reach the next line before the scan is aborted
 *                             (a stalled or stopped belt)
 * @param monitorEveryLines    camera temperatures are read every so many lines (a lost control link shows up there)
 * @param calibration          reference settings
 */
public record SyncScanSettings(double beltSpeedMmPerSecond, double runUpMm, Duration lineTimeout, int monitorEveryLines,
                               CalibrationSettings calibration) {
    public SyncScanSettings {
        Checks.positive("belt speed (mm/s)", beltSpeedMmPerSecond);
        if (!(runUpMm >= 0)) {
            throw new IllegalArgumentException("run-up must not be negative: " + runUpMm + " mm");
        }
        Checks.notNull("line timeout", lineTimeout);
        Checks.positive("monitoring interval (lines)", monitorEveryLines);
        Checks.notNull("calibration settings", calibration);
    }

    /** Line pitch in micrometres for a frame rate. */
    public long linePitchMicrons(double frameRateHz) {
        return Math.round(beltSpeedMmPerSecond * 1000.0 / frameRateHz);
    }
}
