package io.hyclus.streaming.segment;

import io.hyclus.core.Checks;

import java.nio.file.Path;

/**
 * @param outputDir     where containers go ({@code <outputDir>/<scanId>/<sampleId>.h5})
 * @param edgeMarginMm  pixels closer than this to a sample region's edge are left out (wall shadows,
 *                      mixed pixels)
 */
public record SegmentationSettings(Path outputDir, double edgeMarginMm) {
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
    }

    /** 3 mm edge margin: beyond the simulated 2 mm wall shadow. */
    public static SegmentationSettings in(Path outputDir) {
        return new SegmentationSettings(outputDir, 3.0);
    }
}
