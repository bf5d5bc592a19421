package io.hyclus.simulator.scene;

import io.hyclus.core.Checks;
import io.hyclus.core.tray.SampleMetadata;

/** A sample the simulator can show: its metadata and the mineral mixture it is made of. */
public record SimulatedSample(SampleMetadata metadata, MineralMixture mixture) {
    public SimulatedSample {
        Checks.notNull("sample metadata", metadata);
        Checks.notNull("mixture of " + (metadata == null ? "?" : metadata.sampleId()), mixture);
    }
}
