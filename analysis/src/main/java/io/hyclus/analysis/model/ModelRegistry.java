package io.hyclus.analysis.model;

import io.hyclus.core.spectral.SensorKind;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Placeholder (issue 9): the versioned model registry in a directory. The API below is fixed; the storage is to be
 * written.
 */
public final class ModelRegistry implements ModelCatalog {
    private final Path dir;

    private ModelRegistry(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating if missing) the registry in {@code dir}. */
    public static ModelRegistry open(Path dir) {
        return new ModelRegistry(dir);
    }

    public Path dir() {
        return dir;
    }

    /**
     * Stores {@code model} as the next version of {@code model.ref().name()} (the version in its ref is ignored) and
     * returns the ref it got. Written to a temporary folder and renamed: a reader never sees half a version.
     */
    public ModelRef save(TrainedModel model) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Makes {@code ref} the promoted model for its input (atomically replacing the pointer). */
    public void promote(ModelRef ref) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Optional<ModelRef> promoted(SensorKind input) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public TrainedModel load(ModelRef ref) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Every stored version, by name then version. */
    public List<ModelRef> versions() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * When nothing is promoted for an input, copies the pretrained models shipped with HyClus for it into the registry
     * and promotes them, so the live path works on first run.
     *
     * @return the refs promoted now (empty if every input already had a promoted model)
     */
    public List<ModelRef> seedPretrainedIfMissing() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
