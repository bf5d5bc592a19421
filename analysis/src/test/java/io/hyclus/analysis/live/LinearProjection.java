package io.hyclus.analysis.live;

import io.hyclus.analysis.model.Architecture;
import io.hyclus.analysis.model.EpochListener;
import io.hyclus.analysis.model.EpochRecord;
import io.hyclus.analysis.model.MinMaxScaler;
import io.hyclus.analysis.model.ModelMetadata;
import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.SpectralModel;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.analysis.model.TrainingSettings;
import io.hyclus.core.spectral.SensorKind;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A fixed linear projection standing in for a trained network in the encoder's tests: code j of a scaled spectrum x
 * is {@code sum_b x[b] * w[b][j]}, with {@code w[b][j] = sin(factor * (b + 1) * (j + 1))}. Two factors give two
 * distinguishable "versions".
 */
final class LinearProjection implements SpectralModel {
    private final int bands;
    private final int codeSize;
    private final double[] w;

    LinearProjection(int bands, int codeSize, double factor) {
        this.bands = bands;
        this.codeSize = codeSize;
        this.w = new double[bands * codeSize];
        for (int b = 0; b < bands; b++) {
            for (int j = 0; j < codeSize; j++) {
                w[b * codeSize + j] = Math.sin(factor * (b + 1) * (j + 1));
            }
        }
    }

    /** A trained model for {@code kind} on {@code wavelengthNm}, scaler min 0 and max 1 in every band. */
    static TrainedModel trained(ModelRef ref, SensorKind kind, double[] wavelengthNm, int codeSize, double factor) {
        ModelSpec spec = new ModelSpec(Architecture.PCA, codeSize);
        ModelMetadata meta = new ModelMetadata(ref, spec, kind, wavelengthNm, 7, "sha256-of-" + ref.name(),
                List.of("scan-0/T-1"), "none", List.of(), "test", Instant.EPOCH, Map.of());
        float[] max = new float[wavelengthNm.length];
        Arrays.fill(max, 1f);
        return new TrainedModel(meta, new MinMaxScaler(new float[wavelengthNm.length], max),
                new LinearProjection(wavelengthNm.length, codeSize, factor));
    }

    @Override
    public ModelSpec spec() {
        return new ModelSpec(Architecture.PCA, codeSize);
    }

    @Override
    public int bands() {
        return bands;
    }

    @Override
    public List<EpochRecord> fit(SpectraBlock train, SpectraBlock validation, TrainingSettings settings,
                                 EpochListener listener) {
        throw new UnsupportedOperationException("a fixed projection is not trained");
    }

    @Override
    public SpectraBlock encode(SpectraBlock scaled) {
        float[] out = new float[scaled.rows() * codeSize];
        for (int r = 0; r < scaled.rows(); r++) {
            for (int j = 0; j < codeSize; j++) {
                double sum = 0;
                for (int b = 0; b < bands; b++) {
                    sum += scaled.get(r, b) * w[b * codeSize + j];
                }
                out[r * codeSize + j] = (float) sum;
            }
        }
        return new SpectraBlock(out, scaled.rows(), codeSize);
    }

    @Override
    public SpectraBlock decode(SpectraBlock codes) {
        throw new UnsupportedOperationException("not needed by the encoder");
    }

    @Override
    public void save(Path dir) {
        throw new UnsupportedOperationException("not needed by the encoder");
    }
}
