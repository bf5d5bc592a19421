package io.hyclus.analysis.live;

import io.hyclus.kafka.topic.DeadLetterHeaders;
import io.hyclus.kafka.topic.HyclusTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * A sample-container record the encoder cannot use, as it goes to {@link HyclusTopics#SAMPLE_CONTAINERS_DEAD_LETTERS}:
 * its key and value unchanged, its headers kept, plus why and where ({@link DeadLetterHeaders}).
 */
final class DeadLetters {
    private DeadLetters() {
    }

    static ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> r, String reason, String topic) {
        Headers h = new RecordHeaders(r.headers().toArray());
        h.add(DeadLetterHeaders.ERROR, utf8(reason));
        h.add(DeadLetterHeaders.SOURCE_TOPIC, utf8(r.topic()));
        h.add(DeadLetterHeaders.SOURCE_PARTITION, utf8(String.valueOf(r.partition())));
        h.add(DeadLetterHeaders.SOURCE_OFFSET, utf8(String.valueOf(r.offset())));
        return new ProducerRecord<>(topic, null, r.key(), r.value(), h);
    }

    static String where(ConsumerRecord<?, ?> r) {
        return r.topic() + "/" + r.partition() + "@" + r.offset();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
