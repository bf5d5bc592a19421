package io.hyclus.acquisition.publish;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes scan events to {@link HyclusTopics#SCAN_EVENTS}, keyed by scan id. Idempotent, acks from all
 * in-sync replicas. Batches stay below the broker's message size ({@code batch.size} 1 MiB &lt;=
 * {@code max.message.bytes} 4 MiB &lt;= {@code max.request.size} 4 MiB) so large scanlines are not split.
 * The first send failure is kept and thrown by the next publish or flush: no event is dropped silently. Scanlines are
 * written as float32 unless a {@link LineEncoding} says otherwise.
 */
public final class KafkaScanEventPublisher implements ScanEventSink, AutoCloseable {
    private final Topic<String, ScanEvent> topic;
    private final KafkaProducer<String, ScanEvent> producer;
    private final String bootstrapServers;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaScanEventPublisher(String bootstrapServers) {
        this(bootstrapServers, LineEncoding.FLOAT32);
    }

    public KafkaScanEventPublisher(String bootstrapServers, LineEncoding encoding) {
        this(bootstrapServers, encoding, HyclusTopics.SCAN_EVENTS);
    }

    /** Publishes to {@code topic}: {@link HyclusTopics#SCAN_EVENTS}, or a replay's own (docs/replay.md). */
    public KafkaScanEventPublisher(String bootstrapServers, LineEncoding encoding, Topic<String, ScanEvent> topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        Map<String, Object> conf = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, HyclusTopics.MAX_RECORD_BYTES,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        this.producer = new KafkaProducer<>(conf, topic.keySerde().serializer(), encoding.serializer());
    }

    @Override
    public void publish(ScanEvent event) {
        rethrow();
        producer.send(new ProducerRecord<>(topic.name(), event.scanId(), event), (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, new AcquisitionException("publishing " + describe(event) + " to "
                        + topic.name() + " on " + bootstrapServers + " failed: " + e.getMessage(), e));
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
        rethrow();
    }

    @Override
    public void close() {
        producer.close();
    }

    private void rethrow() {
        Exception e = failure.get();
        if (e != null) {
            throw (AcquisitionException) e;
        }
    }

    private static String describe(ScanEvent e) {
        return e.getClass().getSimpleName() + " of scan " + e.scanId();
    }
}
