package io.hyclus.acquisition.publish;

import io.hyclus.kafka.topic.HyclusTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/**
 * The one producer configuration of a scan's publishers (scan events and raw frames): idempotent, acks from all in-sync
 * replicas (retries never reorder or duplicate), 10 ms linger, batches and requests of
 * {@link HyclusTopics#MAX_RECORD_BYTES} (a large line or frame is never split, and several full-size lines go in one
 * request: +22 % real-time factor on the stitched acquisition path against 1 MiB batches and 5 ms in alternated runs,
 * docs/benchmarks.md, "codec version 2 and 4 MiB batches"), 64 MiB of buffer, 2 minutes to
 * deliver, the OS's own (autotuned) socket send buffer rather than Kafka's 128 KiB (a scan sends 140-510 MB/s; no
 * worse in the acquisition benchmark, docs/benchmarks.md, "socket buffers"); no producer compression (values come
 * encoded by HyClus's codecs). Keys are scan ids (the topic's key serializer), values encoded bytes.
 */
final class ScanProducers {
    private ScanProducers() {
    }

    static KafkaProducer<String, byte[]> open(String bootstrapServers, Serializer<String> keys) {
        Map<String, Object> conf = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, HyclusTopics.MAX_RECORD_BYTES,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, HyclusTopics.MAX_RECORD_BYTES,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.SEND_BUFFER_CONFIG, -1);
        return new KafkaProducer<>(conf, keys, new ByteArraySerializer());
    }
}
