package io.hyclus.report;

import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code hyclus report} is told, read once at the entry point. Defaults (docs/report.md) are the constants
 * below.
 *
 * @param samples          folder of sample containers, searched recursively
 * @param out              where report.html, the SVG figures and the CSV files go (created)
 * @param registry         model registry to take the models from; models absent there are trained on the fly
 *                         unless {@code trainMissing} is false
 * @param cameras          cameras reported, each alone (STITCHED: the stitched 400-2500 nm spectra)
 * @param models           the representations, in order
 * @param spectraPerSample seeded random subsample per sample and camera (the study had ~300k spectra in all)
 * @param maxEpochs        most epochs of an autoencoder trained on the fly (early stopping may end sooner)
 * @param mapPoints        seeded subsample of spectra for t-SNE, k-means and the SOM
 * @param testFraction     share of spectra (random split) or of each class's samples (held-out split) tested on
 * @param seed             drives subsampling, splits, training, classifier, k-means, SOM and t-SNE
 * @param threads          training and t-SNE threads
 */
public record ReportSettings(Path samples, Path out, Optional<Path> registry, boolean trainMissing,
                             List<SensorKind> cameras, List<ModelSpec> models, int spectraPerSample, int maxEpochs,
                             int mapPoints, double testFraction, long seed, int threads) {
    public static final int DEFAULT_SPECTRA_PER_SAMPLE = 300;
    public static final int DEFAULT_MAX_EPOCHS = 30;
    public static final int DEFAULT_MAP_POINTS = 3000;
    public static final double DEFAULT_TEST_FRACTION = 0.25;
    public static final long DEFAULT_SEED = 1;

    public ReportSettings {
        Checks.notNull("samples folder", samples);
        Checks.notNull("output folder", out);
        Checks.notNull("registry", registry);
        cameras = List.copyOf(cameras);
        models = List.copyOf(models);
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("no camera to report");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no representation to report");
        }
        Checks.positive("spectra per sample", spectraPerSample);
        Checks.positive("maximum epochs", maxEpochs);
        if (mapPoints < 100) {
            throw new IllegalArgumentException("map points must be at least 100, got " + mapPoints);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        Checks.positive("threads", threads);
    }

    /** The study's four representations: PCA (16 components), dense AE-4, dense AE-16, convolutional AE-16. */
    public static List<ModelSpec> studyModels() {
        return List.of(new ModelSpec(io.hyclus.analysis.model.Architecture.PCA, 16),
                new ModelSpec(io.hyclus.analysis.model.Architecture.DENSE, 4),
                new ModelSpec(io.hyclus.analysis.model.Architecture.DENSE, 16),
                new ModelSpec(io.hyclus.analysis.model.Architecture.CONV1D, 16));
    }

    /** Defaults for everything but the folders. */
    public static ReportSettings defaults(Path samples, Path out) {
        return new ReportSettings(samples, out, Optional.empty(), true,
                List.of(SensorKind.VNIR, SensorKind.SWIR, SensorKind.STITCHED),
                studyModels(), DEFAULT_SPECTRA_PER_SAMPLE, DEFAULT_MAX_EPOCHS, DEFAULT_MAP_POINTS,
                DEFAULT_TEST_FRACTION, DEFAULT_SEED, 1);
    }
}
