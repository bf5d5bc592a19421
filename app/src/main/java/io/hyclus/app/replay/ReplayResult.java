package io.hyclus.app.replay;

import io.hyclus.analysis.live.LiveEncoder;
import io.hyclus.acquisition.sync.ScanReport;
import io.hyclus.core.scan.SampleContainerWritten;

import java.util.List;
import java.util.Map;

/**
 * One scan replayed: what was published, the containers its segmentation wrote, and how the replay's encoder handled
 * each (empty when the replay does not encode).
 */
public record ReplayResult(ScanReport report, List<SampleContainerWritten> containers,
                           Map<SampleContainerWritten, LiveEncoder.SampleOutcome> encoded) {
    public ReplayResult {
        containers = List.copyOf(containers);
        encoded = Map.copyOf(encoded);
    }
}
