package io.hyclus.report;

import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * One sample of the campaign, as its container's root attributes describe it.
 *
 * @param key {@code scanId/sampleId}, unique in a campaign
 */
public record SampleInfo(String key, String sampleId, String plant, YearMonth month, GrainSizeFraction fraction,
                         Path file) {
    public static SampleInfo of(String scanId, SampleMetadata m, Path file) {
        return new SampleInfo(scanId + "/" + m.sampleId(), m.sampleId(), m.plant(), m.month(), m.fraction(), file);
    }

    /** The class of this sample in {@code c}: the study's label ({@code Minus 100}), the plant, or {@code 2025-03}. */
    public String label(Category c) {
        return switch (c) {
            case GRAIN_SIZE -> fraction.label();
            case PLANT -> plant;
            case MONTH -> month.toString();
        };
    }
}
