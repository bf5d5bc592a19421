package io.hyclus.analysis.model;

import io.hyclus.core.spectral.SensorKind;

import java.util.Optional;

/** Where the live path finds models: the promoted version per input, and any version by reference. */
public interface ModelCatalog {
    /** The promoted model for this input's spectra, read afresh on every call (promotion may happen at any time). */
    Optional<ModelRef> promoted(SensorKind input);

    /** @throws ModelException naming the file when the version is missing, corrupt or truncated */
    TrainedModel load(ModelRef ref);
}
