package io.hyclus.app.demo;

import io.hyclus.acquisition.sync.ScanReport;
import io.hyclus.analysis.live.EncodedSample;
import io.hyclus.analysis.livemap.SamplePlacement;
import io.hyclus.container.SampleSpectra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a demo scan produced: the scan report, the containers read back, where they are, each sample's codes from the
 * live encoder (empty for a sample it dead-lettered or had no model for), how the live map placed each sample with
 * codes of its camera, the map version after the last of them, and how long it took.
 */
public record DemoResult(ScanReport scan, String bootstrapServers, Path outputDir, List<SampleSpectra> samples,
                         Map<String, Optional<EncodedSample>> codes, Map<String, SamplePlacement> map, int mapVersion,
                         Duration elapsed) {
    public DemoResult {
        samples = List.copyOf(samples);
        codes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(codes));
        map = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }
}
