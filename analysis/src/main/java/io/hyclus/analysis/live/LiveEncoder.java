package io.hyclus.analysis.live;

import io.hyclus.analysis.model.ModelCatalog;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.kafka.topic.HyclusTopics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
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
 * The live encoder, running: consumes {@link HyclusTopics#SAMPLE_CONTAINERS}, encodes each sample with the promoted
 * model of each camera, writes the codes beside the container ({@link CodesFile}) and publishes them to
 * {@link HyclusTopics#SAMPLE_CODES}; samples it cannot use go to {@link HyclusTopics#SAMPLE_CONTAINERS_DEAD_LETTERS}.
 * Each sample is one Kafka transaction: its codes records (or its dead letter) and its offset commit together, so a
 * crash at any point neither loses a sample nor publishes one twice (docs/live-encoder.md).
 *
 * <p>{@link #start} returns once the producer is registered (a dead predecessor with the same instance id fenced and
 * its open transaction aborted); one thread does the rest. An error it cannot step over (Kafka, a codes file that
 * cannot be written) stops it: {@link #rethrow} reports it, and the sample in hand is not committed, so the next start
 * encodes it again.
 */
public final class LiveEncoder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEncoder.class);
    /**
     * Longest a transaction may stay open, ms: an instance that dies mid-sample and never comes back holds back
     * read_committed readers this long; one restarted with its instance id aborts the open transaction at once.
     */
    static final int TRANSACTION_TIMEOUT_MS = 60_000;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** Where the encoder is. */
    public enum State { RUNNING, FAILED, HALTED, CLOSED }

    private final EncoderLoop loop;
    private final Thread thread;
    private final ClientMeters meters;
    private State state = State.RUNNING;
    private Throwable failure;
    private long encoded;
    private long deadLettered;
    private long skipped;
    private long spectra;
    /** The last {@link #RECENT} samples handled, by {@code scanId/sampleId}, for {@link #awaitSample}. */
    private final Map<String, SampleOutcome> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SampleOutcome> eldest) {
            return size() > RECENT;
        }
    };
    private static final int RECENT = 10_000;

    private LiveEncoder(LiveEncoderSettings s, ModelCatalog catalog, InstantSource clock,
                        KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer) {
        this.meters = new ClientMeters(consumer, producer);
        SampleEncoder encoder = new SampleEncoder(new PromotedModels(catalog), s.batchRows());
        this.loop = new EncoderLoop(s, consumer, producer, encoder, clock, new EncoderLoop.Listener() {
            @Override
            public void committed(EncoderLoop.Outcome outcome, long n, SampleContainerWritten sample) {
                count(outcome, n, sample);
            }

            @Override
            public void stopped(EncoderLoop.Outcome how, Throwable t) {
                ended(how, t);
            }
        });
        this.thread = new Thread(loop, "hyclus-live-encoder");
    }

    /** Producer configuration: transactional ({@code transactional.id} = the instance id), idempotent, 4 MiB records. */
    public static Properties producerConfig(LiveEncoderSettings s) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, s.instanceId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, HyclusTopics.MAX_RECORD_BYTES);
        return p;
    }

    /**
     * Consumer configuration: read committed sample records only, offsets committed through the producer's transactions
     * (never automatically), from the earliest record for a new group, as a static member ({@code group.instance.id} =
     * the instance id).
     */
    public static Properties consumerConfig(LiveEncoderSettings s) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.groupId());
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, s.instanceId());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, s.maxPollRecords());
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, HyclusTopics.MAX_RECORD_BYTES);
        return p;
    }

    /**
     * Starts the encoder on its own thread. The topics must exist.
     *
     * @throws LiveEncoderException naming the servers when the producer cannot register its transactional id
     */
    public static LiveEncoder start(LiveEncoderSettings s, ModelCatalog catalog, InstantSource clock) {
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(s), new ByteArraySerializer(),
                new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new LiveEncoderException("live encoder " + s.instanceId() + " cannot start its transactional producer"
                    + " on " + s.bootstrapServers() + ": " + e.getMessage(), e);
        }
        LiveEncoder e;
        try {
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(s), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            consumer.subscribe(List.of(s.topics().name(HyclusTopics.SAMPLE_CONTAINERS)));
            e = new LiveEncoder(s, catalog, clock, consumer, producer);
        } catch (RuntimeException ex) {
            producer.close(Duration.ZERO);
            throw ex;
        }
        e.thread.start();
        LOG.info("Live encoder {} reading {} on {} (group {})", s.instanceId(), s.topics().name(HyclusTopics.SAMPLE_CONTAINERS),
                s.bootstrapServers(), s.groupId());
        return e;
    }

    public synchronized State state() {
        return state;
    }

    /** Samples whose codes were committed since start. */
    public synchronized long encodedSamples() {
        return encoded;
    }

    /** Samples sent to the dead-letter topic since start. */
    public synchronized long deadLetteredSamples() {
        return deadLettered;
    }

    /** Samples with no camera to encode (no promoted model) since start. */
    public synchronized long skippedSamples() {
        return skipped;
    }

    /** Spectra whose codes were committed since start. */
    public synchronized long encodedSpectra() {
        return spectra;
    }

    /** Samples handled (encoded, dead-lettered or skipped) and committed since start. */
    public synchronized long processedSamples() {
        return encoded + deadLettered + skipped;
    }

    /** Throws if the encoder stopped on an error. */
    public synchronized void rethrow() {
        if (failure != null) {
            throw new LiveEncoderException("live encoder failed: " + failure.getMessage(), failure);
        }
    }

    /**
     * Waits until {@code n} samples were processed (encoded, dead-lettered or skipped) since start.
     *
     * @return false if {@code timeout} passed first, or the encoder halted or was closed
     * @throws LiveEncoderException if the encoder failed meanwhile
     */
    public synchronized boolean awaitProcessed(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processedSamples() < n) {
            rethrow();
            long left = deadline - System.nanoTime();
            if (left <= 0 || state != State.RUNNING) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** How a sample was handled: its codes committed, its record dead-lettered, or no camera had a model. */
    public enum SampleOutcome { ENCODED, DEAD_LETTERED, SKIPPED }

    /**
     * Waits until the sample {@code scanId/sampleId} was handled and committed by this instance since its start.
     *
     * @return how it was handled; empty if {@code timeout} passed first, or the encoder halted or was closed
     * @throws LiveEncoderException if the encoder failed meanwhile
     */
    public synchronized Optional<SampleOutcome> awaitSample(String scanId, String sampleId, Duration timeout)
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

    private synchronized void count(EncoderLoop.Outcome outcome, long n, SampleContainerWritten sample) {
        if (sample != null && outcome != EncoderLoop.Outcome.HALTED) {
            recent.put(sample.scanId() + "/" + sample.sampleId(), SampleOutcome.valueOf(outcome.name()));
        }
        switch (outcome) {
            case ENCODED -> encoded++;
            case DEAD_LETTERED -> deadLettered++;
            case SKIPPED -> skipped++;
            default -> { }
        }
        spectra += n;
        notifyAll();
    }

    private synchronized void ended(EncoderLoop.Outcome how, Throwable t) {
        if (t != null) {
            failure = t;
            state = State.FAILED;
            LOG.error("Live encoder stopped: {}", t.getMessage(), t);
        } else {
            state = how == EncoderLoop.Outcome.HALTED ? State.HALTED : State.CLOSED;
        }
        notifyAll();
    }

    /**
     * Publishes the Kafka client metrics of this encoder's consumer and producer in {@code registry}, through
     * Micrometer's Kafka client binder ({@link ClientMeters}), until {@link #close}.
     */
    public void bindTo(MeterRegistry registry) {
        meters.bindTo(registry);
    }

    /** Stops after the sample in hand (committed or not started), closes the clients and leaves the group. */
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
            LOG.warn("Live encoder did not stop within {} s", STOP_TIMEOUT.toSeconds());
        }
    }
}
