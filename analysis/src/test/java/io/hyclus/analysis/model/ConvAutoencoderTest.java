package io.hyclus.analysis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvAutoencoderTest {
    /** conv 1x7 /2 (1→8), conv 1x5 /2 (8→16), dense 16*ceil(ceil(D/2)/2)→64→k, decoder k→128→D. */
    private static long expectedParams(int d, int k) {
        long flat = 16L * (((d + 1) / 2 + 1) / 2);
        return (7 * 8 + 8) + (8 * 5 * 16 + 16) + (flat * 64 + 64) + (64L * k + k)
                + (k * 128L + 128) + (128L * d + d);
    }

    @ParameterizedTest
    @ValueSource(ints = {224, 288, 61})
    void untrained_shapesAndParameterCount(int d) {
        ConvAutoencoder ae = ConvAutoencoder.untrained(d, 16, 1);
        assertEquals(expectedParams(d, 16), ae.network().numParams());
        SpectraBlock x = SmoothSpectra.generate(5, d, 1);
        SpectraBlock codes = ae.encode(x);
        assertEquals(5, codes.rows());
        assertEquals(16, codes.bands());
        SpectraBlock back = ae.decode(codes);
        assertEquals(d, back.bands());
        assertArrayEquals(ae.reconstruct(x).values(), back.values(), 1e-6f);
        for (float v : back.values()) {
            assertTrue(v > 0 && v < 1, "sigmoid output " + v);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {64})
    void fit_lossDecreases_andRoundTrips(int d, @TempDir Path dir) {
        SpectraBlock all = SmoothSpectra.generate(400, d, 3);
        SpectraBlock val = SmoothSpectra.rows(all, 350, 400);
        ConvAutoencoder ae = ConvAutoencoder.untrained(d, 16, 3);
        var records = ae.fit(SmoothSpectra.rows(all, 0, 350), val, TrainingSettings.study(3).withMaxEpochs(3),
                EpochListener.NONE);
        assertTrue(records.get(2).validationLoss() < records.get(0).validationLoss(), records.toString());
        ae.save(dir);
        ConvAutoencoder back = ConvAutoencoder.load(dir, new ModelSpec(Architecture.CONV1D, 16), d);
        assertArrayEquals(ae.encode(val).values(), back.encode(val).values());
    }
}
