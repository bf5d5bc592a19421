package io.hyclus.streaming.segment;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.MaterialRule;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param outputDir     where containers go ({@code <outputDir>/<scanId>/<sampleId>.h5})
 * @param edgeMarginMm  pixels closer than this to a sample region's edge are left out (wall shadows,
 *                      mixed pixels)
 * @param abandonAfter  a scan with no event (line, completion) for this long is closed as abandoned (acquisition
 *                      died): its containers are written from the lines that arrived, the abandonment recorded in their
 *                      provenance, its state removed; a completion arriving later is dead-lettered
 * @param materialRule  the material mask each sample's spectra are classified by (stored per spectrum in the
 *                      container; docs/material-mask.md)
 * @param completedRetention how long a completed scan is remembered: its start or completion arriving again within it is
 *                      dead-lettered; after it, the marker is deleted (the store would otherwise grow for ever) and a
 *                      repeat is processed again, which never shrinks the containers already written
 */
public record SegmentationSettings(Path outputDir, double edgeMarginMm, Duration abandonAfter,
                                   MaterialRule materialRule, Duration completedRetention) {
    /** Default of {@link #completedRetention()}: 7 days, Kafka's default retention of the scan events. */
    public static final Duration DEFAULT_COMPLETED_RETENTION = Duration.ofDays(7);
    /** Default of {@link #abandonAfter()}: 10 minutes (a campaign tray scans in under a minute). */
    public static final Duration DEFAULT_ABANDON_AFTER = Duration.ofMinutes(10);

    /**
     * Widest tray the belt carries, mm across the belt: the belt's usable width (the simulated campaign's trays are
     * 280 mm). A scan whose layout is wider is refused (dead-lettered), its lines with it: no camera sees beyond it.
     */
    public static final double MAX_TRAY_WIDTH_MM = 400;
    /**
     * Longest tray one scan covers, mm along the belt: the conveyor's 2000 mm travel (a 12-slot tray of the
     * simulated campaign is 525 mm). A scan whose layout is longer is refused (dead-lettered).
     */
    public static final double MAX_TRAY_LENGTH_MM = 2000;

    public SegmentationSettings {
        Checks.notNull("output directory", outputDir);
        if (!(edgeMarginMm >= 0 && edgeMarginMm < 50)) {
            throw new IllegalArgumentException("edge margin must be 0-50 mm: " + edgeMarginMm);
        }
        Checks.notNull("abandon-after time", abandonAfter);
        if (abandonAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a scan can be abandoned after 1 s at the earliest, not " + abandonAfter);
        }
        Checks.notNull("material rule", materialRule);
        Checks.notNull("completed-scan retention", completedRetention);
        if (completedRetention.compareTo(abandonAfter) < 0) {
            throw new IllegalArgumentException("completed scans must be remembered at least as long as a scan may be "
                    + "idle before it is abandoned (" + abandonAfter + "), not " + completedRetention);
        }
    }

    public SegmentationSettings(Path outputDir, double edgeMarginMm, Duration abandonAfter) {
        this(outputDir, edgeMarginMm, abandonAfter, MaterialRule.defaults(), DEFAULT_COMPLETED_RETENTION);
    }

    public SegmentationSettings(Path outputDir, double edgeMarginMm) {
        this(outputDir, edgeMarginMm, DEFAULT_ABANDON_AFTER);
    }

    public SegmentationSettings withAbandonAfter(Duration d) {
        return new SegmentationSettings(outputDir, edgeMarginMm, d, materialRule, completedRetention);
    }

    public SegmentationSettings withMaterialRule(MaterialRule rule) {
        return new SegmentationSettings(outputDir, edgeMarginMm, abandonAfter, rule, completedRetention);
    }

    public SegmentationSettings withCompletedRetention(Duration d) {
        return new SegmentationSettings(outputDir, edgeMarginMm, abandonAfter, materialRule, d);
    }

    /** How often open scans are checked for abandonment: a quarter of {@link #abandonAfter()}, at most 30 s. */
    public Duration abandonCheckInterval() {
        Duration quarter = abandonAfter.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : quarter;
    }

    /** 3 mm edge margin: beyond the simulated 2 mm wall shadow. */
    public static SegmentationSettings in(Path outputDir) {
        return new SegmentationSettings(outputDir, 3.0);
    }
}
