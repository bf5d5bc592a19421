package io.hyclus.analysis.training;

import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.analysis.model.TrainingSettings;
import io.hyclus.core.Checks;

import java.util.Map;

/**
 * One model to train: what, on which data, how, and whether to promote it.
 *
 * @param provenance what the caller adds to the model's provenance (e.g. {@code command} = the command line)
 */
public record TrainingJob(ModelSpec spec, TrainingDataSettings data, TrainingSettings settings, boolean promote,
                          Map<String, String> provenance) {
    public TrainingJob {
        Checks.notNull("model spec", spec);
        Checks.notNull("training data settings", data);
        Checks.notNull("training settings", settings);
        provenance = Map.copyOf(provenance);
        if (settings.seed() != data.seed()) {
            throw new IllegalArgumentException("training seed " + settings.seed() + " differs from the data seed "
                    + data.seed() + "; one seed drives both");
        }
    }

    /** The registry name: {@code <spec name>-<camera>}, e.g. {@code dense-ae-16-vnir}. */
    public String modelName() {
        return spec.name() + "-" + data.camera().name().toLowerCase(java.util.Locale.ROOT);
    }
}
