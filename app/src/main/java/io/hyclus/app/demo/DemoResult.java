package io.hyclus.app.demo;

import io.hyclus.acquisition.sync.ScanReport;
import io.hyclus.container.SampleSpectra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a demo scan produced: the scan report, the containers read back, where they are, and how long it took. */
public record DemoResult(ScanReport scan, String bootstrapServers, Path outputDir, List<SampleSpectra> samples,
                         Duration elapsed) {
    public DemoResult {
        samples = List.copyOf(samples);
    }
}
