package io.hyclus.analysis.model;

import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A registry version kept as written by the first formats (model.json hyclus-model/1, pca.bin 1), on the test class
 * path as a pretrained bundle: seeding copies, verifies and promotes it, and it encodes the probe spectra to the codes
 * recorded when it was written.
 */
class PretrainedFixtureTest {
    private static final String ROOT = "io/hyclus/analysis/model/testbundle";

    @TempDir
    Path dir;

    @Test
    void seed_fromTestClassPath_thenEncodesKnownSpectraToKnownCodes() throws IOException {
        ModelRegistry reg = ModelRegistry.open(dir);
        List<ModelRef> seeded = reg.seedPretrainedIfMissing(getClass().getClassLoader(), ROOT);
        assertEquals(List.of(new ModelRef("pca-3-vnir", 1)), seeded);
        assertEquals(Optional.of(seeded.get(0)), reg.promoted(SensorKind.VNIR));
        assertEquals(Optional.empty(), reg.promoted(SensorKind.SWIR), "the bundle has no SWIR model");

        TrainedModel m = reg.load(seeded.get(0));
        assertEquals(new ModelSpec(Architecture.PCA, 3), m.metadata().spec());
        assertEquals(5, m.metadata().seed());
        assertEquals("pretrained bundle on the class path: " + ROOT + "/pca-3-vnir/v1 (pca-3-vnir@1)",
                m.metadata().provenance().get(ModelRegistry.ORIGIN));
        m.checkGrid(new double[] {450, 550, 650, 750, 850, 950}, "probe");

        List<String> lines;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ROOT + "/expected-codes.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
        }
        assertEquals(3, lines.size());
        for (String line : lines) {
            String[] parts = line.split(";");
            float[] spectrum = floats(parts[0]);
            float[] codes = floats(parts[1]);
            assertArrayEquals(codes, m.encode(new SpectraBlock(spectrum, 1, spectrum.length)).values(), line);
        }
    }

    private static float[] floats(String text) {
        String[] t = text.strip().split(" ");
        float[] out = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = Float.parseFloat(t[i]);
        }
        return out;
    }

    @Test
    void fixtureFiles_areTheOnesIndexed() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ROOT + "/index.txt")) {
            List<String> listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            assertEquals(List.of("pca-3-vnir/v1/model.json", "pca-3-vnir/v1/pca.bin"), listed);
        }
        for (String f : List.of("model.json", "pca.bin")) {
            assertNotNull(getClass().getClassLoader().getResource(ROOT + "/pca-3-vnir/v1/" + f), f);
        }
    }
}
