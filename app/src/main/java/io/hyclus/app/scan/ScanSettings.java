package io.hyclus.app.scan;

import io.hyclus.acquisition.publish.PublishSettings;
import io.hyclus.acquisition.stitch.StitchSettings;
import io.hyclus.acquisition.sync.ExposureSettings;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.app.pipeline.PipelineSettings;
import io.hyclus.app.rig.RigKind;
import io.hyclus.app.rig.RigSettings;
import io.hyclus.core.Checks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything {@code hyclus scan} needs, read once from the command line.
 *
 * @param pipeline      work directory and Kafka (embedded broker unless a cluster is given)
 * @param libraryDir    spectral library the simulated scene uses; empty: the bundled one
 * @param plan          the operator's plan; empty with {@code campaignTray} set
 * @param campaignTray  1-based campaign tray to scan instead of a plan (0: none)
 * @param rig           simulated cameras and their line rate, integration (before auto-exposure) and seed
 * @param rigKind       in process (default) or over serial pseudo-terminals
 * @param scan          belt speed and scan defaults
 * @param autoExposure  the auto-exposure settings, or empty to keep the rig's integration times
 * @param saveEnvi      keep the scan as ENVI captures below this folder
 * @param fromEnvi      replay captures from this folder instead of scanning
 * @param timeout       longest wait for the scan's containers
 * @param terminal      draw the progress bar in place (a terminal) rather than plain lines
 * @param stitch        how VNIR and SWIR lines are stitched into the STITCHED stream, or empty for none
 * @param publish       how scanlines are encoded on {@code hyclus.scan-events} (live scan and {@code --from-envi})
 */
public record ScanSettings(PipelineSettings pipeline, Optional<Path> libraryDir, Optional<ScanPlan> plan,
                           int campaignTray, RigSettings rig, RigKind rigKind, SyncScanSettings scan,
                           Optional<ExposureSettings> autoExposure, Optional<Path> saveEnvi, Optional<Path> fromEnvi,
                           Duration timeout, boolean terminal, Optional<StitchSettings> stitch,
                           PublishSettings publish) {
    /** Stitched with {@link StitchSettings#defaults()}. */
    public ScanSettings(PipelineSettings pipeline, Optional<Path> libraryDir, Optional<ScanPlan> plan, int campaignTray,
                        RigSettings rig, RigKind rigKind, SyncScanSettings scan, Optional<ExposureSettings> autoExposure,
                        Optional<Path> saveEnvi, Optional<Path> fromEnvi, Duration timeout, boolean terminal) {
        this(pipeline, libraryDir, plan, campaignTray, rig, rigKind, scan, autoExposure, saveEnvi, fromEnvi, timeout,
                terminal, Optional.of(StitchSettings.defaults()), PublishSettings.defaults());
    }

    public ScanSettings {
        Checks.notNull("pipeline settings", pipeline);
        Checks.notNull("plan", plan);
        if (fromEnvi.isEmpty() && plan.isEmpty() == (campaignTray == 0)) {
            throw new IllegalArgumentException("a scan needs either a plan file or a campaign tray, not both or neither");
        }
        if (fromEnvi.isPresent() && saveEnvi.isPresent()) {
            throw new IllegalArgumentException("--from-envi replays a capture; it cannot also save one (--save-envi)");
        }
        Checks.notNull("timeout", timeout);
        Checks.notNull("stitch settings", stitch);
        Checks.notNull("publish settings", publish);
    }
}
