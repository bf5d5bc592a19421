package io.hyclus.app.pipeline;

import io.hyclus.analysis.live.LiveEncoder;
import io.hyclus.analysis.live.LiveEncoderSettings;
import io.hyclus.analysis.livemap.LiveMapService;
import io.hyclus.analysis.livemap.SamplePlacement;
import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.ModelRegistry;
import io.hyclus.app.encode.EncoderInstanceId;
import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.dashboard.Dashboard;
import io.hyclus.dashboard.DashboardSettings;
import io.hyclus.dashboard.metrics.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.streaming.service.SegmentationService;
import io.hyclus.streaming.service.StreamsSettings;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded broker (unless a cluster is given), HyClus's topics, the segmentation service and (when asked) the live
 * encoder and the live map service, and (when asked) the live dashboard serving /metrics, started together and stopped
 * together.
 */
public final class Pipeline implements AutoCloseable {
    private static final Duration STREAMS_START_TIMEOUT = Duration.ofSeconds(120);

    private final PipelineSettings settings;
    private final WorkDirLock lock;
    private final Optional<EmbeddedKafkaBroker> broker;
    private final String bootstrapServers;
    private final SegmentationService segmentation;
    private final Optional<Encoder> encoder;
    private final Optional<MapService> map;
    private volatile Optional<Dashboard> dashboard = Optional.empty();
    private volatile Optional<io.micrometer.core.instrument.MeterRegistry> meters = Optional.empty();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread shutdownHook = new Thread(this::close, "hyclus-shutdown");

    private Pipeline(PipelineSettings settings, WorkDirLock lock, Optional<EmbeddedKafkaBroker> broker,
                     String bootstrapServers, SegmentationService segmentation, Optional<Encoder> encoder,
                     Optional<MapService> map) {
        this.settings = settings;
        this.lock = lock;
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.segmentation = segmentation;
        this.encoder = encoder;
        this.map = map;
    }

    /** The live encoder with the lock on its instance directory. */
    private record Encoder(LiveEncoder service, WorkDirLock lock) implements AutoCloseable {
        static Encoder start(PipelineSettings s, String bootstrap, InstantSource clock, PrintWriter out) {
            ModelRegistry models = ModelRegistry.open(s.modelsDir());
            for (ModelRef r : models.seedPretrainedIfMissing()) {
                out.println("Promoted the pretrained model " + r + " (shipped with HyClus) in " + models.dir().toAbsolutePath());
            }
            for (SensorKind kind : SensorKind.values()) {
                out.println(models.promoted(kind).map(r -> "Live encoder: " + kind + " spectra encoded with " + r)
                        .orElse("Live encoder: no model promoted for " + kind + " in " + models.dir().toAbsolutePath()
                                + "; its spectra are not encoded (hyclus train --promote)"));
            }
            WorkDirLock lock = WorkDirLock.acquire(s.encoderDir(), clock.instant());
            try {
                LiveEncoderSettings es = LiveEncoderSettings.defaults(bootstrap, EncoderInstanceId.in(s.encoderDir()));
                return new Encoder(LiveEncoder.start(es, models, clock), lock);
            } catch (RuntimeException e) {
                lock.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                service.close();
            } finally {
                lock.close();
            }
        }
    }

    /** The live map service with the lock on its map directory. */
    private record MapService(LiveMapService service, WorkDirLock lock) implements AutoCloseable {
        static MapService start(PipelineSettings s, String bootstrap, InstantSource clock, PrintWriter out) {
            WorkDirLock lock = WorkDirLock.acquire(s.mapDir(), clock.instant());
            try {
                var ms = s.liveMapSettings(bootstrap);
                LiveMapService service = LiveMapService.start(ms, clock);
                out.println("Live map: " + ms.pointsPerSample() + " " + ms.camera() + " points of each sample on "
                        + HyclusTopics.SAMPLE_MAP.name() + (service.mapVersion() == 0 ? ", first fit after "
                        + ms.fitAfterSamples() + " samples" : ", map v" + service.mapVersion() + " resumed") + " (map in "
                        + s.mapDir().toAbsolutePath() + ")");
                return new MapService(service, lock);
            } catch (RuntimeException e) {
                lock.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                service.close();
            } finally {
                lock.close();
            }
        }
    }

    /**
     * Locks the work directory first (a second process on it is refused before it touches anything), then starts
     * the broker, topics and segmentation. A shutdown hook stops them all on Ctrl-C or SIGTERM.
     *
     * @throws WorkDirInUseException if another process holds the work directory
     */
    public static Pipeline start(PipelineSettings s, InstantSource clock, PrintWriter out) {
        return start(s, Optional.empty(), clock, out);
    }

    /**
     * Like {@link #start(PipelineSettings, InstantSource, PrintWriter)}, then serves the live dashboard (and /metrics)
     * at {@code dashboardAt} if given, printing its address.
     */
    public static Pipeline start(PipelineSettings s, Optional<DashboardAddress> dashboardAt, InstantSource clock,
                                 PrintWriter out) {
        Pipeline p = startServices(s, clock, out);
        if (dashboardAt.isPresent()) {
            try {
                p.dashboard = Optional.of(startDashboard(p, dashboardAt.get(), out));
            } catch (RuntimeException e) {
                p.close();
                throw e;
            }
        }
        return p;
    }

    /** The consumer groups whose lag the dashboard shows, each with the topic it reads. */
    public static java.util.Map<String, String> watchedGroups() {
        return java.util.Map.of(StreamsSettings.DEFAULT_APPLICATION_ID, HyclusTopics.SCAN_EVENTS.name(),
                io.hyclus.analysis.live.LiveEncoderSettings.DEFAULT_GROUP_ID, HyclusTopics.SAMPLE_CONTAINERS.name(),
                io.hyclus.analysis.livemap.LiveMapSettings.DEFAULT_GROUP_ID, HyclusTopics.SAMPLE_CODES.name());
    }

    private static Dashboard startDashboard(Pipeline p, DashboardAddress at, PrintWriter out) {
        PrometheusMeterRegistry registry = MetricsServer.newRegistry();
        p.meters = Optional.of(registry);
        p.bindSegmentationMetrics(registry);
        p.encoder.ifPresent(e -> PipelineMeters.bindEncoder(e.service(), registry));
        p.map.ifPresent(m -> PipelineMeters.bindMap(m.service(), registry));
        Dashboard d = Dashboard.start(DashboardSettings.defaults(p.bootstrapServers, at.host(), at.port(),
                watchedGroups()), registry);
        out.println("Dashboard at " + d.url() + " (metrics at " + d.url() + "metrics)");
        out.flush();
        return d;
    }

    private static Pipeline startServices(PipelineSettings s, InstantSource clock, PrintWriter out) {
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
            TopicAdmin.ensureTopics(bootstrap, HyclusTopics.all(), s.topicPartitions(), replication);
            SegmentationService seg = SegmentationService.start(
                    new StreamsSettings(bootstrap, StreamsSettings.DEFAULT_APPLICATION_ID, s.stateDir(), replication),
                    s.segmentation(), clock, STREAMS_START_TIMEOUT);
            Optional<Encoder> enc = Optional.empty();
            Optional<MapService> map;
            try {
                enc = s.liveEncoder() ? Optional.of(Encoder.start(s, bootstrap, clock, out)) : Optional.empty();
                map = s.liveEncoder() ? Optional.of(MapService.start(s, bootstrap, clock, out)) : Optional.empty();
            } catch (RuntimeException e) {
                enc.ifPresent(Encoder::close);
                seg.close();
                throw e;
            }
            out.flush();
            Pipeline pipeline = new Pipeline(s, lock, broker, bootstrap, seg, enc, map);
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

    /** Whether the segmentation's Kafka Streams client is RUNNING (not starting, rebalancing or stopped). */
    /**
     * The registry the dashboard's /metrics serves, when the pipeline serves a dashboard: acquisition running in this
     * process adds its meters there.
     */
    public Optional<io.micrometer.core.instrument.MeterRegistry> meters() {
        return meters;
    }

    /** The segmentation's Kafka Streams metrics in {@code registry} (Micrometer's KafkaStreamsMetrics binder). */
    public void bindSegmentationMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        segmentation.bindTo(registry);
    }

    public boolean segmentationRunning() {
        return segmentation.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING;
    }

    /** The live dashboard, if this pipeline serves one. */
    public Optional<Dashboard> dashboard() {
        return dashboard;
    }

    /** Throws if segmentation, the live encoder or the live map service stopped on an error. */
    public void checkHealth() {
        dashboard.ifPresent(Dashboard::checkHealth);
        segmentation.rethrow();
        encoder.ifPresent(e -> e.service().rethrow());
        map.ifPresent(m -> m.service().rethrow());
    }

    /** The live map service, if this pipeline runs one. */
    public Optional<LiveMapService> liveMap() {
        return map.map(MapService::service);
    }

    /**
     * Waits until the live map service has placed or refused each of {@code samples} (in order), checking the
     * pipeline's health. Only samples whose codes of the map's camera were published reach the map.
     *
     * @return how each was handled, in the given order
     * @throws IllegalStateException if this pipeline runs no live map
     * @throws io.hyclus.app.AppException naming the first sample not handled within {@code timeout} (all samples)
     */
    public Map<SampleContainerWritten, SamplePlacement> awaitMapped(List<SampleContainerWritten> samples,
                                                                  Duration timeout) throws InterruptedException {
        LiveMapService m = liveMap().orElseThrow(() -> new IllegalStateException("this pipeline runs no live map"));
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<SampleContainerWritten, SamplePlacement> out = new LinkedHashMap<>();
        for (SampleContainerWritten w : samples) {
            Optional<SamplePlacement> o = Optional.empty();
            while (o.isEmpty() && System.nanoTime() < deadline) {
                checkHealth();
                o = m.awaitSample(w.scanId(), w.sampleId(), Duration.ofMillis(Math.min(1000,
                        Math.max(1, (deadline - System.nanoTime()) / 1_000_000))));
            }
            if (o.isEmpty()) {
                checkHealth();
                throw new io.hyclus.app.AppException("the live map has not placed sample " + w.sampleId() + " of scan "
                        + w.scanId() + " within " + timeout.toSeconds() + " s");
            }
            out.put(w, o.get());
        }
        return out;
    }

    /** The live encoder, if this pipeline runs one. */
    public Optional<LiveEncoder> liveEncoder() {
        return encoder.map(Encoder::service);
    }

    /**
     * Waits until the live encoder has handled each of {@code samples} (in order), checking the pipeline's health.
     *
     * @return how each was handled, in the given order
     * @throws IllegalStateException if this pipeline runs no encoder
     * @throws io.hyclus.app.AppException naming the first sample not handled within {@code timeout} (all samples)
     */
    public Map<SampleContainerWritten, LiveEncoder.SampleOutcome> awaitEncoded(List<SampleContainerWritten> samples,
                                                                             Duration timeout) throws InterruptedException {
        LiveEncoder e = liveEncoder().orElseThrow(() -> new IllegalStateException("this pipeline runs no live encoder"));
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<SampleContainerWritten, LiveEncoder.SampleOutcome> out = new LinkedHashMap<>();
        for (SampleContainerWritten w : samples) {
            Optional<LiveEncoder.SampleOutcome> o = Optional.empty();
            while (o.isEmpty() && System.nanoTime() < deadline) {
                checkHealth();
                o = e.awaitSample(w.scanId(), w.sampleId(), Duration.ofMillis(Math.min(1000,
                        Math.max(1, (deadline - System.nanoTime()) / 1_000_000))));
            }
            if (o.isEmpty()) {
                checkHealth();
                throw new io.hyclus.app.AppException("the live encoder has not encoded sample " + w.sampleId() + " of scan "
                        + w.scanId() + " (" + w.file() + ") within " + timeout.toSeconds() + " s");
            }
            out.put(w, o.get());
        }
        return out;
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
            dashboard.ifPresent(Dashboard::close);
            map.ifPresent(MapService::close);
            encoder.ifPresent(Encoder::close);
            segmentation.close();
            broker.ifPresent(EmbeddedKafkaBroker::close);
        } finally {
            lock.close();
        }
    }
}
