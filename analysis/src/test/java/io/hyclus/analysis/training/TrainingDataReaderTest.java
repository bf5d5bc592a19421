package io.hyclus.analysis.training;

import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static io.hyclus.core.tray.GrainSizeFraction.MINUS_100;
import static io.hyclus.core.tray.GrainSizeFraction.PLUS_100;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingDataReaderTest {
    @TempDir
    Path dir;

    /** Ten samples: plants P1/P2, months 1-5 (seed = index), both fractions, 100 + 10 i spectra, scans a and b. */
    private Path tenSamples() {
        Path samples = dir.resolve("samples");
        for (int i = 0; i < 10; i++) {
            Containers.write(samples, i < 5 ? "scan-a" : "scan-b", "S" + i, i % 2 == 0 ? "Plant-1" : "Plant-2",
                    1 + i % 5, i % 3 == 0 ? MINUS_100 : PLUS_100, 100 + 10 * i, i);
        }
        return samples;
    }

    private static TrainingDataSettings settings(Path samples, SampleFilter f, int perSample, ValidationMode mode, long seed) {
        return new TrainingDataSettings(samples, SensorKind.VNIR, f, perSample, mode, 0.2, seed);
    }

    private static List<String> all(TrainingData d) {
        List<String> out = new ArrayList<>(d.trainingSamples());
        out.addAll(d.validationSamples());
        return out.stream().sorted().distinct().toList();
    }

    @Test
    void read_filters_selectExactlyTheMatchingSamples() {
        Path samples = tenSamples();
        SampleFilter plant1 = new SampleFilter(Set.of("plant-1"), Set.of(), Set.of(), Set.of());
        assertEquals(List.of("scan-a/S0", "scan-a/S2", "scan-a/S4", "scan-b/S6", "scan-b/S8"),
                all(TrainingDataReader.read(settings(samples, plant1, 50, ValidationMode.SAMPLES, 1))));
        SampleFilter minus = new SampleFilter(Set.of(), Set.of(GrainSizeFraction.MINUS_100), Set.of(YearMonth.of(2025, 1),
                YearMonth.of(2025, 2)), Set.of());
        assertEquals(List.of("scan-a/S0", "scan-b/S6"),
                all(TrainingDataReader.read(settings(samples, minus, 50, ValidationMode.SAMPLES, 1))));
        SampleFilter scanB = new SampleFilter(Set.of("Plant-2"), Set.of(), Set.of(), Set.of("scan-b"));
        TrainingData d = TrainingDataReader.read(settings(samples, scanB, 50, ValidationMode.SAMPLES, 1));
        assertEquals(List.of("scan-b/S5", "scan-b/S7", "scan-b/S9"), all(d));
        assertEquals(3, d.containersRead());
    }

    @Test
    void read_subsample_perSampleAtMostN_rowsAreTheSamplesOwnSpectra_independentOfOtherSamples() {
        Path samples = tenSamples();
        TrainingData d = TrainingDataReader.read(settings(samples, SampleFilter.ALL, 120, ValidationMode.RANDOM, 4));
        int expected = 0;
        for (int i = 0; i < 10; i++) {
            expected += Math.min(120, 100 + 10 * i);
        }
        assertEquals(expected, d.train().rows() + d.validationSpectra().rows());
        assertEquals(Math.round(0.2 * expected), d.validationSpectra().rows());

        SampleFilter only7 = new SampleFilter(Set.of(), Set.of(), Set.of(), Set.of("scan-b"));
        TrainingData a = TrainingDataReader.read(settings(samples, only7, 60, ValidationMode.SAMPLES, 4));
        TrainingData b = TrainingDataReader.read(settings(samples, new SampleFilter(Set.of(), Set.of(), Set.of(),
                Set.of("scan-a", "scan-b")), 60, ValidationMode.SAMPLES, 4));
        Set<String> source = rows(SpectraBlock.of(Containers.mixtures(170, 7, 0.01)));
        Set<String> fromA = rowsOf(a, "scan-b/S7");
        assertEquals(60, fromA.size());
        assertTrue(source.containsAll(fromA), "every selected row is one of S7's spectra");
        assertEquals(fromA, rowsOf(b, "scan-b/S7"), "S7's subsample does not depend on the other samples selected");
        TrainingData other = TrainingDataReader.read(settings(samples, only7, 60, ValidationMode.SAMPLES, 5));
        assertNotEquals(fromA, rowsOf(other, "scan-b/S7"), "another seed, another subsample");
    }

    /** The rows of {@code key}: with whole-sample validation they are all on one side, in file order. */
    private static Set<String> rowsOf(TrainingData d, String key) {
        SpectraBlock side = d.trainingSamples().contains(key) ? d.train() : d.validationSpectra();
        List<String> keys = d.trainingSamples().contains(key) ? d.trainingSamples() : d.validationSamples();
        // samples are laid out in file order, which for these names is key order
        int before = 0;
        for (String k : keys) {
            if (k.equals(key)) {
                break;
            }
            before++;
        }
        int per = 60;
        Set<String> out = new HashSet<>();
        for (int r = before * per; r < (before + 1) * per; r++) {
            out.add(java.util.Arrays.toString(side.row(r)));
        }
        return out;
    }

    private static Set<String> rows(SpectraBlock b) {
        Set<String> out = new HashSet<>();
        for (int r = 0; r < b.rows(); r++) {
            out.add(java.util.Arrays.toString(b.row(r)));
        }
        return out;
    }

    @Test
    void read_wholeSampleValidation_noSampleOnBothSides_seeded_atLeastOneEachSide() {
        Path samples = tenSamples();
        TrainingData d = TrainingDataReader.read(settings(samples, SampleFilter.ALL, 50, ValidationMode.SAMPLES, 42));
        assertEquals(8, d.trainingSamples().size());
        assertEquals(2, d.validationSamples().size());
        Set<String> both = new HashSet<>(d.trainingSamples());
        both.retainAll(d.validationSamples());
        assertEquals(Set.of(), both, "no sample on both sides");
        assertEquals(Set.copyOf(rows(d.validationSpectra())).size(), d.validationSpectra().rows());
        Set<String> trainRows = rows(d.train());
        assertTrue(rows(d.validationSpectra()).stream().noneMatch(trainRows::contains), "no spectrum on both sides");
        assertEquals(400, d.train().rows());
        assertEquals("whole samples: 2 of 10 held out (fraction 0.2, seed 42)", d.validation());

        TrainingData again = TrainingDataReader.read(settings(samples, SampleFilter.ALL, 50, ValidationMode.SAMPLES, 42));
        assertEquals(d.validationSamples(), again.validationSamples());
        assertEquals(d.sha256(), again.sha256());
        List<List<String>> splits = new ArrayList<>();
        for (long seed = 0; seed < 5; seed++) {
            splits.add(TrainingDataReader.read(settings(samples, SampleFilter.ALL, 50, ValidationMode.SAMPLES, seed))
                    .validationSamples());
        }
        assertTrue(new HashSet<>(splits).size() > 1, "the seed chooses the held-out samples: " + splits);

        TrainingData tiny = TrainingDataReader.read(new TrainingDataSettings(samples, SensorKind.VNIR,
                new SampleFilter(Set.of("Plant-1"), Set.of(MINUS_100), Set.of(), Set.of()), 50, ValidationMode.SAMPLES,
                0.01, 1));
        assertEquals(1, tiny.validationSamples().size(), "at least one sample held out: " + tiny.validation());
        assertEquals(1, tiny.trainingSamples().size());
    }

    @Test
    void read_oneSampleWithWholeSampleValidation_throwsSayingWhy() {
        Path samples = tenSamples();
        SampleFilter one = new SampleFilter(Set.of(), Set.of(), Set.of(), Set.of("scan-a"));
        SampleFilter s0 = new SampleFilter(Set.of("plant-1"), Set.of(MINUS_100), Set.of(YearMonth.of(2025, 1)), Set.of());
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> TrainingDataReader.read(settings(samples, s0, 50, ValidationMode.SAMPLES, 1)));
        assertTrue(e.getMessage().contains("needs at least 2 samples with VNIR spectra, found 1 (scan-a/S0)"), e.getMessage());
        assertEquals(5, all(TrainingDataReader.read(settings(samples, one, 50, ValidationMode.SAMPLES, 1))).size());
    }

    @Test
    void read_hash_isSha256OfTheSelectedSpectraInFileOrder() throws Exception {
        Path samples = dir.resolve("s");
        Containers.write(samples, "scan", "A", "Plant-1", 1, MINUS_100, 30, 1);
        Containers.write(samples, "scan", "B", "Plant-1", 2, MINUS_100, 20, 2);
        TrainingData d = TrainingDataReader.read(settings(samples, SampleFilter.ALL, 1000, ValidationMode.SAMPLES, 1));
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (float[][] s : List.of(Containers.mixtures(30, 1, 0.01), Containers.mixtures(20, 2, 0.01))) {
            for (float[] row : s) {
                ByteBuffer b = ByteBuffer.allocate(row.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(row);
                md.update(b.array());
            }
        }
        assertEquals(HexFormat.of().formatHex(md.digest()), d.sha256());
        assertEquals(50, d.train().rows() + d.validationSpectra().rows());
    }

    @Test
    void read_differentGrid_throwsNamingBothFilesAndTheBand() {
        Path samples = dir.resolve("s");
        Path a = Containers.write(samples, "scan", "A", "Plant-1", 1, MINUS_100, 30, 1);
        double[] shifted = Containers.vnirGrid(0);
        shifted[5] += 2;
        Path b = Containers.write(samples, "scan", "B", "Plant-1", YearMonth.of(2025, 1), MINUS_100,
                Containers.mixtures(10, 2, 0), shifted);
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> TrainingDataReader.read(settings(samples, SampleFilter.ALL, 10, ValidationMode.SAMPLES, 1)));
        assertEquals(b + ": VNIR band 5 is at 652.0 nm, in " + a + " at 650.0 nm (a different wavelength grid)",
                e.getMessage());
    }

    @Test
    void read_nanSpectrum_throwsNamingFileSpectrumAndBand() {
        Path samples = dir.resolve("s");
        Containers.write(samples, "scan", "A", "Plant-1", 1, MINUS_100, 30, 1);
        float[][] bad = Containers.mixtures(10, 2, 0);
        bad[7][3] = Float.POSITIVE_INFINITY;
        Path b = Containers.write(samples, "scan", "B", "Plant-1", YearMonth.of(2025, 1), MINUS_100, bad,
                Containers.vnirGrid(0));
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> TrainingDataReader.read(settings(samples, SampleFilter.ALL, 10, ValidationMode.SAMPLES, 1)));
        assertEquals(b + ": sample scan/B, VNIR spectrum 7 band 3 (550.0 nm) is Infinity; spectra must be finite",
                e.getMessage());
    }

    @Test
    void read_emptySample_skippedAndReported_noContainers_throws() {
        Path samples = dir.resolve("s");
        Containers.write(samples, "scan", "A", "Plant-1", 1, MINUS_100, 30, 1);
        Containers.write(samples, "scan", "B", "Plant-1", 1, MINUS_100, 30, 2);
        Path empty = Containers.write(samples, "scan", "E", "Plant-1", YearMonth.of(2025, 1), MINUS_100, new float[0][],
                Containers.vnirGrid(0));
        TrainingData d = TrainingDataReader.read(settings(samples, SampleFilter.ALL, 10, ValidationMode.SAMPLES, 1));
        assertEquals(List.of(empty + ": sample scan/E has no VNIR spectra, skipped"), d.skipped());
        assertEquals(List.of("scan/A", "scan/B"), all(d));
        assertEquals(3, d.containersRead());

        TrainingDataException e = assertThrows(TrainingDataException.class, () -> TrainingDataReader.read(
                settings(dir.resolve("nothing-here"), SampleFilter.ALL, 10, ValidationMode.SAMPLES, 1)));
        assertTrue(e.getMessage().contains("samples folder " + dir.resolve("nothing-here") + " does not exist"));
        SampleFilter none = new SampleFilter(Set.of("Plant-9"), Set.of(), Set.of(), Set.of());
        e = assertThrows(TrainingDataException.class, () -> TrainingDataReader.read(settings(samples, none, 10,
                ValidationMode.SAMPLES, 1)));
        assertEquals("no sample under " + samples + " matching plant=plant-9 has VNIR spectra (0 containers matched the"
                + " filter)", e.getMessage());
    }
}
