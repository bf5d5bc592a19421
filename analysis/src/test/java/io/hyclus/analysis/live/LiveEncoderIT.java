package io.hyclus.analysis.live;

import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.core.codec.SampleCodesCodec;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.kafka.topic.DeadLetterHeaders;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.testkit.Await;
import io.hyclus.testkit.ManualClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live encoder on the embedded broker: every sample encoded once, a promotion picked up between samples, bad
 * input dead-lettered while later samples are still encoded, and a crash before the commit neither losing nor
 * doubling a sample. Codes are read back with read_committed to the last stable offset.
 */
class LiveEncoderIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ModelRef VNIR_1 = new ModelRef("pca-4-vnir", 1);
    private static final ModelRef VNIR_2 = new ModelRef("pca-4-vnir", 2);
    private static final ModelRef SWIR_1 = new ModelRef("pca-3-swir", 1);
    /** 64 codes bytes a record: 4 VNIR rows (k = 4) or 5 SWIR rows (k = 3) per chunk. */
    private static final int CHUNK_BYTES = 64;

    @TempDir
    Path dir;

    private EmbeddedKafkaBroker broker;
    private String bootstrap;
    private Path samples;
    private final TrainedModel vnir1 = LinearProjection.trained(VNIR_1, SensorKind.VNIR, Samples.VNIR.grid().centresNm(), 4, 0.3);
    private final TrainedModel vnir2 = LinearProjection.trained(VNIR_2, SensorKind.VNIR, Samples.VNIR.grid().centresNm(), 4, 0.7);
    private final TrainedModel swir1 = LinearProjection.trained(SWIR_1, SensorKind.SWIR, Samples.SWIR.grid().centresNm(), 3, 0.5);
    private final TestCatalog catalog = new TestCatalog().add(vnir1).add(vnir2).add(swir1)
            .promote(SensorKind.VNIR, VNIR_1).promote(SensorKind.SWIR, SWIR_1);
    private final ManualClock clock = ManualClock.atEpoch();

    @BeforeEach
    void startBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir.resolve("broker")));
        bootstrap = broker.bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, HyclusTopics.all(), 1, (short) 1);
        samples = dir.resolve("samples");
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    private LiveEncoderSettings settings() {
        return LiveEncoderSettings.defaults(bootstrap, "encoder-it-1").withBatchRows(16).withMaxCodesBytes(CHUNK_BYTES);
    }

    @Test
    void everySample_encodedOnce_inChunks_codesAsTheModelMakesThem_filesBeside() throws Exception {
        List<SampleContainerWritten> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(Samples.write(samples, "scan-1", "S-" + i, 7 + 13 * i, 3 + 5 * i, i));
        }
        try (LiveEncoder encoder = LiveEncoder.start(settings(), catalog, clock)) {
            publish(written);
            assertTrue(encoder.awaitProcessed(5, WAIT), "5 samples processed");
            assertEquals(5, encoder.encodedSamples());
            assertEquals(written.stream().mapToLong(w -> w.spectra().values().stream().mapToLong(Long::longValue).sum())
                    .sum(), encoder.encodedSpectra());
            encoder.rethrow();
        }
        Map<String, List<SampleCodes>> codes = committedCodes();
        assertEquals(written.size() * 2, codes.size());
        for (SampleContainerWritten w : written) {
            Path container = Path.of(w.file());
            assertCodes(codes.get(w.sampleId() + " VNIR"), w, SensorKind.VNIR, vnir1, 4);
            assertCodes(codes.get(w.sampleId() + " SWIR"), w, SensorKind.SWIR, swir1, 5);
            EncodedSample file = CodesFile.read(CodesFile.siblingOf(container));
            assertArrayEquals(Samples.expectedCodes(vnir1, container, SensorKind.VNIR),
                    file.camera(SensorKind.VNIR).orElseThrow().codes());
            assertEquals("pca-3-swir@1", file.camera(SensorKind.SWIR).orElseThrow().modelRef());
            assertEquals(clock.instant(), file.encodedAt());
        }
        assertTrue(TopicReader.readAll(bootstrap, HyclusTopics.SAMPLE_CONTAINERS_DEAD_LETTERS.name(), true).isEmpty());
    }

    @Test
    void promotion_betweenSamples_newSamplesGetTheNewModel_noneLostOrDoubled() throws Exception {
        List<SampleContainerWritten> before = new ArrayList<>();
        List<SampleContainerWritten> after = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(Samples.write(samples, "scan-1", "B-" + i, 9 + i, 4, i));
            after.add(Samples.write(samples, "scan-2", "A-" + i, 10 + i, 4, 10 + i));
        }
        try (LiveEncoder encoder = LiveEncoder.start(settings(), catalog, clock)) {
            publish(before);
            assertTrue(encoder.awaitProcessed(3, WAIT));
            catalog.promote(SensorKind.VNIR, VNIR_2);
            publish(after);
            assertTrue(encoder.awaitProcessed(6, WAIT));
            assertEquals(6, encoder.encodedSamples());
        }
        Map<String, List<SampleCodes>> codes = committedCodes();
        assertEquals(12, codes.size());
        for (SampleContainerWritten w : before) {
            assertCodes(codes.get(w.sampleId() + " VNIR"), w, SensorKind.VNIR, vnir1, 4);
            assertEquals("pca-4-vnir@1", CodesFile.read(CodesFile.siblingOf(Path.of(w.file()))).cameras().get(0).modelRef());
        }
        for (SampleContainerWritten w : after) {
            assertCodes(codes.get(w.sampleId() + " VNIR"), w, SensorKind.VNIR, vnir2, 4);
            assertEquals("pca-4-vnir@2", CodesFile.read(CodesFile.siblingOf(Path.of(w.file()))).cameras().get(0).modelRef());
            assertCodes(codes.get(w.sampleId() + " SWIR"), w, SensorKind.SWIR, swir1, 5);
        }
    }

    @Test
    void promotion_whileSamplesFlow_eachSampleWhollyOneModel_oneSwitchInTopicOrder() throws Exception {
        List<SampleContainerWritten> flowing = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            flowing.add(Samples.write(samples, "scan-3", "F-" + i, 30 + i, 4, 100 + i));
        }
        SampleContainerWritten last = Samples.write(samples, "scan-3", "L-1", 9, 4, 200);
        try (LiveEncoder encoder = LiveEncoder.start(settings(), catalog, clock)) {
            publish(flowing);
            Await.until(WAIT, "4 samples encoded", () -> encoder.processedSamples() >= 4);
            catalog.promote(SensorKind.VNIR, VNIR_2); // while the rest are being encoded
            publish(List.of(last));
            assertTrue(encoder.awaitProcessed(25, WAIT));
            assertEquals(25, encoder.encodedSamples());
        }
        List<String> refsInTopicOrder = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(bootstrap, HyclusTopics.SAMPLE_CODES.name(), true)) {
            SampleCodes c = SampleCodesCodec.decode(r.value(), "codes@" + r.offset());
            if (c.camera() == SensorKind.VNIR && c.chunkIndex() == 0) {
                refsInTopicOrder.add(c.modelRef());
            }
        }
        assertEquals(25, refsInTopicOrder.size());
        int switchAt = refsInTopicOrder.indexOf("pca-4-vnir@2");
        assertTrue(switchAt >= 4, "at least the 4 samples before the promotion on the old model: " + refsInTopicOrder);
        assertEquals(java.util.Collections.nCopies(switchAt, "pca-4-vnir@1"), refsInTopicOrder.subList(0, switchAt));
        assertEquals(java.util.Collections.nCopies(25 - switchAt, "pca-4-vnir@2"), refsInTopicOrder.subList(switchAt, 25));
        Map<String, List<SampleCodes>> codes = committedCodes();
        for (int i = 0; i < flowing.size(); i++) {
            assertCodes(codes.get("F-" + i + " VNIR"), flowing.get(i), SensorKind.VNIR, i < switchAt ? vnir1 : vnir2, 4);
        }
        assertCodes(codes.get("L-1 VNIR"), last, SensorKind.VNIR, vnir2, 4);
    }

    @Test
    void badInput_deadLetteredWithReasonAndOrigin_laterSamplesStillEncoded() throws Exception {
        SampleContainerWritten good1 = Samples.write(samples, "scan-1", "G-1", 12, 6, 1);
        SampleContainerWritten missing = new SampleContainerWritten("scan-1", "M-1", samples.resolve("scan-1/M-1.h5")
                .toString(), Map.of(SensorKind.VNIR, 5L), clock.instant());
        SampleContainerWritten nan = Samples.write(samples, "scan-1", "N-1", List.of(Samples.cube(Samples.VNIR, 9, 2, 4),
                Samples.cube(Samples.SWIR, 4, 3, -1)));
        SampleContainerWritten grid = Samples.write(samples, "scan-1", "W-1", List.of(Samples.cube(new io.hyclus.core
                .spectral.Sensor("VNIR-9", SensorKind.VNIR, io.hyclus.core.spectral.WavelengthGrid.uniform(400, 1000, 10,
                1.2), 64), 5, 4, -1)));
        SampleContainerWritten empty = Samples.write(samples, "scan-1", "E-1", 0, 0, 5);
        SampleContainerWritten brokenModel = Samples.write(samples, "scan-1", "X-1", 5, 5, 6);
        SampleContainerWritten good2 = Samples.write(samples, "scan-1", "G-2", 8, 3, 7);
        byte[] poison = "not a HyClus record".getBytes(StandardCharsets.UTF_8);
        ModelRef broken = new ModelRef("pca-3-swir", 9);
        catalog.addBroken(broken, "/models/pca-3-swir/9/model.bin");

        try (LiveEncoder encoder = LiveEncoder.start(settings(), catalog, clock)) {
            publish(List.of(good1, missing, nan, grid, empty));
            send(List.of(poison));
            assertTrue(encoder.awaitProcessed(6, WAIT));
            catalog.promote(SensorKind.SWIR, broken);
            publish(List.of(brokenModel));
            assertTrue(encoder.awaitProcessed(7, WAIT));
            catalog.promote(SensorKind.SWIR, SWIR_1);
            publish(List.of(good2));
            assertTrue(encoder.awaitProcessed(8, WAIT));
            assertEquals(2, encoder.encodedSamples());
            assertEquals(6, encoder.deadLetteredSamples());
            assertEquals(LiveEncoder.State.RUNNING, encoder.state());
        }
        Map<String, List<SampleCodes>> codes = committedCodes();
        assertEquals(Set.of("G-1 VNIR", "G-1 SWIR", "G-2 VNIR", "G-2 SWIR"), codes.keySet());
        assertCodes(codes.get("G-2 SWIR"), good2, SensorKind.SWIR, swir1, 5);

        List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readAll(bootstrap,
                HyclusTopics.SAMPLE_CONTAINERS_DEAD_LETTERS.name(), true);
        List<byte[]> originals = new ArrayList<>();
        for (SampleContainerWritten w : List.of(missing, nan, grid, empty)) {
            originals.add(ScanEventCodec.encode(w));
        }
        originals.add(poison);
        originals.add(ScanEventCodec.encode(brokenModel));
        String src = HyclusTopics.SAMPLE_CONTAINERS.name();
        List<String> expected = List.of(
                "1|sample M-1 (scan scan-1): no sample container at " + missing.file(),
                "2|" + nan.file() + " /vnir: spectrum 4 band 3 (563.6 nm) is NaN; spectra must be finite",
                "3|" + grid.file() + " /vnir has 10 bands (400.0-1000.0 nm); model pca-4-vnir@1 was trained on 12 "
                        + "(400.0-1000.0 nm)",
                "4|sample E-1 (scan scan-1): container " + empty.file() + " holds no spectra (cameras [VNIR, SWIR])",
                "5|" + src + "/0@5: not a HyClus record: magic 0x6E6F7420, expected 0x4859434C",
                "6|" + brokenModel.file() + ": the promoted SWIR model cannot be loaded: model file "
                        + "/models/pca-3-swir/9/model.bin is truncated: expected 4096 bytes, found 1000");
        assertEquals(expected.size(), dead.size());
        for (int i = 0; i < dead.size(); i++) {
            ConsumerRecord<byte[], byte[]> d = dead.get(i);
            assertEquals(expected.get(i), header(d, DeadLetterHeaders.SOURCE_OFFSET) + "|" + header(d, DeadLetterHeaders.ERROR));
            assertEquals(src, header(d, DeadLetterHeaders.SOURCE_TOPIC));
            assertEquals("0", header(d, DeadLetterHeaders.SOURCE_PARTITION));
            assertArrayEquals(originals.get(i), d.value(), "dead letter " + i + " holds the original bytes");
        }
        assertFalse(Files.exists(CodesFile.siblingOf(Path.of(nan.file()))));
    }

    @Test
    void crashAfterFileAndChunksBeforeCommit_restartPublishesEachSampleOnce_sameFile() throws Exception {
        List<SampleContainerWritten> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(Samples.write(samples, "scan-1", "C-" + i, 11 + 3 * i, 5 + i, 20 + i));
        }
        Path crashedFile = CodesFile.siblingOf(Path.of(written.get(2).file()));
        AtomicBoolean crashed = new AtomicBoolean();
        byte[] beforeCrash;
        LiveEncoder first = LiveEncoder.start(settings().withFaults(s -> s.sampleId().equals("C-2")
                && crashed.compareAndSet(false, true)), catalog, clock);
        try {
            publish(written);
            Await.until(WAIT, "the encoder halts at C-2", () -> first.state() == LiveEncoder.State.HALTED);
            assertEquals(2, first.processedSamples());
            beforeCrash = Files.readAllBytes(crashedFile);
        } finally {
            first.close();
        }
        // the halted transaction is still open: its chunks are on the log, above the last stable offset
        try (LiveEncoder again = LiveEncoder.start(settings(), catalog, clock)) {
            assertTrue(again.awaitProcessed(3, WAIT), "C-2, C-3 and C-4 after the restart");
            assertEquals(3, again.encodedSamples());
            again.rethrow();
        }
        assertArrayEquals(beforeCrash, Files.readAllBytes(crashedFile), "the codes file rewritten identically");
        Map<String, List<SampleCodes>> codes = committedCodes();
        assertEquals(10, codes.size());
        for (SampleContainerWritten w : written) {
            assertCodes(codes.get(w.sampleId() + " VNIR"), w, SensorKind.VNIR, vnir1, 4);
            assertCodes(codes.get(w.sampleId() + " SWIR"), w, SensorKind.SWIR, swir1, 5);
        }
        long crashedChunksOnLog = TopicReader.readAll(bootstrap, HyclusTopics.SAMPLE_CODES.name(), false).stream()
                .map(r -> SampleCodesCodec.decode(r.value(), "log")).filter(c -> c.sampleId().equals("C-2")).count();
        long committedChunks = codes.get("C-2 VNIR").size() + codes.get("C-2 SWIR").size();
        assertEquals(2 * committedChunks, crashedChunksOnLog, "the aborted transaction's chunks are on the log, unread");
    }

    @Test
    void codesFileCannotBeWritten_stopsWithoutCommitting_restartEncodesTheSampleOnce() throws Exception {
        SampleContainerWritten a = Samples.write(samples, "scan-1", "D-1", 6, 3, 1);
        SampleContainerWritten b = Samples.write(samples, "scan-1", "D-2", 7, 4, 2);
        Path blocker = CodesFile.siblingOf(Path.of(b.file())).resolveSibling("D-2" + CodesFile.PARTIAL_SUFFIX);
        Files.createDirectories(blocker.resolve("in-the-way")); // a directory where the .partial file must go
        try (LiveEncoder encoder = LiveEncoder.start(settings(), catalog, clock)) {
            publish(List.of(a, b));
            Await.until(WAIT, "the encoder fails on D-2", () -> encoder.state() == LiveEncoder.State.FAILED);
            assertEquals(1, encoder.encodedSamples());
            LiveEncoderException e = org.junit.jupiter.api.Assertions.assertThrows(LiveEncoderException.class,
                    encoder::rethrow);
            assertTrue(e.getMessage().startsWith("live encoder failed: cannot write the codes of sample D-2 (scan "
                    + "scan-1) to " + CodesFile.siblingOf(Path.of(b.file())) + ": DirectoryNotEmptyException (" + blocker
                    + ")"), e.getMessage());
        }
        assertEquals(Set.of("D-1 VNIR", "D-1 SWIR"), committedCodes().keySet());
        Files.delete(blocker.resolve("in-the-way"));
        Files.delete(blocker);
        try (LiveEncoder again = LiveEncoder.start(settings(), catalog, clock)) {
            assertTrue(again.awaitProcessed(1, WAIT));
            assertEquals(1, again.encodedSamples());
        }
        Map<String, List<SampleCodes>> codes = committedCodes();
        assertEquals(Set.of("D-1 VNIR", "D-1 SWIR", "D-2 VNIR", "D-2 SWIR"), codes.keySet());
        assertCodes(codes.get("D-2 VNIR"), b, SensorKind.VNIR, vnir1, 4);
        assertCodes(codes.get("D-1 SWIR"), a, SensorKind.SWIR, swir1, 5);
    }

    /** Chunks of one sample and camera: in order, each once, one model, rows adding up to the record's count. */
    private static void assertCodes(List<SampleCodes> chunks, SampleContainerWritten w, SensorKind kind,
                                    TrainedModel model, int rowsPerChunk) {
        long n = w.spectra().get(kind);
        assertEquals((n + rowsPerChunk - 1) / rowsPerChunk, chunks.size(), w.sampleId() + " " + kind + " chunks");
        float[] all = new float[(int) n * model.metadata().spec().codeSize()];
        long row = 0;
        for (int i = 0; i < chunks.size(); i++) {
            SampleCodes c = chunks.get(i);
            assertEquals(i, c.chunkIndex());
            assertEquals(chunks.size(), c.chunkCount());
            assertEquals(n, c.totalRows());
            assertEquals(row, c.firstRow());
            assertEquals(model.ref().toString(), c.modelRef());
            assertEquals(w.file(), c.containerFile());
            assertEquals(w.scanId(), c.scanId());
            float[] v = c.codes();
            System.arraycopy(v, 0, all, (int) row * c.codeSize(), v.length);
            row += c.rows();
        }
        assertEquals(n, row);
        assertArrayEquals(Samples.expectedCodes(model, Path.of(w.file()), kind), all, w.sampleId() + " " + kind);
    }

    /** Committed codes by "sampleId CAMERA", in topic order. */
    private Map<String, List<SampleCodes>> committedCodes() {
        Map<String, List<SampleCodes>> out = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(bootstrap, HyclusTopics.SAMPLE_CODES.name(), true)) {
            SampleCodes c = SampleCodesCodec.decode(r.value(), "codes@" + r.offset());
            assertEquals(c.key(), new String(r.key(), StandardCharsets.UTF_8));
            out.computeIfAbsent(c.sampleId() + " " + c.camera(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    private void publish(List<SampleContainerWritten> records) {
        List<byte[]> values = records.stream().map(ScanEventCodec::encode).toList();
        Map<byte[], byte[]> keyed = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            keyed.put((records.get(i).scanId() + "/" + records.get(i).sampleId()).getBytes(StandardCharsets.UTF_8),
                    values.get(i));
        }
        sendKeyed(keyed);
    }

    private void send(List<byte[]> values) {
        Map<byte[], byte[]> keyed = new LinkedHashMap<>();
        values.forEach(v -> keyed.put("poison".getBytes(StandardCharsets.UTF_8), v));
        sendKeyed(keyed);
    }

    private void sendKeyed(Map<byte[], byte[]> keyed) {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            keyed.forEach((k, v) -> p.send(new ProducerRecord<>(HyclusTopics.SAMPLE_CONTAINERS.name(), k, v)));
            p.flush();
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
