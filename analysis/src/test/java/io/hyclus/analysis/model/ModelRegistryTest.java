package io.hyclus.analysis.model;

import io.hyclus.analysis.training.Containers;
import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.hyclus.analysis.model.PcaModelTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelRegistryTest {
    private static final int D = Containers.VNIR_BANDS;

    @TempDir
    Path dir;

    static TrainedModel pca(SensorKind input, int k, long seed) {
        SpectraBlock raw = SpectraBlock.of(Containers.mixtures(200, seed, 0.02));
        MinMaxScaler scaler = MinMaxScaler.fit(raw);
        SpectralModel m = PcaModel.untrained(D, k, seed);
        List<EpochRecord> epochs = m.fit(scaler.transform(raw), scaler.transform(raw), TrainingSettings.study(seed),
                EpochListener.NONE);
        ModelSpec spec = new ModelSpec(Architecture.PCA, k);
        ModelMetadata meta = new ModelMetadata(new ModelRef(spec.name() + "-" + input.name().toLowerCase(), 1), spec,
                input, Containers.vnirGrid(0), seed, "ab".repeat(32), List.of("scan-1/A", "scan-1/B"),
                "whole samples: 1 of 3 held out (fraction 0.1, seed " + seed + ")", epochs, "0.1.0-test",
                Instant.parse("2026-11-25T12:00:00Z"), Map.of("command", "train --model pca", "data.camera", input.name()));
        return new TrainedModel(meta, scaler, m);
    }

    @Test
    void saveLoad_roundTrip_sameMetadataScalerAndCodes() throws IOException {
        ModelRegistry reg = ModelRegistry.open(dir.resolve("models"));
        TrainedModel m = pca(SensorKind.VNIR, 4, 3);
        ModelRef ref = reg.save(m);
        assertEquals(new ModelRef("pca-4-vnir", 1), ref);

        TrainedModel back = reg.load(ref);
        ModelMetadata a = m.metadata().withRef(ref);
        ModelMetadata b = back.metadata();
        assertEquals(a.ref(), b.ref());
        assertEquals(a.spec(), b.spec());
        assertEquals(a.input(), b.input());
        assertArrayEquals(a.wavelengthNm(), b.wavelengthNm());
        assertEquals(a.seed(), b.seed());
        assertEquals(a.trainingDataSha256(), b.trainingDataSha256());
        assertEquals(a.samples(), b.samples());
        assertEquals(a.validation(), b.validation());
        assertEquals(a.epochs(), b.epochs());
        assertEquals(a.softwareVersion(), b.softwareVersion());
        assertEquals(a.createdAt(), b.createdAt());
        assertEquals(a.provenance(), b.provenance());
        assertEquals(m.scaler(), back.scaler());
        SpectraBlock raw = SpectraBlock.of(Containers.mixtures(50, 99, 0.02));
        assertArrayEquals(m.encode(raw).values(), back.encode(raw).values());
        try (Stream<Path> s = Files.list(dir.resolve("models/pca-4-vnir"))) {
            assertEquals(List.of("v1"), s.map(p -> p.getFileName().toString()).toList(), "no temporary folder left");
        }
    }

    @Test
    void save_twice_versionsIncrement_listedByNameThenVersion() {
        ModelRegistry reg = ModelRegistry.open(dir);
        assertEquals(List.of(), reg.versions());
        assertEquals(new ModelRef("pca-4-vnir", 1), reg.save(pca(SensorKind.VNIR, 4, 1)));
        assertEquals(new ModelRef("pca-4-vnir", 2), reg.save(pca(SensorKind.VNIR, 4, 2)));
        assertEquals(new ModelRef("pca-2-swir", 1), reg.save(pca(SensorKind.SWIR, 2, 3)));
        assertEquals(List.of(new ModelRef("pca-2-swir", 1), new ModelRef("pca-4-vnir", 1), new ModelRef("pca-4-vnir", 2)),
                reg.versions());
        assertEquals(2, reg.load(new ModelRef("pca-4-vnir", 2)).metadata().seed());
    }

    @Test
    void promote_pointerPerInput_replacedByTheNextPromotion() throws IOException {
        ModelRegistry reg = ModelRegistry.open(dir);
        assertEquals(Optional.empty(), reg.promoted(SensorKind.VNIR));
        ModelRef v1 = reg.save(pca(SensorKind.VNIR, 4, 1));
        ModelRef v2 = reg.save(pca(SensorKind.VNIR, 4, 2));
        ModelRef s1 = reg.save(pca(SensorKind.SWIR, 2, 3));
        reg.promote(v1);
        reg.promote(s1);
        assertEquals(Optional.of(v1), reg.promoted(SensorKind.VNIR));
        reg.promote(v2);
        assertEquals(Optional.of(v2), reg.promoted(SensorKind.VNIR));
        assertEquals(Optional.of(s1), reg.promoted(SensorKind.SWIR));
        assertEquals("pca-4-vnir@2\n", Files.readString(dir.resolve("promoted/VNIR")));
        assertMessage(() -> reg.promote(new ModelRef("pca-4-vnir", 7)), "cannot promote pca-4-vnir@7: no such version");
    }

    @Test
    void load_weightsMissingCorruptOrTruncated_throwsNamingTheFile() throws IOException {
        ModelRegistry reg = ModelRegistry.open(dir);
        ModelRef ref = reg.save(pca(SensorKind.VNIR, 4, 1));
        Path w = reg.versionDir(ref).resolve(PcaFile.NAME);
        byte[] good = Files.readAllBytes(w);

        byte[] flipped = good.clone();
        flipped[40] ^= 4;
        Files.write(w, flipped);
        assertMessage(() -> reg.load(ref), "weights file " + w + " is corrupt: SHA-256");

        Files.write(w, java.util.Arrays.copyOf(good, 20));
        assertMessage(() -> reg.load(ref), "weights file " + w + " is truncated: 20 bytes, model.json says " + good.length);

        Files.delete(w);
        assertMessage(() -> reg.load(ref), "weights file " + w + " is missing");

        Files.write(w, good);
        assertEquals(ref, reg.load(ref).ref());
    }

    @Test
    void load_folderWithoutModelJson_unparsableJson_missingVersion_throwNamingThem() throws IOException {
        ModelRegistry reg = ModelRegistry.open(dir);
        ModelRef ref = reg.save(pca(SensorKind.VNIR, 4, 1));
        Path json = reg.versionDir(ref).resolve("model.json");
        String good = Files.readString(json);

        Files.writeString(json, good.substring(0, good.length() / 2));
        assertMessage(() -> reg.load(ref), "cannot parse " + json);

        Files.writeString(json, good.replace("\"trainingDataSha256\"", "\"somethingElse\""));
        assertMessage(() -> reg.load(ref), json + " lacks the field 'trainingDataSha256'");

        Files.delete(json);
        assertMessage(() -> reg.load(ref), "model version folder " + reg.versionDir(ref) + " has no model.json");

        assertMessage(() -> reg.load(new ModelRef("pca-4-vnir", 9)), "no model pca-4-vnir@9 in " + dir);
    }

    @Test
    void promoted_pointerToMissingVersion_throwsNamingPointerAndVersion() throws IOException {
        ModelRegistry reg = ModelRegistry.open(dir);
        ModelRef ref = reg.save(pca(SensorKind.VNIR, 4, 1));
        reg.promote(ref);
        Files.writeString(dir.resolve("promoted/VNIR"), "pca-4-vnir@5\n");
        assertMessage(() -> reg.promoted(SensorKind.VNIR),
                "promoted pointer " + dir.resolve("promoted/VNIR") + " names pca-4-vnir@5, which is missing");
        Files.writeString(dir.resolve("promoted/VNIR"), "garbage");
        assertMessage(() -> reg.promoted(SensorKind.VNIR), "does not hold a model reference");
    }

    @Test
    void seed_fromBundleOnClassPath_copiesVerifiesAndPromotesOncePerInput_recordsOrigin() throws IOException {
        // a bundle as the lead would ship it: version folders copied from a registry, listed in index.txt
        ModelRegistry source = ModelRegistry.open(dir.resolve("source"));
        ModelRef vnir = source.save(pca(SensorKind.VNIR, 4, 11));
        ModelRef swir = source.save(pca(SensorKind.SWIR, 2, 12));
        Path cp = dir.resolve("classes");
        Path root = cp.resolve("bundle/pretrained");
        StringBuilder index = new StringBuilder("# test bundle\n");
        for (ModelRef r : List.of(vnir, swir)) {
            Path to = root.resolve(r.name()).resolve("v" + r.version());
            Files.createDirectories(to);
            for (String f : List.of("model.json", PcaFile.NAME)) {
                Files.copy(source.versionDir(r).resolve(f), to.resolve(f));
                index.append(r.name()).append("/v").append(r.version()).append('/').append(f).append('\n');
            }
        }
        Files.writeString(root.resolve("index.txt"), index);
        ModelRegistry reg = ModelRegistry.open(dir.resolve("models"));
        ModelRef already = reg.save(pca(SensorKind.SWIR, 2, 13));
        reg.promote(already);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {cp.toUri().toURL()}, null)) {
            List<ModelRef> seeded = reg.seedPretrainedIfMissing(loader, "bundle/pretrained");
            assertEquals(List.of(new ModelRef("pca-4-vnir", 1)), seeded, "SWIR had a promoted model already");
            assertEquals(Optional.of(new ModelRef("pca-4-vnir", 1)), reg.promoted(SensorKind.VNIR));
            assertEquals(Optional.of(already), reg.promoted(SensorKind.SWIR));
            TrainedModel m = reg.load(seeded.get(0));
            assertEquals("pretrained bundle on the class path: bundle/pretrained/pca-4-vnir/v1 (pca-4-vnir@1)",
                    m.metadata().provenance().get(ModelRegistry.ORIGIN));
            assertEquals(11, m.metadata().seed());
            SpectraBlock raw = SpectraBlock.of(Containers.mixtures(20, 5, 0.02));
            assertArrayEquals(source.load(vnir).encode(raw).values(), m.encode(raw).values());

            assertEquals(List.of(), reg.seedPretrainedIfMissing(loader, "bundle/pretrained"), "nothing missing now");
            assertEquals(2, reg.versions().size());
        }
        try (Stream<Path> s = Files.list(dir.resolve("models"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".tmp")), "temporary copies removed");
        }
    }

    @Test
    void seed_bundleFileMissing_throwsNamingIt_andSeedsNothing() throws IOException {
        Path root = dir.resolve("classes/b");
        Files.createDirectories(root);
        Files.writeString(root.resolve("index.txt"), "pca-4-vnir/v1/model.json\n");
        ModelRegistry reg = ModelRegistry.open(dir.resolve("models"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, null)) {
            assertMessage(() -> reg.seedPretrainedIfMissing(loader, "b"),
                    "pretrained model file b/pca-4-vnir/v1/model.json is listed in b/index.txt but missing");
        }
        assertEquals(List.of(), reg.versions(), "nothing seeded from a broken bundle");
    }

    @Test
    void save_concurrently_everyVersionOnce_noneLost() throws Exception {
        ModelRegistry reg = ModelRegistry.open(dir);
        Files.createDirectories(dir.resolve("Not A Model"));
        TrainedModel m = pca(SensorKind.VNIR, 2, 1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ModelRef>> refs = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                refs.add(pool.submit(() -> reg.save(m)));
            }
            java.util.Set<Integer> versions = new java.util.TreeSet<>();
            for (java.util.concurrent.Future<ModelRef> f : refs) {
                versions.add(f.get().version());
            }
            assertEquals(java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList(), List.copyOf(versions));
        } finally {
            pool.shutdown();
        }
        assertEquals(12, reg.versions().size(), "the folder that is not a model name is not listed");
    }

    @Test
    void saveLoad_noValidationData_nanLossRoundTrips() {
        SpectraBlock raw = SpectraBlock.of(Containers.mixtures(50, 1, 0.02));
        MinMaxScaler scaler = MinMaxScaler.fit(raw);
        SpectralModel m = PcaModel.untrained(D, 2, 1);
        List<EpochRecord> epochs = m.fit(scaler.transform(raw), new SpectraBlock(new float[0], 0, D),
                TrainingSettings.study(1), EpochListener.NONE);
        TrainedModel t = pca(SensorKind.VNIR, 2, 1);
        ModelMetadata a = t.metadata();
        ModelRegistry reg = ModelRegistry.open(dir);
        ModelRef ref = reg.save(new TrainedModel(new ModelMetadata(a.ref(), a.spec(), a.input(), a.wavelengthNm(), 1,
                a.trainingDataSha256(), a.samples(), "none", epochs, a.softwareVersion(), a.createdAt(), a.provenance()),
                scaler, m));
        EpochRecord back = reg.load(ref).metadata().epochs().get(0);
        assertTrue(Double.isNaN(back.validationLoss()));
        assertEquals(epochs.get(0).trainLoss(), back.trainLoss());
    }
}
