package io.hyclus.analysis.model;

import io.hyclus.analysis.training.Containers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcaModelTest {
    private static final int D = Containers.VNIR_BANDS;

    @TempDir
    Path dir;

    /** Mixtures of three endmembers, scaled to [0, 1] (max of each band 1 at most already, min above 0). */
    static SpectraBlock data(int n, long seed, double noise) {
        return SpectraBlock.of(Containers.mixtures(n, seed, noise));
    }

    static PcaModel fitted(SpectraBlock train, SpectraBlock val, int k) {
        PcaModel m = (PcaModel) PcaModel.untrained(D, k, 0);
        m.fit(train, val, TrainingSettings.study(1), EpochListener.NONE);
        return m;
    }

    @Test
    void fit_rankThreeData_threeComponentsReconstructExactly_oneEpochRecordWithTheLosses() {
        SpectraBlock train = data(500, 1, 0);
        SpectraBlock val = data(100, 2, 0);
        PcaModel m = (PcaModel) PcaModel.untrained(D, 3, 0);
        List<EpochRecord> told = new java.util.ArrayList<>();
        List<EpochRecord> epochs = m.fit(train, val, TrainingSettings.study(1), (r, max) -> told.add(r));

        SpectraBlock back = m.decode(m.encode(val));
        for (int i = 0; i < val.values().length; i++) {
            assertEquals(val.values()[i], back.values()[i], 1e-5, "value " + i);
        }
        assertEquals(1, epochs.size());
        assertEquals(epochs, told);
        assertEquals(Losses.binaryCrossEntropy(train, m.decode(m.encode(train))), epochs.get(0).trainLoss(), 1e-12);
        assertEquals(Losses.binaryCrossEntropy(val, back), epochs.get(0).validationLoss(), 1e-12);
        assertEquals(1, epochs.get(0).epoch());
    }

    @Test
    void fit_componentsOrthonormal_firstIsPowerIterationDirection_largestLoadingPositive() {
        SpectraBlock train = data(800, 3, 0.05);
        PcaModel m = fitted(train, data(10, 4, 0.05), 4);
        double[] v = m.components();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                double dot = 0;
                for (int i = 0; i < D; i++) {
                    dot += v[i * 4 + a] * v[i * 4 + b];
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-9, "components " + a + " . " + b);
            }
            int arg = 0;
            for (int i = 1; i < D; i++) {
                if (Math.abs(v[i * 4 + a]) > Math.abs(v[arg * 4 + a])) {
                    arg = i;
                }
            }
            assertTrue(v[arg * 4 + a] > 0, "component " + a + " has its largest loading positive");
        }
        double[] mean = new double[D];
        for (int r = 0; r < train.rows(); r++) {
            for (int i = 0; i < D; i++) {
                mean[i] += train.get(r, i) / (double) train.rows();
            }
        }
        assertArrayEquals(mean, m.mean(), 1e-9);
        double[] p = powerIteration(train, mean);
        double dot = 0;
        for (int i = 0; i < D; i++) {
            dot += p[i] * v[i * 4];
        }
        assertEquals(1, Math.abs(dot), 1e-6, "first component is the covariance's leading eigenvector");
    }

    private static double[] powerIteration(SpectraBlock s, double[] mean) {
        double[] x = new double[D];
        java.util.Arrays.fill(x, 1);
        for (int it = 0; it < 500; it++) {
            double[] y = new double[D];
            for (int r = 0; r < s.rows(); r++) {
                double dot = 0;
                for (int i = 0; i < D; i++) {
                    dot += (s.get(r, i) - mean[i]) * x[i];
                }
                for (int i = 0; i < D; i++) {
                    y[i] += (s.get(r, i) - mean[i]) * dot;
                }
            }
            double norm = Math.sqrt(java.util.Arrays.stream(y).map(a -> a * a).sum());
            for (int i = 0; i < D; i++) {
                x[i] = y[i] / norm;
            }
        }
        return x;
    }

    @Test
    void fit_moreComponents_lowerLoss_andTwoFitsAreIdentical() {
        SpectraBlock train = data(600, 5, 0.05);
        SpectraBlock val = data(100, 6, 0.05);
        double l1 = fitted(train, val, 1).fit(train, val, TrainingSettings.study(1), EpochListener.NONE).get(0).validationLoss();
        double l3 = fitted(train, val, 3).fit(train, val, TrainingSettings.study(1), EpochListener.NONE).get(0).validationLoss();
        assertTrue(l3 < l1, "3 components " + l3 + " < 1 component " + l1);
        assertArrayEquals(fitted(train, val, 3).components(), fitted(train, val, 3).components());
    }

    @Test
    void saveLoad_sameCodesBitForBit() {
        SpectraBlock train = data(300, 7, 0.02);
        PcaModel m = fitted(train, data(10, 8, 0.02), 4);
        m.save(dir);
        assertEquals(PcaFile.length(D, 4), dir.resolve(PcaFile.NAME).toFile().length());
        SpectralModel back = PcaModel.load(dir, new ModelSpec(Architecture.PCA, 4), D);
        assertArrayEquals(m.encode(train).values(), back.encode(train).values());
        assertArrayEquals(m.decode(m.encode(train)).values(), back.decode(back.encode(train)).values());
    }

    @Test
    void load_truncatedCorruptMissingOrOtherSize_throwsNamingTheFile() throws IOException {
        fitted(data(300, 9, 0.02), data(10, 10, 0.02), 4).save(dir);
        Path f = dir.resolve(PcaFile.NAME);
        byte[] good = Files.readAllBytes(f);
        ModelSpec spec = new ModelSpec(Architecture.PCA, 4);

        Files.write(f, java.util.Arrays.copyOf(good, good.length - 5));
        assertMessage(() -> PcaModel.load(dir, spec, D), f + " is truncated: " + (good.length - 5) + " bytes, expected " + good.length);

        byte[] bad = good.clone();
        bad[100] ^= 1;
        Files.write(f, bad);
        assertMessage(() -> PcaModel.load(dir, spec, D), "PCA weights file " + f + " is corrupt: CRC-32");

        Files.write(f, good);
        assertMessage(() -> PcaModel.load(dir, new ModelSpec(Architecture.PCA, 5), D),
                f + " holds " + D + " bands x 4 components, the model's metadata says " + D + " x 5");

        Files.write(f, new byte[] {1, 2, 3});
        assertMessage(() -> PcaModel.load(dir, spec, D), f + " is truncated: 3 bytes");

        Files.delete(f);
        assertMessage(() -> PcaModel.load(dir, spec, D), "PCA weights file " + f + " is missing");
    }

    @Test
    void untrained_codeSizeAboveBands_throws() {
        assertThrows(IllegalArgumentException.class, () -> PcaModel.untrained(3, 4, 0));
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        ModelException e = assertThrows(ModelException.class, call);
        assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should contain '" + part + "'");
    }
}
