package io.hyclus.core.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.TrayLayout;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Opens a tray scan: which tray is on the belt, which cameras look at it and how, and the provenance
 * every output of the scan carries (software version, calibration, simulator seed...).
 */
public record ScanStarted(String scanId, TrayLayout tray, List<CameraSetup> cameras, Instant startedAt,
                          Map<String, String> provenance) implements ScanEvent {

    public ScanStarted {
        Checks.identifier("scan id", scanId);
        Checks.notNull("tray of scan " + scanId, tray);
        Checks.notNull("cameras of scan " + scanId, cameras);
        Checks.notNull("start time of scan " + scanId, startedAt);
        Checks.notNull("provenance of scan " + scanId, provenance);
        cameras = List.copyOf(cameras);
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("scan " + scanId + " needs at least one camera");
        }
        if (cameras.stream().map(c -> c.sensor().kind()).distinct().count() != cameras.size()) {
            throw new IllegalArgumentException("scan " + scanId + " lists a camera kind twice: " + cameras);
        }
        provenance = java.util.Collections.unmodifiableMap(new TreeMap<>(provenance));
    }

    public Optional<CameraSetup> camera(SensorKind kind) {
        return cameras.stream().filter(c -> c.sensor().kind() == kind).findFirst();
    }
}
