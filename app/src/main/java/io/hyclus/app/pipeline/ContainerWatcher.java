package io.hyclus.app.pipeline;

import io.hyclus.app.AppException;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.kafka.topic.HyclusTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Watches {@link HyclusTopics#SAMPLE_CONTAINERS} from its current end (no consumer group) for the
 * containers of one scan. Create it before the scan is published. Reads committed records only: segmentation writes
 * exactly once, in transactions, and a record of an aborted transaction (a crash, a fenced instance) is written
 * again by the next attempt.
 */
public final class ContainerWatcher implements AutoCloseable {
    private final KafkaConsumer<String, SampleContainerWritten> consumer;
    private final String topic;

    public ContainerWatcher(String bootstrapServers) {
        this(bootstrapServers, HyclusTopics.SAMPLE_CONTAINERS.name());
    }

    /** Watches {@code topic}: {@link HyclusTopics#SAMPLE_CONTAINERS}, or a replay's own (docs/replay.md). */
    public ContainerWatcher(String bootstrapServers, String topic) {
        this.topic = topic;
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                HyclusTopics.SAMPLE_CONTAINERS.keySerde().deserializer(),
                HyclusTopics.SAMPLE_CONTAINERS.valueSerde().deserializer());
        List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position);
    }

    /**
     * Waits until {@code expected} containers of {@code scanId} arrived, calling {@code healthCheck} between
     * polls (it throws if the pipeline failed).
     */
    public List<SampleContainerWritten> await(String scanId, int expected, Duration timeout, Runnable healthCheck) {
        List<SampleContainerWritten> got = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got.size() < expected) {
            healthCheck.run();
            if (System.nanoTime() > deadline) {
                throw new AppException("only " + got.size() + " of " + expected + " containers of scan " + scanId
                        + " arrived on " + topic + " within " + timeout.toSeconds() + " s");
            }
            for (ConsumerRecord<String, SampleContainerWritten> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.value().scanId().equals(scanId)) {
                    got.add(r.value());
                }
            }
        }
        return got;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
