package io.hyclus.app.demo;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.publish.KafkaScanEventPublisher;
import io.hyclus.acquisition.scan.ScanReport;
import io.hyclus.acquisition.scan.ScanSettings;
import io.hyclus.acquisition.scan.TrayScanner;
import io.hyclus.analysis.container.SampleContainerReader;
import io.hyclus.analysis.container.SampleSpectra;
import io.hyclus.core.library.LibraryLocator;
import io.hyclus.core.library.SpectralLibrary;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.kafka.broker.EmbeddedBrokerSettings;
import io.hyclus.kafka.broker.EmbeddedKafkaBroker;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.streaming.segment.SegmentationSettings;
import io.hyclus.streaming.service.SegmentationService;
import io.hyclus.streaming.service.StreamsSettings;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The demo's running parts: the embedded broker (unless a cluster is given), HyClus's topics and the
 * segmentation service. {@link #runScan()} scans one simulated tray through them.
 */
public final class DemoPipeline implements AutoCloseable {
    private static final Duration STREAMS_START_TIMEOUT = Duration.ofSeconds(120);

    private final DemoSettings settings;
    private final InstantSource clock;
    private final Optional<EmbeddedKafkaBroker> broker;
    private final String bootstrapServers;
    private final SegmentationService segmentation;
    private final CountDownLatch stop = new CountDownLatch(1);

    private DemoPipeline(DemoSettings settings, InstantSource clock, Optional<EmbeddedKafkaBroker> broker,
                         String bootstrapServers, SegmentationService segmentation) {
        this.settings = settings;
        this.clock = clock;
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.segmentation = segmentation;
    }

    public static DemoPipeline start(DemoSettings s, InstantSource clock, PrintWriter out) {
        Optional<EmbeddedKafkaBroker> broker = s.bootstrapServers().isPresent() ? Optional.empty()
                : Optional.of(EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(s.brokerDir())));
        String bootstrap = s.bootstrapServers().orElseGet(() -> broker.orElseThrow().bootstrapServers());
        out.println(broker.isPresent() ? "Embedded Kafka broker at " + bootstrap + " (data in "
                + s.brokerDir().toAbsolutePath() + ")" : "Using Kafka cluster at " + bootstrap);
        out.flush();
        try {
            short replication = (short) (broker.isPresent() ? 1 : ClusterSize.replicationFor(bootstrap));
            TopicAdmin.ensureTopics(bootstrap, HyclusTopics.all(), 1, replication);
            SegmentationService seg = SegmentationService.start(
                    new StreamsSettings(bootstrap, StreamsSettings.DEFAULT_APPLICATION_ID, s.stateDir(), replication),
                    SegmentationSettings.in(s.outputDir()), clock, STREAMS_START_TIMEOUT);
            return new DemoPipeline(s, clock, broker, bootstrap, seg);
        } catch (RuntimeException e) {
            broker.ifPresent(EmbeddedKafkaBroker::close);
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Scans the demo tray and waits until every sample's container is written, then reads them back. */
    public DemoResult runScan() {
        long t0 = System.nanoTime();
        SpectralLibrary library = SpectralLibrary.open(LibraryLocator.locate(settings.libraryDir(), Path.of("")));
        DemoTray tray = DemoTray.build(settings, library, clock);
        ScanSettings scan = new ScanSettings(settings.linePitchMm(), CalibrationSettings.defaults());
        ScanReport report;
        List<SampleContainerWritten> written;
        try (ContainerWatcher watcher = new ContainerWatcher(bootstrapServers);
             KafkaScanEventPublisher publisher = new KafkaScanEventPublisher(bootstrapServers)) {
            report = new TrayScanner(scan, clock).scan(tray.scanId(), tray.layout(), tray.camera(),
                    tray.whiteReferenceYmm(), tray.provenance(), publisher);
            written = watcher.await(tray.scanId(), tray.layout().slots().size(), settings.timeout(), segmentation::rethrow);
        }
        List<SampleSpectra> samples = written.stream().map(w -> SampleContainerReader.read(Path.of(w.file())))
                .sorted(Comparator.comparing(s -> tray.layout().slotOf(s.metadata().sampleId()).orElseThrow().index()))
                .toList();
        return new DemoResult(report, bootstrapServers, settings.outputDir(), samples,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Blocks until {@link #close()} is called from a shutdown hook or the thread is interrupted. */
    public void awaitInterrupt() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "hyclus-demo-shutdown"));
        stop.await();
    }

    @Override
    public synchronized void close() {
        if (stop.getCount() == 0) {
            return;
        }
        stop.countDown();
        segmentation.close();
        broker.ifPresent(EmbeddedKafkaBroker::close);
    }
}
