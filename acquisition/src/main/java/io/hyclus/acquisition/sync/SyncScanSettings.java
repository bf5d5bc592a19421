package io.hyclus.acquisition.sync;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.core.Checks;

import java.time.Duration;

/**
 * How a tray is scanned. {@link #defaults(double)} is the one home of the default values; every scan (demo and
 * campaign, in-process or serial rig) starts from it.
 *
 * @param beltSpeedMmPerSecond belt speed while lines are taken; with the cameras' common frame rate it sets
 *                             the line pitch (speed / rate)
 * @param runUpMm              belt travel before the first line, to reach speed
 * @param lineTimeout          longest wait for the encoder to reach the next line before the scan is aborted
 *                             (a stalled or stopped belt)
 * @param monitorEveryLines    camera temperatures and the belt's state are read every so many lines (a lost control
 *                             link or a latched warning shows up there)
 * @param moveTimeout          longest wait for a positioning move (to the white strip, to the run-up start)
 * @param trayOriginMicrons    encoder position, µm, at which a tray's leading edge is under the cameras' line
 * @param calibration          reference settings
 */
public record SyncScanSettings(double beltSpeedMmPerSecond, double runUpMm, Duration lineTimeout, int monitorEveryLines,
                               Duration moveTimeout, long trayOriginMicrons, CalibrationSettings calibration) {
    /**
     * 20 mm: at the simulated belt's 1000 mm/s² the belt reaches its 200 mm/s top speed within 20 mm
     * (v² / 2a), so every speed it can run at is steady by the first line.
     */
    public static final double DEFAULT_RUN_UP_MM = 20;
    /** 5 s: far longer than any line period (at most 1 s at the slowest 1 Hz line rate), short enough to stop a stall. */
    public static final Duration DEFAULT_LINE_TIMEOUT = Duration.ofSeconds(5);
    /** Every 50 lines: one temperature query per camera per second or two at usual line rates. */
    public static final int DEFAULT_MONITOR_EVERY_LINES = 50;
    /** 60 s: the longest positioning move, the whole 2 m travel, takes about 10 s at 200 mm/s. */
    public static final Duration DEFAULT_MOVE_TIMEOUT = Duration.ofSeconds(60);
    /**
     * 150 mm from home: the white reference strip ahead of a tray (30-60 mm ahead of its leading edge) then lies
     * at 90-120 mm, inside the travel, with room for the run-up.
     */
    public static final long DEFAULT_TRAY_ORIGIN_MICRONS = 150_000;

    public SyncScanSettings {
        Checks.positive("belt speed (mm/s)", beltSpeedMmPerSecond);
        if (!(runUpMm >= 0) || !Double.isFinite(runUpMm)) {
            throw new IllegalArgumentException("run-up must be finite and not negative: " + runUpMm + " mm");
        }
        requirePositive("line timeout", lineTimeout);
        Checks.positive("monitoring interval (lines)", monitorEveryLines);
        requirePositive("move timeout", moveTimeout);
        if (trayOriginMicrons < 0) {
            throw new IllegalArgumentException("tray origin must not be negative: " + trayOriginMicrons + " um");
        }
        Checks.notNull("calibration settings", calibration);
    }

    /** The defaults above at {@code beltSpeedMmPerSecond}, with {@link CalibrationSettings#defaults()}. */
    public static SyncScanSettings defaults(double beltSpeedMmPerSecond) {
        return new SyncScanSettings(beltSpeedMmPerSecond, DEFAULT_RUN_UP_MM, DEFAULT_LINE_TIMEOUT,
                DEFAULT_MONITOR_EVERY_LINES, DEFAULT_MOVE_TIMEOUT, DEFAULT_TRAY_ORIGIN_MICRONS,
                CalibrationSettings.defaults());
    }

    /** Line pitch in micrometres for a frame rate. */
    public long linePitchMicrons(double frameRateHz) {
        return Math.round(beltSpeedMmPerSecond * 1000.0 / frameRateHz);
    }

    private static void requirePositive(String what, Duration d) {
        Checks.notNull(what, d);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }
}
