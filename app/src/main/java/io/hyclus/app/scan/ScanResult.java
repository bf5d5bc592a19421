package io.hyclus.app.scan;

import io.hyclus.acquisition.sync.ExposureChoice;
import io.hyclus.acquisition.sync.ScanReport;
import io.hyclus.core.scan.SampleContainerWritten;

import java.nio.file.Path;
import java.util.List;

/**
 * What one {@code hyclus scan} did.
 *
 * @param exposures  auto-exposure's choice per camera (empty when off or replaying)
 * @param captures   scan headers of the ENVI captures kept (empty without --save-envi)
 * @param containers the per-sample containers segmentation wrote
 */
public record ScanResult(ScanReport report, List<ExposureChoice> exposures, List<Path> captures,
                         List<SampleContainerWritten> containers) {
    public ScanResult {
        exposures = List.copyOf(exposures);
        captures = List.copyOf(captures);
        containers = List.copyOf(containers);
    }
}
