package io.hyclus.analysis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class DenseAutoencoderTest {
    private static final int D = 48;

    /** Parameters of a chain of dense layers through the given widths (weights + biases). */
    private static long chainParams(int... widths) {
        long n = 0;
        for (int i = 0; i + 1 < widths.length; i++) {
            n += (long) widths[i] * widths[i + 1] + widths[i + 1];
        }
        return n;
    }

    private static List<Long> layerOutputs(MultiLayerNetwork net) {
        List<Long> out = new ArrayList<>();
        for (Layer l : net.getLayers()) {
            out.add(l.getParam("b").length());
        }
        return out;
    }

    @Test
    void untrained_code4_hasStudyLayersAndParameterCount() {
        DenseAutoencoder ae = DenseAutoencoder.untrained(224, 4, 1);
        assertEquals(List.of(128L, 64L, 32L, 16L, 4L, 16L, 32L, 64L, 128L, 224L), layerOutputs(ae.network()));
        assertEquals(chainParams(224, 128, 64, 32, 16, 4, 16, 32, 64, 128, 224), ae.network().numParams());
    }

    @Test
    void untrained_code16_hasNoDuplicate16Layer() {
        DenseAutoencoder ae = DenseAutoencoder.untrained(224, 16, 1);
        assertEquals(List.of(128L, 64L, 32L, 16L, 32L, 64L, 128L, 224L), layerOutputs(ae.network()));
        assertEquals(chainParams(224, 128, 64, 32, 16, 32, 64, 128, 224), ae.network().numParams());
    }

    @Test
    void untrained_weightsOrthogonal_biasesZero() {
        DenseAutoencoder ae = DenseAutoencoder.untrained(224, 4, 3);
        for (Layer l : ae.network().getLayers()) {
            INDArray w = l.getParam("W");   // nIn x nOut
            INDArray gram = w.rows() >= w.columns() ? w.transpose().mmul(w) : w.mmul(w.transpose());
            for (int i = 0; i < gram.rows(); i++) {
                for (int j = 0; j < gram.columns(); j++) {
                    assertEquals(i == j ? 1.0 : 0.0, gram.getDouble(i, j), 1e-5);
                }
            }
            assertEquals(0.0, l.getParam("b").norm1Number().doubleValue());
        }
    }

    @Test
    void fit_smoothSpectra_lossDecreasesAndRecordsEpochs() {
        SpectraBlock all = SmoothSpectra.generate(2000, D, 5);
        DenseAutoencoder ae = DenseAutoencoder.untrained(D, 4, 5);
        SpectraBlock val = SmoothSpectra.rows(all, 1800, 2000);
        double before = Losses.binaryCrossEntropy(val, ae.reconstruct(val));
        List<EpochRecord> heard = new ArrayList<>();
        List<EpochRecord> records = ae.fit(SmoothSpectra.rows(all, 0, 1800), val,
                TrainingSettings.study(5).withMaxEpochs(3), (r, max) -> heard.add(r));
        assertEquals(3, records.size());
        assertEquals(records, heard);
        assertTrue(records.get(2).validationLoss() < records.get(0).validationLoss(), records.toString());
        assertTrue(records.get(2).validationLoss() < before, before + " then " + records);
        assertEquals(1e-3, records.get(0).learningRate());
        // the weights kept are those of the best epoch by early stopping's rule (improvement by more than 1e-4)
        EarlyStopping replay = new EarlyStopping(5, 1e-4);
        records.forEach(r -> replay.observe(r.epoch(), r.validationLoss()));
        assertEquals(records.get(replay.bestEpoch() - 1).validationLoss(),
                Losses.binaryCrossEntropy(val, ae.reconstruct(val)), 1e-6);
        assertTrue(records.get(0).samplesPerSecond() > 0 && records.get(0).seconds() > 0);
    }

    @Test
    void fit_noImprovementByMinDelta_cutsRateStopsAndRestoresFirstEpoch() {
        SpectraBlock all = SmoothSpectra.generate(600, D, 6);
        SpectraBlock val = SmoothSpectra.rows(all, 500, 600);
        // min delta 1.0: only the first epoch counts as an improvement
        TrainingSettings settings = new TrainingSettings(6, 64, 30, 1e-3, 0.9, 1e-7, 2, 1, 0.1, 1e-6, 1.0, 1);
        DenseAutoencoder ae = DenseAutoencoder.untrained(D, 4, 6);
        List<EpochRecord> records = ae.fit(SmoothSpectra.rows(all, 0, 500), val, settings, EpochListener.NONE);
        assertEquals(3, records.size());
        assertEquals(1e-3, records.get(0).learningRate());
        assertEquals(1e-3, records.get(1).learningRate());
        assertEquals(1e-4, records.get(2).learningRate(), 1e-12);
        assertTrue(records.get(2).validationLoss() < records.get(0).validationLoss(), records.toString());
        assertEquals(records.get(0).validationLoss(), Losses.binaryCrossEntropy(val, ae.reconstruct(val)), 1e-6);
    }

    @Test
    void fit_sameSeed_sameCodes() {
        SpectraBlock all = SmoothSpectra.generate(300, D, 9);
        SpectraBlock train = SmoothSpectra.rows(all, 0, 256);
        SpectraBlock val = SmoothSpectra.rows(all, 256, 300);
        float[][] codes = new float[2][];
        for (int run = 0; run < 2; run++) {
            DenseAutoencoder ae = DenseAutoencoder.untrained(D, 4, 11);
            ae.fit(train, val, TrainingSettings.study(11).withMaxEpochs(2), EpochListener.NONE);
            codes[run] = ae.encode(val).values();
        }
        assertArrayEquals(codes[0], codes[1]);
    }

    @Test
    void decode_ofEncode_equalsWholeNetworkOutput() {
        SpectraBlock x = SmoothSpectra.generate(70, D, 2);
        DenseAutoencoder ae = DenseAutoencoder.untrained(D, 4, 2);
        ae.fit(x, SmoothSpectra.rows(x, 0, 10), TrainingSettings.study(2).withMaxEpochs(1), EpochListener.NONE);
        SpectraBlock codes = ae.encode(x);
        assertEquals(70, codes.rows());
        assertEquals(4, codes.bands());
        for (float c : codes.values()) {
            assertTrue(c > -1 && c < 1, "tanh code " + c);
        }
        assertArrayEquals(ae.reconstruct(x).values(), ae.decode(codes).values(), 1e-6f);
    }

    @Test
    void encode_equalsCodeLayerActivationsOfWholeNetwork() {
        SpectraBlock x = SmoothSpectra.generate(50, D, 8);
        DenseAutoencoder ae = DenseAutoencoder.untrained(D, 4, 8);
        ae.fit(x, SmoothSpectra.rows(x, 0, 10), TrainingSettings.study(8).withMaxEpochs(1), EpochListener.NONE);
        INDArray in = org.nd4j.linalg.factory.Nd4j.create(x.values(), new long[]{50, D}, 'c');
        // activations: [input, layer 0, ..., layer 4 = the code]
        INDArray code = ae.network().feedForwardToLayer(4, in, false).get(5);
        assertArrayEquals(code.dup('c').data().asFloat(), ae.encode(x).values(), 1e-6f);
    }

    @Test
    void save_load_roundTripGivesIdenticalCodes(@TempDir Path dir) {
        SpectraBlock x = SmoothSpectra.generate(40, D, 4);
        DenseAutoencoder ae = DenseAutoencoder.untrained(D, 16, 4);
        ae.save(dir);
        DenseAutoencoder back = DenseAutoencoder.load(dir, new ModelSpec(Architecture.DENSE, 16), D);
        assertArrayEquals(ae.encode(x).values(), back.encode(x).values());
        assertArrayEquals(ae.reconstruct(x).values(), back.reconstruct(x).values());
    }

    @Test
    void load_truncatedFile_throwsNamingFile(@TempDir Path dir) throws IOException {
        DenseAutoencoder.untrained(D, 4, 4).save(dir);
        Path file = dir.resolve("network.zip");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ModelException e = assertThrows(ModelException.class,
                () -> DenseAutoencoder.load(dir, new ModelSpec(Architecture.DENSE, 4), D));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void load_corruptFile_throwsNamingFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("network.zip");
        Files.write(file, "not a zip at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ModelException e = assertThrows(ModelException.class,
                () -> DenseAutoencoder.load(dir, new ModelSpec(Architecture.DENSE, 4), D));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void load_missingFile_throwsNamingFile(@TempDir Path dir) {
        ModelException e = assertThrows(ModelException.class,
                () -> DenseAutoencoder.load(dir, new ModelSpec(Architecture.DENSE, 4), D));
        assertTrue(e.getMessage().contains(dir.resolve("network.zip").toString()), e.getMessage());
    }

    @Test
    void load_otherBandsOrCodeSize_throws(@TempDir Path dir) {
        DenseAutoencoder.untrained(D, 4, 4).save(dir);
        ModelException bands = assertThrows(ModelException.class,
                () -> DenseAutoencoder.load(dir, new ModelSpec(Architecture.DENSE, 4), D + 1));
        assertTrue(bands.getMessage().contains("49 bands"), bands.getMessage());
        assertThrows(ModelException.class, () -> DenseAutoencoder.load(dir, new ModelSpec(Architecture.DENSE, 16), D));
    }

    @Test
    void encode_wrongBandCount_throws() {
        DenseAutoencoder ae = DenseAutoencoder.untrained(D, 4, 4);
        ModelException e = assertThrows(ModelException.class, () -> ae.encode(SmoothSpectra.generate(3, D + 2, 1)));
        assertTrue(e.getMessage().contains("50"), e.getMessage());
    }
}
