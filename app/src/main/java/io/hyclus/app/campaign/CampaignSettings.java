package io.hyclus.app.campaign;

import io.hyclus.acquisition.publish.PublishSettings;
import io.hyclus.acquisition.stitch.StitchSettings;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.app.pipeline.PipelineSettings;
import io.hyclus.app.rig.RigSettings;
import io.hyclus.core.Checks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * @param trays          how many of the campaign's 12 trays (6 samples each) to scan
 * @param beltSpeedMmPerSecond belt speed during lines; line pitch = speed / frame rate
 * @param timeout        longest wait for one tray's containers
 * @param stitch         how VNIR and SWIR lines are stitched (docs/stitching.md), or empty for none
 * @param publish        how scanlines are encoded on {@code hyclus.scan-events} (docs/scanline-codec.md)
 */
public record CampaignSettings(PipelineSettings pipeline, Optional<Path> libraryDir, RigSettings rig, int trays,
                               double beltSpeedMmPerSecond, Duration timeout, boolean exitWhenDone,
                               Optional<StitchSettings> stitch, PublishSettings publish) {
    public static final int SAMPLES_PER_TRAY = 6;
    public static final int CAMPAIGN_TRAYS = 12;

    public CampaignSettings {
        Checks.notNull("pipeline settings", pipeline);
        Checks.notNull("library directory", libraryDir);
        Checks.notNull("rig settings", rig);
        if (trays < 1 || trays > CAMPAIGN_TRAYS) {
            throw new IllegalArgumentException("trays must be 1-" + CAMPAIGN_TRAYS + ": " + trays);
        }
        Checks.positive("belt speed (mm/s)", beltSpeedMmPerSecond);
        Checks.notNull("timeout", timeout);
        Checks.positive("timeout (s)", timeout.toSeconds());
        Checks.notNull("stitch settings", stitch);
        Checks.notNull("publish settings", publish);
    }

    /** The scan: the default settings at this belt speed. */
    public SyncScanSettings scan() {
        return SyncScanSettings.defaults(beltSpeedMmPerSecond);
    }
}
