package io.hyclus.streaming.segment;

import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.Topic;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.testkit.Await;
import io.hyclus.testkit.KafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the cluster integration tests do with scans on a {@link KafkaCluster}: fresh topics, publishing events line by
 * line, the segmentation's committed progress, reading sample-written records (read committed) and comparing
 * containers with those of an uninterrupted run ({@link SegmentationDriver}).
 */
final class ClusterScans {
    static final Duration WAIT = Duration.ofSeconds(90);
    static final List<Topic<?, ?>> TOPICS = List.of(HyclusTopics.SCAN_EVENTS, HyclusTopics.SAMPLE_CONTAINERS,
            HyclusTopics.SCAN_EVENTS_DEAD_LETTERS);

    private ClusterScans() {
    }

    /** The scan's events as acquisition publishes them: start, {@code lines} lines, completion. */
    static List<ScanEvent> scan(String scanId, int lines) {
        List<ScanEvent> events = new ArrayList<>();
        events.add(ScanFixture.start(scanId));
        for (long i = 0; i < lines; i++) {
            events.add(ScanFixture.line(scanId, i));
        }
        events.add(ScanFixture.completed(scanId, lines));
        return events;
    }

    /**
     * Deletes HyClus's topics if a previous test left them, then creates them through production's
     * {@link TopicAdmin#ensureTopics} with {@code partitions} partitions and replication 3, and checks that the
     * cluster made them so: three replicas per partition, {@code min.insync.replicas} 2.
     */
    static void freshTopics(KafkaCluster cluster, int partitions) throws Exception {
        List<String> names = TOPICS.stream().map(Topic::name).toList();
        try (Admin admin = cluster.admin()) {
            List<String> existing = names.stream().filter(n -> exists(admin, n)).toList();
            if (!existing.isEmpty()) {
                admin.deleteTopics(existing).all().get(30, TimeUnit.SECONDS);
                Await.until(WAIT, "topics " + existing + " deleted", () -> existing.stream().noneMatch(n -> exists(admin, n)));
            }
            TopicAdmin.ensureTopics(cluster.bootstrapServers(), TOPICS, partitions, (short) 3);
            // A topic just created may not be known yet to the broker that answers: ask until every one is.
            Map<String, TopicDescription> created = new HashMap<>();
            Await.until(WAIT, "topics " + names + " known to the cluster with their leaders", () -> {
                try {
                    created.putAll(admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS));
                    return created.values().stream().allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null));
                } catch (Exception e) {
                    return false;
                }
            });
            for (TopicDescription d : created.values()) {
                assertEquals(partitions, d.partitions().size(), d.name());
                d.partitions().forEach(p -> assertEquals(3, p.replicas().size(), d.name() + " " + p));
            }
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, HyclusTopics.SCAN_EVENTS.name());
            Config c = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
            assertEquals("2", c.get("min.insync.replicas").value());
            assertEquals(String.valueOf(HyclusTopics.MAX_RECORD_BYTES), c.get("max.message.bytes").value());
        }
    }

    private static boolean exists(Admin admin, String topic) {
        try {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic);
        } catch (Exception e) {
            throw new AssertionError("cannot list topics: " + e, e);
        }
    }

    /** The partition of {@code hyclus.scan-events} a scan's events go to (the producer's default partitioner). */
    static int partitionOf(String scanId, int partitions) {
        return Utils.toPositive(Utils.murmur2(scanId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A producer as acquisition's: acks=all, idempotent, records up to 4 MiB. */
    static KafkaProducer<byte[], byte[]> producer(KafkaCluster cluster) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, HyclusTopics.MAX_RECORD_BYTES,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends each event keyed by its scan id and waits for the cluster to acknowledge it before the next one. */
    static void publish(KafkaProducer<byte[], byte[]> producer, List<ScanEvent> events) throws Exception {
        for (ScanEvent e : events) {
            producer.send(new ProducerRecord<>(HyclusTopics.SCAN_EVENTS.name(), e.scanId().getBytes(StandardCharsets.UTF_8),
                    ScanEventCodec.encode(e))).get(120, TimeUnit.SECONDS);
        }
    }

    /** Waits until the application has committed (processed, under exactly-once) every event published so far. */
    static void awaitConsumed(KafkaCluster cluster, String applicationId) {
        try (Admin admin = cluster.admin()) {
            Await.until(WAIT, applicationId + " has committed every scan event", () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    committed.keySet().stream().filter(tp -> tp.topic().equals(HyclusTopics.SCAN_EVENTS.name()))
                            .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                    int partitions = admin.describeTopics(List.of(HyclusTopics.SCAN_EVENTS.name())).allTopicNames()
                            .get(10, TimeUnit.SECONDS).get(HyclusTopics.SCAN_EVENTS.name()).partitions().size();
                    for (int p = 0; p < partitions; p++) {
                        latest.putIfAbsent(new TopicPartition(HyclusTopics.SCAN_EVENTS.name(), p), OffsetSpec.latest());
                    }
                    var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                    return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                            || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset());
                } catch (Exception e) {
                    return false; // a broker down, a leader moving: ask again
                }
            });
        }
    }

    /**
     * Reads {@code hyclus.sample-containers} from the beginning, read committed, until {@code expected} records
     * arrived and every partition is read to its end (the last stable offset), so a duplicate would be counted too.
     */
    static List<SampleContainerWritten> committedRecords(KafkaCluster cluster, int expected) {
        try (KafkaConsumer<String, SampleContainerWritten> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                HyclusTopics.SAMPLE_CONTAINERS.keySerde().deserializer(),
                HyclusTopics.SAMPLE_CONTAINERS.valueSerde().deserializer())) {
            List<TopicPartition> parts = c.partitionsFor(HyclusTopics.SAMPLE_CONTAINERS.name(), Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            List<SampleContainerWritten> got = new ArrayList<>();
            Await.until(WAIT, expected + " committed sample-written records (so far " + got + ")", () -> {
                for (ConsumerRecord<String, SampleContainerWritten> r : c.poll(Duration.ofMillis(200))) {
                    got.add(r.value());
                }
                if (got.size() < expected) {
                    return false;
                }
                Map<TopicPartition, Long> ends = c.endOffsets(parts);
                return parts.stream().allMatch(tp -> c.position(tp) >= ends.get(tp));
            });
            return got;
        }
    }

    /** Each record's key {@code scanId/sampleId}, to see that none is there twice. */
    static List<String> keys(List<SampleContainerWritten> records) {
        return records.stream().map(w -> w.scanId() + "/" + w.sampleId()).sorted().toList();
    }

    /**
     * The container a record names holds what the uninterrupted run wrote for the same sample under {@code reference}:
     * the same sample, every spectrum once at the same line and pixel with the same values, all lines counted once.
     */
    static void assertSameAsReference(Path reference, SampleContainerWritten w, int lines) {
        Path file = Path.of(w.file());
        SampleSpectra expected = SampleContainerReader.read(reference.resolve(w.scanId()).resolve(file.getFileName()));
        SampleSpectra actual = SampleContainerReader.read(file);
        assertEquals(expected.metadata(), actual.metadata(), file.toString());
        assertEquals(w.scanId(), actual.scanId());
        assertEquals(lines + " of " + lines + " published",
                actual.provenance(SegmentationProvenance.linesReceived(SensorKind.VNIR)).orElseThrow(), "lines counted once");
        CameraSpectra e = expected.camera(SensorKind.VNIR).orElseThrow();
        CameraSpectra a = actual.camera(SensorKind.VNIR).orElseThrow();
        assertTrue(e.size() > 50, "a sample of some size: " + e.size());
        assertEquals(e.size(), a.size(), file + ": spectra");
        assertEquals((long) e.size(), w.spectra().get(SensorKind.VNIR), file + ": spectra in the record");
        assertArrayEquals(e.lineIndex(), a.lineIndex(), file + ": line index");
        assertArrayEquals(e.pixelIndex(), a.pixelIndex(), file + ": pixel index");
        for (int i = 0; i < e.size(); i++) {
            assertArrayEquals(e.spectra()[i], a.spectra()[i], file + ": spectrum " + i);
        }
    }

    /** Segments the events in a {@link SegmentationDriver} (no broker, no interruption) into {@code out}. */
    static void reference(Path out, Path state, List<ScanEvent> events) {
        try (SegmentationDriver d = new SegmentationDriver(out, state)) {
            events.forEach(d::send);
            assertEquals(0, d.dlq.getQueueSize(), "the reference run dead-letters nothing");
        }
    }
}
