package io.hyclus.streaming.service;

import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.streaming.StreamingException;
import io.hyclus.streaming.segment.SegmentationSettings;
import io.hyclus.streaming.segment.SegmentationTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the segmentation topology on a cluster and stops it.
 *
 * <p>An exception out of the topology stops the application ({@code SHUTDOWN_CLIENT}); it is logged once with the
 * segmentation's own one-line reason ({@link #reason}) and {@link #rethrow} reports it. Under exactly-once the
 * record being processed is not consumed: a completion whose container could not be written (disk full) is processed
 * again, with its fragments intact, when the application is started again after the cause is removed.
 */
public final class SegmentationService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentationService.class);

    private final KafkaStreams streams;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<KafkaStreamsMetrics> meters = new CopyOnWriteArrayList<>();

    private SegmentationService(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * Largest time a transaction may stay open, ms. A scan's completion writes all its containers inside one
     * transaction (the fragments' deletion commits with the completion's offset); Streams' 10 s default would abort a
     * large tray's completion and process it again for ever. After a crash the restarted instance (same state
     * directory, so same process id and transactional id) aborts the open transaction at once; only an instance whose
     * state directory is lost leaves it open this long, holding back read_committed readers.
     */
    static final int TRANSACTION_TIMEOUT_MS = 60_000;
    /** How often a start that is not yet running says what it waits for. */
    private static final Duration WAITING_WORD = Duration.ofSeconds(5);

    /**
     * All Kafka Streams configuration of the segmentation, in one place.
     *
     * <p>Exactly-once ({@code exactly_once_v2}): the state stores' changelogs, the output records (sample-written,
     * dead letters) and the input offsets commit in one transaction, so a crash rolls back fragments and line counts
     * to the last commit together with the position in the scan events: nothing is lost or counted twice. Readers of
     * the output topics must read with {@code isolation.level=read_committed} to never see a record of an aborted
     * transaction. A commit every 100 ms (the exactly-once default) bounds how long a written container's record
     * waits to become visible; each commit costs a transaction round trip. The broker must allow transactions:
     * the transaction state log's replication and min ISR (1 on the embedded single node, the cluster's own
     * otherwise).
     */
    public static Properties streamsConfig(StreamsSettings s) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, s.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, s.replication());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), TRANSACTION_TIMEOUT_MS);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), HyclusTopics.MAX_RECORD_BYTES);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), HyclusTopics.MAX_RECORD_BYTES);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.topicPrefix("max.message.bytes"), String.valueOf(HyclusTopics.MAX_RECORD_BYTES));
        return p;
    }

    /**
     * Starts the topology and waits, at most {@code timeout}, until it is running. The instance joins its consumer
     * group as a static member ({@link StaticMembership}): restarted on the same state directory after a crash, it
     * takes its partitions back at once instead of waiting for the dead member's session to time out.
     */
    public static SegmentationService start(StreamsSettings streamsSettings, SegmentationSettings settings,
                                            InstantSource clock, Duration timeout) {
        return start(streamsSettings, settings, clock, timeout, io.hyclus.kafka.topic.TopicNames.LIVE);
    }

    /** Like {@link #start(StreamsSettings, SegmentationSettings, InstantSource, Duration)} on {@code topics}. */
    public static SegmentationService start(StreamsSettings streamsSettings, SegmentationSettings settings,
                                            InstantSource clock, Duration timeout,
                                            io.hyclus.kafka.topic.TopicNames topics) {
        Properties config = streamsConfig(streamsSettings);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                StaticMembership.instanceId(streamsSettings.stateDir()));
        KafkaStreams streams = new KafkaStreams(SegmentationTopology.build(settings, clock, topics), config);
        SegmentationService service = new SegmentationService(streams);
        streams.setUncaughtExceptionHandler(e -> {
            StreamingException known = explained(e);
            if (known != null) { // a failure we explain (disk full): its one line first, the wrappers' trace below
                LOG.error("Segmentation stopped: {}", known.getMessage());
                LOG.debug("Segmentation stopped", e);
            } else {
                LOG.error("Segmentation stopped: {}", e.getMessage(), e);
            }
            service.failure.compareAndSet(null, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextWord = started + WAITING_WORD.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            try {
                service.rethrow();
            } catch (StreamingException e) {
                // Stopped on an error before running: close here, or the client's threads and its lock on the state
                // directory outlive this call, and a start again on the same directory (once the cause is removed)
                // fails with "state directory is already locked".
                streams.close(Duration.ofSeconds(30));
                throw e;
            }
            if (System.nanoTime() > nextWord) {
                LOG.info("Segmentation still {} after {} s: waiting for group {} on {} to assign its partitions (a member "
                                + "that did not leave, such as another instance's killed process, holds them until its "
                                + "session times out) and for the state stores to be restored; giving up after {} s",
                        streams.state(), Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                        streamsSettings.applicationId(), streamsSettings.bootstrapServers(), timeout.toSeconds());
                nextWord += WAITING_WORD.toNanos();
            }
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()
                    && streams.state() != KafkaStreams.State.CREATED) {
                streams.close(Duration.ofSeconds(10));
                throw new StreamingException("segmentation did not reach RUNNING within " + timeout.toSeconds()
                        + " s on " + streamsSettings.bootstrapServers() + " (state " + streams.state() + ")");
            }
            sleep();
        }
        LOG.info("Segmentation running on {} as {}", streamsSettings.bootstrapServers(), streamsSettings.applicationId());
        return service;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Throws if the topology stopped on an error. */
    public void rethrow() {
        Throwable t = failure.get();
        if (t != null) {
            throw new StreamingException("segmentation failed: " + reason(t), t);
        }
    }

    /**
     * Why the topology stopped, in one line: the message of the segmentation's own exception in the chain (such as
     * {@link io.hyclus.streaming.segment.ContainerWriteException}: file and "No space left on device") rather than
     * Kafka Streams' "Exception caught in process..." wrapper; else the throwable's own message.
     */
    public static String reason(Throwable t) {
        StreamingException known = explained(t);
        return known != null ? known.getMessage() : t.getMessage();
    }

    private static StreamingException explained(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StreamingException s) {
                return s;
            }
        }
        return null;
    }

    /**
     * Stops the topology and leaves the consumer group, so the next start (a second demo run, a restart after
     * maintenance) is assigned its partitions at once instead of after the old member's session times out.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        meters.forEach(KafkaStreamsMetrics::close);
    }

    /**
     * Publishes the Kafka Streams metrics of this segmentation (its threads, tasks, state stores and embedded clients)
     * in {@code registry}, through Micrometer's {@link KafkaStreamsMetrics} binder, until {@link #close}.
     */
    public void bindTo(MeterRegistry registry) {
        KafkaStreamsMetrics m = new KafkaStreamsMetrics(streams);
        m.bindTo(registry);
        meters.add(m);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamingException("interrupted while starting segmentation");
        }
    }
}
