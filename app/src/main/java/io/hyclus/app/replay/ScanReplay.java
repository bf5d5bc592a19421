package io.hyclus.app.replay;

import io.hyclus.acquisition.capture.CaptureReplay;
import io.hyclus.acquisition.publish.KafkaScanEventPublisher;
import io.hyclus.acquisition.publish.LineEncoding;
import io.hyclus.acquisition.stitch.StitchSettings;
import io.hyclus.acquisition.stitch.StitchingSink;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.acquisition.sync.ScanReport;
import io.hyclus.analysis.live.LiveEncoder;
import io.hyclus.app.AppException;
import io.hyclus.app.pipeline.ContainerWatcher;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.kafka.topic.HyclusTopics;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Replays recorded scans into a replay's own topics, segmentation and encoder ({@link ReplaySettings}): from Kafka
 * (raw frames recalibrated, {@link KafkaScanRecalibration}) or from an ENVI capture ({@link CaptureReplay}, as
 * {@code hyclus scan --from-envi} does), then waits for the replay's containers and codes.
 */
public final class ScanReplay implements AutoCloseable {
    private final ReplaySettings settings;
    private final InstantSource clock;
    private final PrintWriter out;
    private final ReplayServices services;

    private ScanReplay(ReplaySettings settings, InstantSource clock, PrintWriter out, ReplayServices services) {
        this.settings = settings;
        this.clock = clock;
        this.out = out;
        this.services = services;
    }

    /** Creates the replay's topics and starts its segmentation and encoder. */
    public static ScanReplay start(ReplaySettings s, InstantSource clock, PrintWriter out) {
        ReplayServices services = ReplayServices.start(s, clock);
        out.println("Replay " + s.replayId() + ": topics " + s.topics().prefix() + "*, containers and codes in "
                + s.samplesDir().toAbsolutePath() + (s.registry().isPresent() ? ", encoded with the models promoted in "
                + s.registry().get().toAbsolutePath() : ", not encoded") + ", " + describe(s.pace()));
        s.registry().ifPresent(r -> {
            io.hyclus.analysis.model.ModelRegistry models = io.hyclus.analysis.model.ModelRegistry.open(r);
            for (io.hyclus.core.spectral.SensorKind kind : io.hyclus.core.spectral.SensorKind.values()) {
                out.println(models.promoted(kind).map(m -> "Replay encoder: " + kind + " spectra encoded with " + m)
                        .orElse("Replay encoder: no model promoted for " + kind + " in " + r.toAbsolutePath()
                                + "; its spectra are not encoded"));
            }
        });
        out.flush();
        return new ScanReplay(s, clock, out, services);
    }

    private static String describe(Pace p) {
        return p == Pace.ORIGINAL ? "at the original pace" : "as fast as possible";
    }

    /** Replays scan {@code scanId} from the cluster's {@code hyclus.scan-events} and {@code hyclus.raw-frames}. */
    public ReplayResult fromKafka(String scanId) {
        try (RawScanReader reader = new RawScanReader(settings.bootstrapServers(), Duration.ofSeconds(30))) {
            return fromKafka(reader, reader.find(scanId));
        }
    }

    /** Replays every completed scan started in {@code [from, to)} from the cluster, in order. */
    public List<ReplayResult> fromKafka(java.time.Instant from, java.time.Instant to) {
        try (RawScanReader reader = new RawScanReader(settings.bootstrapServers(), Duration.ofSeconds(30))) {
            List<RecordedScan> scans = reader.between(from, to);
            if (scans.isEmpty()) {
                throw new AppException("no completed scan started between " + from + " and " + to + " on "
                        + HyclusTopics.SCAN_EVENTS.name() + " at " + settings.bootstrapServers());
            }
            return scans.stream().map(s -> fromKafka(reader, s)).toList();
        }
    }

    private ReplayResult fromKafka(RawScanReader reader, RecordedScan scan) {
        ScanStarted s = scan.started();
        out.printf("Replaying scan %s of tray %s (%d samples, %d lines) from %s and %s%n", s.scanId(),
                s.tray().trayId(), s.tray().slots().size(), scan.lines(), HyclusTopics.SCAN_EVENTS.name(),
                HyclusTopics.RAW_FRAMES.name());
        out.flush();
        String source = "kafka " + HyclusTopics.RAW_FRAMES.name();
        // stitched again as the scan was (its raw frames are the cameras' own), its lines encoded as the scan's were
        return run(s.scanId(), s.tray().slots().size(), LineEncoding.fromProvenance(s.provenance()),
                sink -> KafkaScanRecalibration.replay(reader, scan,
                settings.calibration(), settings.replayId(), source, StitchingSink.around(sink, scan.stitch())));
    }

    /** Replays the ENVI capture(s) in {@code dir} (one HyClus wrote). */
    public ReplayResult fromEnvi(Path dir) {
        AtomicReference<ScanStarted> started = new AtomicReference<>();
        AtomicReference<ReplayResult> result = new AtomicReference<>();
        // the publisher is opened on the capture's start event, with the encoding it records (the watcher before that)
        AtomicReference<KafkaScanEventPublisher> publisher = new AtomicReference<>();
        try (ContainerWatcher watcher = new ContainerWatcher(settings.bootstrapServers(),
                settings.topics().name(HyclusTopics.SAMPLE_CONTAINERS))) {
            ScanEventSink sink = PacedSink.of(new ScanEventSink() {
                @Override
                public void publish(ScanEvent event) {
                    if (event instanceof ScanStarted s) {
                        started.set(s);
                        out.printf("Replaying scan %s of tray %s (%d samples) from %s%n", s.scanId(),
                                s.tray().trayId(), s.tray().slots().size(), dir.toAbsolutePath());
                        out.flush();
                        if (publisher.get() == null) {
                            publisher.set(publisher(LineEncoding.fromProvenance(s.provenance())));
                        }
                    }
                    if (publisher.get() == null) {
                        throw new AppException("the capture in " + dir + " sent " + event.getClass().getSimpleName()
                                + " of scan " + event.scanId() + " before its start");
                    }
                    publisher.get().publish(event);
                }

                @Override
                public void flush() {
                    if (publisher.get() != null) {
                        publisher.get().flush();
                    }
                }
            }, settings.pace());
            // a capture keeps the cameras' lines only: stitched with the defaults, as hyclus scan --from-envi does
            ScanReport report = CaptureReplay.replay(dir, Optional.empty(), settings.calibration(),
                    StitchingSink.around(sink, Optional.of(StitchSettings.defaults())), clock);
            result.set(collect(report, watcher, started.get().tray().slots().size()));
        } finally {
            if (publisher.get() != null) {
                publisher.get().close();
            }
        }
        return result.get();
    }

    private ReplayResult run(String scanId, int samples, LineEncoding encoding,
                             Function<ScanEventSink, ScanReport> replay) {
        try (ContainerWatcher watcher = new ContainerWatcher(settings.bootstrapServers(),
                settings.topics().name(HyclusTopics.SAMPLE_CONTAINERS));
             KafkaScanEventPublisher publisher = publisher(encoding)) {
            ScanReport report = replay.apply(PacedSink.of(publisher, settings.pace()));
            if (!report.scanId().equals(scanId)) {
                throw new IllegalStateException("replayed " + report.scanId() + " for " + scanId);
            }
            return collect(report, watcher, samples);
        }
    }

    /** A publisher to the replay's scan-events topic writing lines as the recorded scan did. */
    private KafkaScanEventPublisher publisher(LineEncoding encoding) {
        out.println("Replay " + settings.replayId() + ": lines published " + encoding
                + " as recorded, on " + settings.encoderThreads() + " encoder thread(s)");
        out.flush();
        return new KafkaScanEventPublisher(settings.bootstrapServers(), encoding, settings.encoderThreads(),
                settings.topics().of(HyclusTopics.SCAN_EVENTS));
    }

    private ReplayResult collect(ScanReport report, ContainerWatcher watcher, int samples) {
        List<SampleContainerWritten> written = watcher.await(report.scanId(), samples, settings.timeout(),
                services::checkHealth);
        Map<SampleContainerWritten, LiveEncoder.SampleOutcome> encoded = new LinkedHashMap<>();
        if (services.encoder().isPresent()) {
            LiveEncoder e = services.encoder().get();
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            for (SampleContainerWritten w : written) {
                Optional<LiveEncoder.SampleOutcome> o = Optional.empty();
                while (o.isEmpty()) {
                    services.checkHealth();
                    if (System.nanoTime() > deadline) {
                        throw new AppException("the replay's encoder has not encoded sample " + w.sampleId()
                                + " of scan " + w.scanId() + " within " + settings.timeout().toSeconds() + " s");
                    }
                    try {
                        o = e.awaitSample(w.scanId(), w.sampleId(), Duration.ofMillis(500));
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        throw new AppException("interrupted waiting for the replay's codes", ex);
                    }
                }
                encoded.put(w, o.get());
            }
        }
        for (SampleContainerWritten w : written) {
            out.println("Replayed " + w.sampleId() + " -> " + w.file() + Optional.ofNullable(encoded.get(w))
                    .map(o -> " (" + o.name().toLowerCase(java.util.Locale.ROOT) + ")").orElse(""));
        }
        out.flush();
        return new ReplayResult(report, written, encoded);
    }

    @Override
    public void close() {
        services.close();
    }
}
