package io.hyclus.broker;

import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(180)
class EmbeddedKafkaBrokerIT {

    @TempDir
    Path dir;

    @Test
    void restart_reusesFormattedStorage_topicsAndRecordsSurvive() throws Exception {
        ScanEvent sent = new ScanCompleted("scan-1", Map.of(SensorKind.VNIR, 12L), Instant.parse("2026-11-25T01:00:00Z"),
                List.of("2 frames dropped"));
        String firstClusterId;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir))) {
            TopicAdmin.ensureTopics(broker.bootstrapServers(), HyclusTopics.all(), 1, (short) 1);
            try (KafkaProducer<String, ScanEvent> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    HyclusTopics.SCAN_EVENTS.keySerde().serializer(), HyclusTopics.SCAN_EVENTS.valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(HyclusTopics.SCAN_EVENTS.name(), "scan-1", sent)).get();
            }
            firstClusterId = clusterId(broker);
        }
        assertTrue(Files.exists(dir.resolve("logs/meta.properties")), "storage was formatted");

        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir))) {
            assertEquals(firstClusterId, clusterId(again));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, again.bootstrapServers()))) {
                Set<String> names = admin.listTopics().names().get();
                assertTrue(names.containsAll(Set.of("hyclus.scan-events", "hyclus.sample-containers",
                        "hyclus.scan-events.dlq")), "topics after restart: " + names);
            }
            assertEquals(List.of(sent), readAll(again.bootstrapServers()));
        }
    }

    @Test
    void nonAsciiDataDirectory_works_andNothingIsWrittenBesideIt() throws Exception {
        Path data = dir.resolve("wörk-ü-ø");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(data))) {
            TopicAdmin.ensureTopics(broker.bootstrapServers(), HyclusTopics.all(), 1, (short) 1);
            assertTrue(clusterId(broker).length() > 0);
        }
        assertTrue(Files.exists(data.resolve("logs/meta.properties")), "storage formatted inside " + data);
        try (var entries = Files.list(dir)) {
            assertEquals(List.of(data), entries.toList(), "no mis-encoded sibling folder");
        }
    }

    private static String clusterId(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return admin.describeCluster().clusterId().get();
        }
    }

    private static List<ScanEvent> readAll(String bootstrap) {
        TopicPartition tp = new TopicPartition(HyclusTopics.SCAN_EVENTS.name(), 0);
        try (KafkaConsumer<String, ScanEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                HyclusTopics.SCAN_EVENTS.keySerde().deserializer(), HyclusTopics.SCAN_EVENTS.valueSerde().deserializer())) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            List<ScanEvent> got = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (got.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ScanEvent> r : consumer.poll(Duration.ofMillis(500))) {
                    got.add(r.value());
                }
            }
            return got;
        }
    }
}
