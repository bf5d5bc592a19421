package io.hyclus.report;

import io.hyclus.core.spectral.SensorKind;

import java.util.List;
import java.util.Map;

/**
 * The report's data: per camera, every sample's seeded subsample with its labels.
 *
 * @param cameras        cameras with at least one sample kept
 * @param containers     every container read
 * @param problems       what was left out and why, one line each (files named)
 * @param sha256         SHA-256 over the sorted container file names and sizes (identifies the campaign folder)
 */
public record Dataset(Map<SensorKind, CameraData> cameras, List<SampleInfo> containers, List<String> problems,
                      String sha256) {
    public Dataset {
        cameras = Map.copyOf(cameras);
        containers = List.copyOf(containers);
        problems = List.copyOf(problems);
    }
}
