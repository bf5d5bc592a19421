package io.hyclus.report;

import io.hyclus.analysis.model.Architecture;
import io.hyclus.analysis.model.ModelSpec;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The reference study's accuracies (random-spectra split, per spectrum): PCA 0.86 / 0.41 / 0.11, dense AE-4
 * 0.95 / 0.57 / 0.24, CNN AE-16 0.97 / 0.65 / 0.33 for grain size / plant / month. It reported no dense AE-16.
 */
final class StudyFigures {
    private static final Map<String, double[]> ACCURACY = Map.of(
            "pca", new double[] {0.86, 0.41, 0.11},
            "dense-ae-4", new double[] {0.95, 0.57, 0.24},
            "conv-ae-16", new double[] {0.97, 0.65, 0.33});

    private StudyFigures() {
    }

    static OptionalDouble accuracy(ModelSpec spec, Category c) {
        String key = spec.architecture() == Architecture.PCA ? "pca" : spec.name();
        double[] v = ACCURACY.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v[c.ordinal()]);
    }
}
