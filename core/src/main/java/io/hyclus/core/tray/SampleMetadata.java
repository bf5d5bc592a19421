package io.hyclus.core.tray;

import io.hyclus.core.Checks;

import java.time.YearMonth;

/**
 * What the lab knows about one composite sample.
 *
 * @param sampleId identifier, safe as a file name (e.g. {@code P1-2024-03-M100})
 * @param plant    plant of origin (e.g. {@code Plant-1})
 * @param month    month the composite covers
 * @param fraction grain-size fraction
 */
public record SampleMetadata(String sampleId, String plant, YearMonth month, GrainSizeFraction fraction) {

    public SampleMetadata {
        Checks.identifier("sample id", sampleId);
        Checks.notBlank("plant", plant);
        Checks.notNull("month of sample " + sampleId, month);
        Checks.notNull("grain-size fraction of sample " + sampleId, fraction);
    }
}
