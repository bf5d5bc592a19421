package io.hyclus.report;

import io.hyclus.analysis.model.Architecture;
import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.TrainedModel;

/**
 * One representation of one camera's spectra: the model and every spectrum's code.
 *
 * @param source where the model came from, in words (registry folder and version, or trained on the fly with what)
 * @param codes  the code of every row of the camera's data, rows x code size
 */
public record Representation(ModelSpec spec, TrainedModel model, String source, SpectraBlock codes) {
    /** The study's name: {@code PCA-16}, {@code dense AE-4}, {@code conv AE-16}. */
    public String title() {
        return title(spec);
    }

    public static String title(ModelSpec spec) {
        return switch (spec.architecture()) {
            case PCA -> "PCA-" + spec.codeSize();
            case DENSE -> "dense AE-" + spec.codeSize();
            case CONV1D -> "conv AE-" + spec.codeSize();
        };
    }

    /** File-name id: {@code pca-16}, {@code dense-ae-4}. */
    public String id() {
        return spec.name();
    }

    public boolean isAutoencoder() {
        return spec.architecture() != Architecture.PCA;
    }
}
