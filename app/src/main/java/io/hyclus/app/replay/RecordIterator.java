package io.hyclus.app.replay;

import io.hyclus.app.AppException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The records of the partitions a consumer is assigned, polled until each partition's position reaches the end
 * offset taken beforehand (under read_committed a transaction marker or an aborted record may sit at the end: the
 * position passes it without a record).
 */
final class RecordIterator implements Iterator<ConsumerRecord<String, byte[]>> {
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<TopicPartition, Long> end;
    private final String topic;
    private final String servers;
    private final Duration timeout;
    private final Deque<ConsumerRecord<String, byte[]>> buffer = new ArrayDeque<>();

    RecordIterator(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end, String topic, String servers,
                   Duration timeout) {
        this.consumer = consumer;
        this.end = end;
        this.topic = topic;
        this.servers = servers;
        this.timeout = timeout;
    }

    @Override
    public boolean hasNext() {
        long idleSince = System.nanoTime();
        while (buffer.isEmpty() && !atEnd()) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    buffer.add(r);
                }
            }
            if (!buffer.isEmpty()) {
                return true;
            }
            if (System.nanoTime() - idleSince > timeout.toNanos()) {
                throw new AppException("reading " + topic + " at " + servers + ": no progress towards its end offsets "
                        + end + " within " + timeout.toSeconds() + " s");
            }
        }
        return !buffer.isEmpty();
    }

    private boolean atEnd() {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), timeout) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ConsumerRecord<String, byte[]> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.poll();
    }
}
