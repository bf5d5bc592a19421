package io.hyclus.core.tray;

import io.hyclus.core.Checks;

/**
 * One container on a tray. {@code region} is the sample surface inside the container walls, in tray
 * millimetres; only pixels inside it belong to the sample.
 */
public record TraySlot(int index, SampleMetadata sample, RegionMm region) {

    public TraySlot {
        if (index < 0) {
            throw new IllegalArgumentException("slot index must not be negative: " + index);
        }
        Checks.notNull("sample of slot " + index, sample);
        Checks.notNull("region of slot " + index, region);
    }
}
