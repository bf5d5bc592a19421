package io.hyclus.streaming.segment;

import io.hyclus.core.Checks;

import java.nio.file.Path;

/**
 * @param outputDir     where containers go ({@code <outputDir>/<scanId>/<sampleId>.h5})
 * @param edgeMarginMm  pixels closer than this to a sample region's edge are left out (wall shadows,
 *                      mixed pixels)
 */
public record SegmentationSettings(Path outputDir, double edgeMarginMm) {
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
