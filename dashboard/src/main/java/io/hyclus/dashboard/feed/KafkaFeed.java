package io.hyclus.dashboard.feed;

import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.SampleMapPoints;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The dashboard's one Kafka consumer: manually assigned (no group, nothing committed) to every partition of HyClus's
 * topics, {@code read_committed}. Scan events are read from the end (the dashboard shows scans that start after it);
 * containers, codes, map points and dead letters from the beginning (the map and the counts are whole). Records it
 * cannot decode are counted ({@code hyclus.dashboard.undecodable}) and skipped: the dashboard only shows what it can.
 * Topics that do not exist yet are looked for again every few seconds.
 */
public final class KafkaFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long RECHECK_TOPICS_MS = 3000;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final DashboardState state;
    private final KafkaClientMetrics clientMetrics;
    private final Counter undecodable;
    private final Thread thread;
    private final Set<String> assignedTopics = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private volatile Throwable failure;

    public static Properties consumerConfig(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(HyclusTopics.MAX_RECORD_BYTES));
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "hyclus-dashboard");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private KafkaFeed(String bootstrapServers, DashboardState state, MeterRegistry registry) {
        this.consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers));
        this.state = state;
        this.clientMetrics = new KafkaClientMetrics(consumer);
        clientMetrics.bindTo(registry);
        this.undecodable = Counter.builder("hyclus.dashboard.undecodable")
                .description("records the dashboard could not decode and skipped").register(registry);
        io.micrometer.core.instrument.Gauge.builder("hyclus.dashboard.topics.read", assignedTopics, Set::size)
                .description("HyClus topics the dashboard found and reads").register(registry);
        state.watchDeadLetters(HyclusTopics.SCAN_EVENTS_DEAD_LETTERS.name());
        state.watchDeadLetters(HyclusTopics.SAMPLE_CONTAINERS_DEAD_LETTERS.name());
        this.thread = new Thread(this::run, "hyclus-dashboard-feed");
        thread.setDaemon(true);
    }

    /** Starts polling on its own thread. */
    public static KafkaFeed start(String bootstrapServers, DashboardState state, MeterRegistry registry) {
        KafkaFeed f = new KafkaFeed(bootstrapServers, state, registry);
        f.thread.start();
        return f;
    }

    private static List<Topic<?, ?>> topics() {
        return List.of(HyclusTopics.SCAN_EVENTS, HyclusTopics.SAMPLE_CONTAINERS, HyclusTopics.SAMPLE_CODES,
                HyclusTopics.SAMPLE_MAP, HyclusTopics.SCAN_EVENTS_DEAD_LETTERS, HyclusTopics.SAMPLE_CONTAINERS_DEAD_LETTERS);
    }

    private void run() {
        long nextCheck = 0;
        try {
            while (running) {
                if (assignedTopics.size() < topics().size() && System.currentTimeMillis() >= nextCheck) {
                    assignNewTopics();
                    nextCheck = System.currentTimeMillis() + RECHECK_TOPICS_MS;
                }
                if (consumer.assignment().isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    handle(r);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("dashboard feed stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            clientMetrics.close();
        }
    }

    private void assignNewTopics() {
        List<TopicPartition> fromEnd = new ArrayList<>();
        List<TopicPartition> fromStart = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (Topic<?, ?> t : topics()) {
            if (assignedTopics.contains(t.name())) {
                continue;
            }
            List<PartitionInfo> parts;
            try {
                parts = consumer.partitionsFor(t.name(), Duration.ofSeconds(5));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.debug("topic {} not found yet: {}", t.name(), e.toString());
                continue;
            }
            if (parts == null || parts.isEmpty()) {
                continue;
            }
            found.add(t.name());
            for (PartitionInfo p : parts) {
                (t == HyclusTopics.SCAN_EVENTS ? fromEnd : fromStart).add(new TopicPartition(p.topic(), p.partition()));
            }
        }
        if (fromEnd.isEmpty() && fromStart.isEmpty()) {
            return;
        }
        List<TopicPartition> all = new ArrayList<>(consumer.assignment());
        all.addAll(fromEnd);
        all.addAll(fromStart);
        consumer.assign(all);
        consumer.seekToEnd(fromEnd);
        consumer.seekToBeginning(fromStart);
        // resolve the positions now (seeks are lazy): records produced after this are read
        for (TopicPartition tp : consumer.assignment()) {
            consumer.position(tp, Duration.ofSeconds(10));
        }
        assignedTopics.addAll(found);
        LOG.info("Dashboard reading {} (scan events from their end, the rest from the beginning)", assignedTopics);
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) {
        String topic = r.topic();
        if (topic.equals(HyclusTopics.SCAN_EVENTS_DEAD_LETTERS.name())
                || topic.equals(HyclusTopics.SAMPLE_CONTAINERS_DEAD_LETTERS.name())) {
            state.deadLetter(topic);
            return;
        }
        if (r.value() == null) {
            return;
        }
        try {
            if (topic.equals(HyclusTopics.SCAN_EVENTS.name())) {
                ScanEvent e = HyclusTopics.SCAN_EVENTS.valueSerde().deserializer().deserialize(topic, r.value());
                state.scanEvent(e, r.value().length);
            } else if (topic.equals(HyclusTopics.SAMPLE_CONTAINERS.name())) {
                SampleContainerWritten w = HyclusTopics.SAMPLE_CONTAINERS.valueSerde().deserializer().deserialize(topic, r.value());
                state.containerWritten(w);
            } else if (topic.equals(HyclusTopics.SAMPLE_CODES.name())) {
                SampleCodes c = HyclusTopics.SAMPLE_CODES.valueSerde().deserializer().deserialize(topic, r.value());
                state.codes(c);
            } else if (topic.equals(HyclusTopics.SAMPLE_MAP.name())) {
                SampleMapPoints p = HyclusTopics.SAMPLE_MAP.valueSerde().deserializer().deserialize(topic, r.value());
                state.mapPoints(p);
            }
        } catch (RuntimeException e) {
            undecodable.increment();
            LOG.warn("Dashboard skipped a record it cannot decode at {}-{}@{}: {}", topic, r.partition(), r.offset(),
                    e.toString());
        }
    }

    /** The error that stopped the feed, if any. */
    public Throwable failure() {
        return failure;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
