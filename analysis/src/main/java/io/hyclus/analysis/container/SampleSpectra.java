package io.hyclus.analysis.container;

import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.SampleMetadata;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A sample container as read back: metadata, scan, per-camera spectra and provenance. */
public record SampleSpectra(Path file, SampleMetadata metadata, String scanId, String trayId,
                            Map<SensorKind, CameraSpectra> cameras, Map<String, String> provenance) {
    public SampleSpectra {
        cameras = Map.copyOf(cameras);
        provenance = Map.copyOf(provenance);
    }

    public Optional<CameraSpectra> camera(SensorKind kind) {
        return Optional.ofNullable(cameras.get(kind));
    }
}
