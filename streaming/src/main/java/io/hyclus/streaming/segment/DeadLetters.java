package io.hyclus.streaming.segment;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Sends a record streaming cannot use to the dead-letter sink, unchanged, with why and where in headers:
 * {@value #ERROR}, {@value #SOURCE_TOPIC}, {@value #SOURCE_PARTITION}, {@value #SOURCE_OFFSET}.
 */
final class DeadLetters {
    static final String ERROR = "hyclus.error";
    static final String SOURCE_TOPIC = "hyclus.source.topic";
    static final String SOURCE_PARTITION = "hyclus.source.partition";
    static final String SOURCE_OFFSET = "hyclus.source.offset";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    static void send(ProcessorContext<?, ?> ctx, Record<byte[], byte[]> record, String reason, String sinkName) {
        Headers h = new RecordHeaders(record.headers().toArray());
        h.add(ERROR, reason.getBytes(StandardCharsets.UTF_8));
        String where = "unknown position";
        if (ctx.recordMetadata().isPresent()) {
            RecordMetadata m = ctx.recordMetadata().get();
            h.add(SOURCE_TOPIC, m.topic().getBytes(StandardCharsets.UTF_8));
            h.add(SOURCE_PARTITION, String.valueOf(m.partition()).getBytes(StandardCharsets.UTF_8));
            h.add(SOURCE_OFFSET, String.valueOf(m.offset()).getBytes(StandardCharsets.UTF_8));
            where = m.topic() + "/" + m.partition() + "@" + m.offset();
        }
        LOG.warn("Dead-lettered record at {}: {}", where, reason);
        @SuppressWarnings("unchecked")
        ProcessorContext<Object, Object> c = (ProcessorContext<Object, Object>) ctx;
        c.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(), h), sinkName);
    }

    static String where(ProcessorContext<?, ?> ctx) {
        return ctx.recordMetadata().map(m -> m.topic() + "/" + m.partition() + "@" + m.offset()).orElse("unknown position");
    }
}
