package io.hyclus.container;

import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TraySlot;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A sample container as read back: its format, scan, tray slot (sample metadata and region), per-camera data and
 * provenance.
 *
 * @param format     the file's format, one of {@link SampleContainerFormat#READABLE}
 * @param cameras    one entry per camera group in the file
 * @param provenance the provenance attributes as stored, key to text, sorted; {@link #provenance(ProvenanceKey)}
 *                   looks one up by its typed key
 */
public record SampleSpectra(Path file, String format, String scanId, String trayId, TraySlot slot,
                            Map<SensorKind, CameraSpectra> cameras, Map<String, String> provenance) {
    public SampleSpectra {
        cameras = Map.copyOf(cameras);
        provenance = Collections.unmodifiableSortedMap(new TreeMap<>(provenance));
    }

    public SampleMetadata metadata() {
        return slot.sample();
    }

    public Optional<CameraSpectra> camera(SensorKind kind) {
        return Optional.ofNullable(cameras.get(kind));
    }

    public Optional<String> provenance(ProvenanceKey key) {
        return Optional.ofNullable(provenance.get(key.name()));
    }
}
