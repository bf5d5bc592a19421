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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pretrained models shipped with HyClus: a fresh registry is seeded with them (one per camera, promoted), they
 * carry their provenance, and they still encode the probe spectra to the codes recorded when they were trained
 * ({@code pretrained-probes.txt}, written by scripts/PretrainedProbe.java).
 */
class BundledPretrainedTest {
    /** Float codes through tanh layers: ND4J's kernels may round differently on another CPU, not by more than this. */
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    @Test
    void freshRegistry_isSeededWithADenseAe16PerCamera_encodingTheProbesToTheRecordedCodes() throws IOException {
        ModelRegistry reg = ModelRegistry.open(dir);
        List<ModelRef> seeded = reg.seedPretrainedIfMissing();
        assertEquals(List.of(new ModelRef("dense-ae-16-vnir", 1), new ModelRef("dense-ae-16-swir", 1)),
                seeded.stream().sorted((a, b) -> b.name().compareTo(a.name())).toList());
        assertEquals(Optional.of(new ModelRef("dense-ae-16-vnir", 1)), reg.promoted(SensorKind.VNIR));
        assertEquals(Optional.of(new ModelRef("dense-ae-16-swir", 1)), reg.promoted(SensorKind.SWIR));
        assertEquals(List.of(), reg.seedPretrainedIfMissing(), "a second call seeds nothing");

        List<String> probes = probes();
        assertEquals(6, probes.size(), "three probes per model");
        for (String line : probes) {
            String[] parts = line.split(";");
            TrainedModel m = reg.load(ModelRef.parse(parts[0].strip()));
            assertEquals(new ModelSpec(Architecture.DENSE, 16), m.metadata().spec());
            assertEquals("72", m.metadata().provenance().get("data.containers"), "the simulated campaign's 72 samples");
            assertEquals(65, m.metadata().samples().size(), "65 training samples, 7 held out whole");
            assertTrue(m.metadata().provenance().get(ModelRegistry.ORIGIN).startsWith("pretrained bundle"));
            float[] spectrum = floats(parts[1]);
            float[] expected = floats(parts[2]);
            float[] codes = m.encode(new SpectraBlock(spectrum, 1, spectrum.length)).values();
            assertEquals(16, codes.length);
            for (int i = 0; i < codes.length; i++) {
                assertEquals(expected[i], codes[i], TOLERANCE, m.ref() + " code " + i + " of probe " + parts[1].substring(0, 30));
            }
        }
    }

    private List<String> probes() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("pretrained-probes.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
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
}
