package io.hyclus.app.campaign;

import io.hyclus.acquisition.sync.ScanReport;
import io.hyclus.core.scan.SampleContainerWritten;

import java.util.List;

/** One scanned tray: the scan's report and its containers. */
public record TrayOutcome(String trayId, ScanReport scan, List<SampleContainerWritten> containers) {
    public TrayOutcome {
        containers = List.copyOf(containers);
    }
}
