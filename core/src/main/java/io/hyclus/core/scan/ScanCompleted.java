package io.hyclus.core.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Closes a tray scan.
 *
 * @param linesPublished per camera, how many scanlines acquisition published for this scan
 * @param degradations   what went wrong but was recorded rather than hidden (dropped frames, dead
 *                       pixels...), one human-readable line each; empty when the scan was clean
 */
public record ScanCompleted(String scanId, Map<SensorKind, Long> linesPublished, Instant completedAt,
                            List<String> degradations) implements ScanEvent {

    public ScanCompleted {
        Checks.identifier("scan id", scanId);
        Checks.notNull("line counts of scan " + scanId, linesPublished);
        Checks.notNull("completion time of scan " + scanId, completedAt);
        Checks.notNull("degradations of scan " + scanId, degradations);
        linesPublished.forEach((k, v) -> Checks.nonNegative("lines published by " + k + " in scan " + scanId, v));
        linesPublished = linesPublished.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(linesPublished));
        degradations = List.copyOf(degradations);
    }
}
