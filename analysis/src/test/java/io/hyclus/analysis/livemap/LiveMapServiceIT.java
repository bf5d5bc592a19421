package io.hyclus.analysis.livemap;

import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.core.codec.SampleCodesCodec;
import io.hyclus.core.codec.SampleMapCodec;
import io.hyclus.core.scan.MapUpdate;
import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.SampleMapPoints;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.testkit.Await;
import io.hyclus.testkit.ManualClock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live map service on the embedded broker: codes of samples from three well-separated clusters in (transactional,
 * in chunks, both cameras), their points on the map topic near their cluster's; a re-fit after the drift threshold
 * publishing the next version with all reservoir points; a restart resuming from the saved map; bad input refused
 * naming the sample while later samples are placed.
 */
class LiveMapServiceIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MODEL = "dense-ae-8-vnir@1";
    /** 40 codes rows of 8 a chunk: a 400-row sample is 10 chunks. */
    private static final int CHUNK_BYTES = 40 * 8 * 4;

    @TempDir
    Path dir;

    private EmbeddedKafkaBroker broker;
    private String bootstrap;
    private KafkaProducer<byte[], byte[]> codes;
    private final ManualClock clock = ManualClock.atEpoch();

    @BeforeEach
    void startBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir.resolve("broker")));
        bootstrap = broker.bootstrapServers();
        TopicAdmin.ensureTopics(bootstrap, HyclusTopics.all(), 1, (short) 1);
        codes = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "codes-it"), new ByteArraySerializer(), new ByteArraySerializer());
        codes.initTransactions();
    }

    @AfterEach
    void stopBroker() {
        codes.close();
        broker.close();
    }

    private LiveMapSettings settings(double share) {
        return LiveMapTest.settings(bootstrap, dir.resolve("map")).withReservoir(2000, share).withFitAfter(3, 100_000)
                .withMaxMapBytes(50 * 12);
    }

    @Test
    void sixSamplesOfThreeClusters_everySamplesPointsOnTheMap_nearTheirCluster() throws Exception {
        try (LiveMapService service = LiveMapService.start(settings(10), clock)) {
            for (int i = 0; i < 6; i++) {
                send("S-" + i, i % 3, 400 + 10 * i, 8, MODEL);
            }
            assertTrue(service.awaitHandled(6, WAIT));
            assertEquals(6, service.placedSamples());
            SamplePlacement third = service.awaitSample("scan-1", "S-2", WAIT).orElseThrow();
            assertEquals(new SamplePlacement(true, 1, MapUpdate.FITTED, 150, third.centreX(), third.centreY(),
                    third.transformMillis(), third.fitMillis(), ""), third);
            SamplePlacement sixth = service.awaitSample("scan-1", "S-5", WAIT).orElseThrow();
            assertEquals(MapUpdate.ADDED, sixth.update());
            assertEquals(1, service.mapVersion());
            service.rethrow();
        }
        Map<String, List<SampleMapPoints>> bySample = mapRecords(1);
        assertEquals(Set.of("S-0", "S-1", "S-2", "S-3", "S-4", "S-5"), bySample.keySet());
        float[] xy = new float[0];
        int[] labels = new int[0];
        for (int i = 0; i < 6; i++) {
            List<SampleMapPoints> chunks = bySample.get("S-" + i);
            assertEquals(3, chunks.size(), "150 points in chunks of 50");
            int[] rows = new int[0];
            for (int c = 0; c < chunks.size(); c++) {
                SampleMapPoints p = chunks.get(c);
                assertEquals(c, p.chunkIndex());
                assertEquals(i < 3 ? MapUpdate.FITTED : MapUpdate.ADDED, p.update());
                assertEquals(SensorKind.VNIR, p.camera());
                assertEquals(MODEL, p.modelRef());
                assertEquals(ClusterCodes.metadata("S-" + i, i % 3), p.metadata());
                assertEquals(clock.instant(), p.publishedAt());
                rows = concat(rows, p.rows());
                xy = concat(xy, p.xy());
            }
            assertArrayEquals(Subsample.rows(1, "scan-1/S-" + i, SensorKind.VNIR, 400 + 10 * i, 150), rows);
            labels = labels(labels, i % 3, 150);
        }
        double acc = MapQuality.knnAccuracy(xy, labels, xy, labels, 10, true);
        assertTrue(acc >= 0.9, "kNN label accuracy of the map's points " + acc);
        assertTrue(Files.isRegularFile(dir.resolve("map/map-v1.tsne")));
    }

    @Test
    void driftBeyondTheShare_refitPublishesNextVersionWithAllReservoirPoints() throws Exception {
        try (LiveMapService service = LiveMapService.start(settings(0.5).withReservoir(600, 0.5), clock)) {
            for (int i = 0; i < 5; i++) {
                send("R-" + i, i % 3, 300, 8, MODEL);
            }
            // v1 on 450 points; R-3 adds 150 (not above 225), R-4 takes it to 300: v2 on the reservoir (600 of 750)
            assertTrue(service.awaitHandled(5, WAIT));
            assertEquals(2, service.mapVersion());
        }
        Map<String, List<SampleMapPoints>> v2 = mapRecords(2);
        assertEquals(Set.of("R-0", "R-1", "R-2", "R-3", "R-4"), v2.keySet(), "reservoir points of every sample");
        int points = v2.values().stream().flatMap(List::stream).mapToInt(SampleMapPoints::points).sum();
        assertEquals(600, points, "the whole reservoir re-published");
        float[] xy = new float[0];
        int[] labels = new int[0];
        for (int i = 0; i < 5; i++) {
            for (SampleMapPoints p : v2.get("R-" + i)) {
                assertEquals(MapUpdate.FITTED, p.update());
                xy = concat(xy, p.xy());
                labels = labels(labels, i % 3, p.points());
            }
        }
        assertTrue(MapQuality.knnAccuracy(xy, labels, xy, labels, 10, true) >= 0.9);
        assertEquals(Set.of("R-3", "R-4"), mapRecords(1).entrySet().stream()
                .filter(e -> e.getValue().get(0).update() == MapUpdate.ADDED).map(Map.Entry::getKey)
                .collect(Collectors.toSet()));
        assertTrue(Files.isRegularFile(dir.resolve("map/map-v2.tsne")));
        assertFalse(Files.exists(dir.resolve("map/map-v1.tsne")));
    }

    @Test
    void restart_keepsTheVersion_addsPointsToTheSavedMap_nothingPublishedTwice() throws Exception {
        try (LiveMapService first = LiveMapService.start(settings(10), clock)) {
            for (int i = 0; i < 3; i++) {
                send("T-" + i, i, 300, 8, MODEL);
            }
            assertTrue(first.awaitHandled(3, WAIT));
            assertEquals(1, first.mapVersion());
        }
        byte[] mapFile = Files.readAllBytes(dir.resolve("map/map-v1.tsne"));
        send("T-3", 1, 300, 8, MODEL); // while no service runs
        try (LiveMapService again = LiveMapService.start(settings(10), clock)) {
            assertEquals(1, again.mapVersion(), "the saved version");
            SamplePlacement p = again.awaitSample("scan-1", "T-3", WAIT).orElseThrow();
            assertEquals(1, p.version());
            assertEquals(MapUpdate.ADDED, p.update());
            assertEquals(1, again.placedSamples(), "the three samples before the restart are not placed again");
        }
        assertArrayEquals(mapFile, Files.readAllBytes(dir.resolve("map/map-v1.tsne")), "the same map");
        Map<String, List<SampleMapPoints>> v1 = mapRecords(1);
        assertEquals(List.of(3, 3, 3, 3), v1.values().stream().map(List::size).toList(), "each sample's 3 chunks once");
        float[] ref = new float[0];
        int[] refLabels = new int[0];
        for (int i = 0; i < 3; i++) {
            for (SampleMapPoints c : v1.get("T-" + i)) {
                ref = concat(ref, c.xy());
                refLabels = labels(refLabels, i, c.points());
            }
        }
        float[] added = new float[0];
        for (SampleMapPoints c : v1.get("T-3")) {
            added = concat(added, c.xy());
        }
        double acc = MapQuality.knnAccuracy(added, labels(new int[0], 1, 150), ref, refLabels, 10, false);
        assertTrue(acc >= 0.9, "T-3 (cluster 1) lands among cluster 1 after the restart: " + acc);
    }

    @Test
    void crashAfterPublishingBeforeSaving_restartPlacesTheSampleAgain_samePositions_noneLost() throws Exception {
        LiveMapService first = LiveMapService.start(settings(10).withFaults(s -> s.metadata().sampleId().equals("K-3")),
                clock);
        try {
            for (int i = 0; i < 5; i++) {
                send("K-" + i, i % 3, 300, 8, MODEL);
            }
            Await.until(WAIT, "the service halts at K-3", () -> first.state() == LiveMapService.State.HALTED);
            assertEquals(3, first.placedSamples(), "K-0..K-2 fitted and saved; K-3 published, not saved");
        } finally {
            first.close();
        }
        try (LiveMapService again = LiveMapService.start(settings(10), clock)) {
            assertEquals(1, again.mapVersion());
            assertTrue(again.awaitHandled(2, WAIT), "K-3 and K-4 after the restart");
            assertEquals(2, again.placedSamples());
        }
        List<SampleMapPoints> k3 = new ArrayList<>();
        Map<String, Integer> chunks = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(HyclusTopics.SAMPLE_MAP.name())) {
            SampleMapPoints p = SampleMapCodec.decode(r.value(), "map@" + r.offset());
            chunks.merge(p.sampleId(), 1, Integer::sum);
            if (p.sampleId().equals("K-3")) {
                k3.add(p);
            }
        }
        assertEquals(Map.of("K-0", 3, "K-1", 3, "K-2", 3, "K-3", 6, "K-4", 3), chunks,
                "every sample on the map; K-3's records twice (the documented duplicate)");
        for (int c = 0; c < 3; c++) {
            assertEquals(MapUpdate.ADDED, k3.get(c).update());
            assertArrayEquals(k3.get(c).xy(), k3.get(c + 3).xy(), "the same map places K-3 at the same positions");
            assertArrayEquals(k3.get(c).rows(), k3.get(c + 3).rows());
        }
    }

    @Test
    void badInput_refusedNamingTheSample_laterSamplesPlaced() throws Exception {
        try (LiveMapService service = LiveMapService.start(settings(10).withFitAfter(1, 100_000), clock)) {
            send("G-1", 0, 300, 8, MODEL);
            assertTrue(service.awaitSample("scan-1", "G-1", WAIT).orElseThrow().placed());
            transaction(List.of(new ProducerRecord<>(HyclusTopics.SAMPLE_CODES.name(),
                    "scan-1/P-1".getBytes(StandardCharsets.UTF_8), "not a record".getBytes(StandardCharsets.UTF_8))));
            List<SampleCodes> gap = ClusterCodes.chunks("scan-1", "M-1", 1, SensorKind.VNIR, MODEL,
                    ClusterCodes.codes(1, 200, 8, 3), 8, CHUNK_BYTES);
            transaction(records(List.of(gap.get(0), gap.get(2), gap.get(3), gap.get(4))));
            send("W-1", 1, 200, 4, MODEL);
            send("G-2", 2, 300, 8, MODEL);
            SamplePlacement poison = service.awaitSample("scan-1", "P-1", WAIT).orElseThrow();
            assertFalse(poison.placed());
            assertEquals(HyclusTopics.SAMPLE_CODES.name() + "/0@" + poisonOffset()
                    + ": not a HyClus record: magic 0x6E6F7420, expected 0x4859434C", poison.reason());
            assertEquals("codes of sample M-1 (scan scan-1) VNIR: chunk 1 of 5 missing (chunk 2 came next)",
                    service.awaitSample("scan-1", "M-1", WAIT).orElseThrow().reason());
            assertEquals("codes of sample W-1 (scan scan-1) VNIR have 4 numbers per spectrum; the map of " + MODEL
                    + " holds codes of 8", service.awaitSample("scan-1", "W-1", WAIT).orElseThrow().reason());
            SamplePlacement g2 = service.awaitSample("scan-1", "G-2", WAIT).orElseThrow();
            assertTrue(g2.placed());
            assertEquals(150, g2.points());
            assertEquals(LiveMapService.State.RUNNING, service.state());
            assertEquals(3, service.refusedSamples());
        }
        assertEquals(Set.of("G-1", "G-2"), mapRecords(1).keySet());
    }

    /** One sample's codes as the encoder sends them: VNIR then SWIR chunks in one transaction. */
    private void send(String sampleId, int cluster, int rows, int d, String model) {
        List<SampleCodes> chunks = new ArrayList<>(ClusterCodes.chunks("scan-1", sampleId, cluster, SensorKind.VNIR,
                model, ClusterCodes.codes(cluster, rows, d, sampleId.hashCode()), d, CHUNK_BYTES));
        chunks.addAll(ClusterCodes.chunks("scan-1", sampleId, cluster, SensorKind.SWIR, "dense-ae-8-swir@1",
                ClusterCodes.codes(2 - cluster, rows / 4, d, 7), d, CHUNK_BYTES));
        transaction(records(chunks));
    }

    private static List<ProducerRecord<byte[], byte[]>> records(List<SampleCodes> chunks) {
        return chunks.stream().map(c -> new ProducerRecord<>(HyclusTopics.SAMPLE_CODES.name(),
                c.key().getBytes(StandardCharsets.UTF_8), SampleCodesCodec.encode(c))).toList();
    }

    private void transaction(List<ProducerRecord<byte[], byte[]>> records) {
        codes.beginTransaction();
        records.forEach(codes::send);
        codes.commitTransaction();
    }

    private long poisonOffset() {
        for (ConsumerRecord<byte[], byte[]> r : readAll(HyclusTopics.SAMPLE_CODES.name())) {
            if (new String(r.key(), StandardCharsets.UTF_8).equals("scan-1/P-1")) {
                return r.offset();
            }
        }
        throw new AssertionError("no poison record");
    }

    /** Map records of {@code version} by sample id, chunks in topic order. */
    private Map<String, List<SampleMapPoints>> mapRecords(int version) {
        Map<String, List<SampleMapPoints>> out = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(HyclusTopics.SAMPLE_MAP.name())) {
            SampleMapPoints p = SampleMapCodec.decode(r.value(), "map@" + r.offset());
            assertEquals(p.key(), new String(r.key(), StandardCharsets.UTF_8));
            if (p.mapVersion() == version) {
                out.computeIfAbsent(p.sampleId(), k -> new ArrayList<>()).add(p);
            }
        }
        return out;
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, HyclusTopics.MAX_RECORD_BYTES),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
            Await.until(WAIT, "read " + topic + " to " + end, () -> {
                c.poll(Duration.ofMillis(100)).forEach(out::add);
                return parts.stream().allMatch(p -> c.position(p) >= end.get(p));
            });
        }
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] labels(int[] a, int label, int n) {
        int[] out = Arrays.copyOf(a, a.length + n);
        Arrays.fill(out, a.length, out.length, label);
        return out;
    }
}
