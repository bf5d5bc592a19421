package io.hyclus.acquisition.sync;

import java.util.List;

/** What a finished scan published: line count and every recorded degradation. */
public record ScanReport(String scanId, long lines, List<String> degradations) {
    public ScanReport {
        degradations = List.copyOf(degradations);
    }
}
