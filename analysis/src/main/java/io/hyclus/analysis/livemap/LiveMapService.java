package io.hyclus.analysis.livemap;

import io.hyclus.analysis.live.ClientMeters;
import io.hyclus.kafka.topic.HyclusTopics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The live map service, running: consumes {@link HyclusTopics#SAMPLE_CODES} (read committed), places a seeded
 * subsample of each sample's codes of one camera on a live t-SNE map, publishes the points to
 * {@link HyclusTopics#SAMPLE_MAP}, re-fits on a reservoir when the map has drifted, and saves the map with where to
 * resume after every change (docs/live-map.md). At least once: a crash after a sample's points are published and before
 * the map is saved publishes them again on restart.
 *
 * <p>{@link #start} reads the saved map (if any) and returns once the consumer is assigned; one thread does the rest.
 * An error it cannot step over (Kafka, a map that cannot be saved) stops it: {@link #rethrow} reports it, and the
 * samples since the last save are read again on the next start. Samples it cannot use are logged at ERROR, naming
 * them, and the service goes on.
 */
public final class LiveMapService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveMapService.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int RECENT = 10_000;

    /** Where the service is. */
    public enum State { RUNNING, FAILED, HALTED, CLOSED }

    private final LiveMapSettings settings;
    private final MapLoop loop;
    private final Thread thread;
    private final ClientMeters meters;
    private State state = State.RUNNING;
    private Throwable failure;
    private long placed;
    private long refused;
    private int version;
    private final Map<String, SamplePlacement> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SamplePlacement> eldest) {
            return size() > RECENT;
        }
    };

    private LiveMapService(LiveMapSettings s, InstantSource clock, KafkaConsumer<byte[], byte[]> consumer,
                           KafkaProducer<byte[], byte[]> producer, LiveMap map, Map<Integer, Long> resume) {
        this.meters = new ClientMeters(consumer, producer);
        this.settings = s;
        this.version = map.version();
        this.loop = new MapLoop(s, consumer, producer, clock, map, resume, new MapLoop.Listener() {
            @Override
            public void handled(String key, SamplePlacement placement, int v) {
                record(key, placement, v);
            }

            @Override
            public void stopped(Throwable t, boolean halted) {
                ended(t, halted);
            }
        });
        this.thread = new Thread(loop, "hyclus-live-map");
    }

    /** Producer configuration: idempotent, {@code acks=all}, records up to {@link HyclusTopics#MAX_RECORD_BYTES}. */
    public static Properties producerConfig(LiveMapSettings s) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, HyclusTopics.MAX_RECORD_BYTES);
        return p;
    }

    /**
     * Consumer configuration: committed codes only (the encoder writes them in transactions), no automatic commits
     * (offsets are committed after each save, for monitoring; where to resume is saved with the map).
     */
    public static Properties consumerConfig(LiveMapSettings s) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.groupId());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, HyclusTopics.MAX_RECORD_BYTES);
        return p;
    }

    /**
     * Starts the service on its own thread: reads the saved map in {@link LiveMapSettings#mapDir()} (if any) and
     * resumes where it was saved; without one, reads the codes topic from its beginning. The topics must exist.
     *
     * @throws LiveMapException if the saved state cannot be read or Kafka does not answer
     */
    public static LiveMapService start(LiveMapSettings s, InstantSource clock) {
        Optional<LiveMapStateFile.Saved> saved = LiveMapStateFile.read(s.mapDir());
        LiveMap map = saved.map(v -> {
            if (v.state().camera() != s.camera()) {
                throw new LiveMapException("the live map in " + s.mapDir() + " holds " + v.state().camera()
                        + " codes; this service is set to " + s.camera() + " (use another map directory)");
            }
            return LiveMap.restored(s, v.state());
        }).orElseGet(() -> new LiveMap(s));
        Map<Integer, Long> resume = saved.map(LiveMapStateFile.Saved::offsets).orElse(Map.of());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(s), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer;
        try {
            String topic = HyclusTopics.SAMPLE_CODES.name();
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new LiveMapException("topic " + topic + " has no partitions on " + s.bootstrapServers());
            }
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            for (TopicPartition tp : parts) {
                Long at = resume.get(tp.partition());
                if (at == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, at);
                }
            }
            producer = new KafkaProducer<>(producerConfig(s), new ByteArraySerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ZERO));
            throw new LiveMapException("live map service cannot read " + HyclusTopics.SAMPLE_CODES.name() + " on "
                    + s.bootstrapServers() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
        LiveMapService service = new LiveMapService(s, clock, consumer, producer, map, resume);
        service.thread.start();
        LOG.info("Live map service reading {} ({} codes) into {} on {}; map {} in {}", HyclusTopics.SAMPLE_CODES.name(),
                s.camera(), HyclusTopics.SAMPLE_MAP.name(), s.bootstrapServers(),
                map.version() == 0 ? "not fitted yet" : "v" + map.version() + " of " + map.referencePoints() + " points",
                s.mapDir().toAbsolutePath());
        return service;
    }

    public LiveMapSettings settings() {
        return settings;
    }

    public synchronized State state() {
        return state;
    }

    /** Samples whose points were published since start. */
    public synchronized long placedSamples() {
        return placed;
    }

    /** Samples refused since start (undecodable, chunks missing, code size, non-finite codes). */
    public synchronized long refusedSamples() {
        return refused;
    }

    /** The current map version (0 before the first fit), as of the last sample handled. */
    public synchronized int mapVersion() {
        return version;
    }

    /** Throws if the service stopped on an error. */
    public synchronized void rethrow() {
        if (failure != null) {
            throw new LiveMapException("live map service failed: " + failure.getMessage(), failure);
        }
    }

    /**
     * Waits until the sample {@code scanId/sampleId} was placed or refused by this instance since its start.
     *
     * @return how; empty if {@code timeout} passed first or the service stopped
     * @throws LiveMapException if the service failed meanwhile
     */
    public synchronized Optional<SamplePlacement> awaitSample(String scanId, String sampleId, Duration timeout)
            throws InterruptedException {
        String key = scanId + "/" + sampleId;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!recent.containsKey(key)) {
            rethrow();
            long left = deadline - System.nanoTime();
            if (left <= 0 || state != State.RUNNING) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return Optional.of(recent.get(key));
    }

    /** Waits until {@code n} samples were placed or refused since start; false on timeout or stop. */
    public synchronized boolean awaitHandled(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (placed + refused < n) {
            rethrow();
            long left = deadline - System.nanoTime();
            if (left <= 0 || state != State.RUNNING) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized void record(String key, SamplePlacement p, int v) {
        recent.put(key, p);
        if (p.placed()) {
            placed++;
        } else {
            refused++;
        }
        version = v;
        notifyAll();
    }

    private synchronized void ended(Throwable t, boolean halted) {
        if (t != null) {
            failure = t;
            state = State.FAILED;
            LOG.error("Live map service stopped: {}", t.getMessage(), t);
        } else {
            state = halted ? State.HALTED : State.CLOSED;
        }
        notifyAll();
    }

    /**
     * Publishes the Kafka client metrics of this map service's consumer and producer in {@code registry}, through
     * Micrometer's Kafka client binder ({@link ClientMeters}), until {@link #close}.
     */
    public void bindTo(MeterRegistry registry) {
        meters.bindTo(registry);
    }

    /** Stops after the record in hand, closes the clients. Samples not saved yet are read again on the next start. */
    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        meters.close();
        if (thread.isAlive()) {
            LOG.warn("Live map service did not stop within {} s", STOP_TIMEOUT.toSeconds());
        }
    }
}
