package io.hyclus.app.pipeline;

import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.streaming.segment.SegmentationSettings;
import io.hyclus.streaming.service.SegmentationService;
import io.hyclus.streaming.service.StreamsSettings;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded broker (unless a cluster is given), HyClus's topics and the segmentation service, started
 * together and stopped together.
 */
public final class Pipeline implements AutoCloseable {
    private static final Duration STREAMS_START_TIMEOUT = Duration.ofSeconds(120);

    private final PipelineSettings settings;
    private final WorkDirLock lock;
    private final Optional<EmbeddedKafkaBroker> broker;
    private final String bootstrapServers;
    private final SegmentationService segmentation;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread shutdownHook = new Thread(this::close, "hyclus-shutdown");

    private Pipeline(PipelineSettings settings, WorkDirLock lock, Optional<EmbeddedKafkaBroker> broker,
                     String bootstrapServers, SegmentationService segmentation) {
        this.settings = settings;
        this.lock = lock;
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.segmentation = segmentation;
    }

    /**
     * Locks the work directory first (a second process on it is refused before it touches anything), then starts
     * the broker, topics and segmentation. A shutdown hook stops them all on Ctrl-C or SIGTERM.
     *
     * @throws WorkDirInUseException if another process holds the work directory
     */
    public static Pipeline start(PipelineSettings s, InstantSource clock, PrintWriter out) {
        WorkDirLock lock = WorkDirLock.acquire(s.workDir(), clock.instant());
        Optional<EmbeddedKafkaBroker> broker = Optional.empty();
        try {
            broker = s.bootstrapServers().isPresent() ? Optional.empty()
                    : Optional.of(EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(s.brokerDir())));
            String bootstrap = broker.isPresent() ? broker.get().bootstrapServers() : s.bootstrapServers().orElseThrow();
            out.println(broker.isPresent() ? "Embedded Kafka broker at " + bootstrap + " (data in "
                    + s.brokerDir().toAbsolutePath() + ")" : "Using Kafka cluster at " + bootstrap);
            out.flush();
            short replication = (short) (broker.isPresent() ? 1 : ClusterSize.replicationFor(bootstrap));
            TopicAdmin.ensureTopics(bootstrap, HyclusTopics.all(), 1, replication);
            SegmentationService seg = SegmentationService.start(
                    new StreamsSettings(bootstrap, StreamsSettings.DEFAULT_APPLICATION_ID, s.stateDir(), replication),
                    SegmentationSettings.in(s.outputDir()), clock, STREAMS_START_TIMEOUT);
            Pipeline pipeline = new Pipeline(s, lock, broker, bootstrap, seg);
            Runtime.getRuntime().addShutdownHook(pipeline.shutdownHook);
            return pipeline;
        } catch (RuntimeException e) {
            broker.ifPresent(EmbeddedKafkaBroker::close);
            lock.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public PipelineSettings settings() {
        return settings;
    }

    /** Throws if segmentation stopped on an error. */
    public void checkHealth() {
        segmentation.rethrow();
    }

    /** Blocks until {@link #close()} is called (from the shutdown hook on Ctrl-C or SIGTERM) or the thread is interrupted. */
    public void awaitInterrupt() throws InterruptedException {
        stop.await();
    }

    /** Like {@link #awaitInterrupt()}, for at most {@code timeout}; true if the pipeline was closed meanwhile. */
    public boolean awaitInterrupt(Duration timeout) throws InterruptedException {
        return stop.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (stop.getCount() == 0) {
            return;
        }
        stop.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: this is the hook
        }
        try {
            segmentation.close();
            broker.ifPresent(EmbeddedKafkaBroker::close);
        } finally {
            lock.close();
        }
    }
}
