package io.hyclus.analysis.live;

import io.hyclus.testkit.Await;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a whole topic from the beginning to its end as it stands now: the high watermark for read_uncommitted, the
 * last stable offset for read_committed (so a transaction still open would hold the read back, and the reader times
 * out rather than miss records).
 */
final class TopicReader {
    private TopicReader() {
    }

    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic, boolean committedOnly) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
            Await.until(Duration.ofSeconds(60), "read " + topic + " to " + end, () -> {
                c.poll(Duration.ofMillis(100)).forEach(out::add);
                return parts.stream().allMatch(p -> c.position(p) >= end.get(p));
            });
        }
        return out;
    }
}
