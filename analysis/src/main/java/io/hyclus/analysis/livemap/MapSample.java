package io.hyclus.analysis.livemap;

import io.hyclus.core.Checks;
import io.hyclus.core.tray.SampleMetadata;

/**
 * A sample as the map knows it: where it came from and which model made its codes.
 *
 * @param scanId   scan the sample was cut from
 * @param metadata id, plant, month, grain-size fraction
 * @param modelRef the model version of its codes, e.g. {@code dense-ae-16-vnir@1}
 */
public record MapSample(String scanId, SampleMetadata metadata, String modelRef) {
    public MapSample {
        Checks.identifier("scan id", scanId);
        Checks.notNull("sample metadata", metadata);
        Checks.notBlank("model reference of sample " + metadata.sampleId(), modelRef);
    }

    /** {@code scanId/sampleId}, the topics' key. */
    public String key() {
        return scanId + "/" + metadata.sampleId();
    }

    @Override
    public String toString() {
        return metadata.sampleId() + " (scan " + scanId + ", " + modelRef + ")";
    }
}
