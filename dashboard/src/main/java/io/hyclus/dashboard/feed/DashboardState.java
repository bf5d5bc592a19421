package io.hyclus.dashboard.feed;

import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.SampleMapPoints;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.core.spectral.SensorKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Everything the dashboard shows, changed only by records from the topics (one thread, the feed) and read by browsers
 * connecting (their snapshot) and the once-a-second stats. Every change is published to the {@link EventSink} under the
 * same lock as snapshots are taken, so a browser sees its snapshot followed by exactly the changes after it. Counts are
 * Micrometer meters, so /metrics and the page show the same numbers.
 */
public final class DashboardState {
    private final EventSink sink;
    private final MeterRegistry registry;
    private final ScanView scan;
    private final MapView map = new MapView();
    private final SampleIndex samples = new SampleIndex();
    private final Map<SensorKind, Counter> lines = new EnumMap<>(SensorKind.class);
    private final Map<SensorKind, Counter> lineBytes = new EnumMap<>(SensorKind.class);
    private final Counter written;
    private final Map<SensorKind, Counter> encoded = new EnumMap<>(SensorKind.class);
    private final Counter scansCompleted;
    private final Counter degradations;
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Long> lag = new ConcurrentHashMap<>();

    public DashboardState(EventSink sink, MeterRegistry registry, int waterfallColumns, double waterfallRowMm) {
        this.sink = sink;
        this.registry = registry;
        this.scan = new ScanView(waterfallColumns, waterfallRowMm);
        for (SensorKind k : SensorKind.values()) {
            lines.put(k, Counter.builder("hyclus.scanlines").description("calibrated scanlines seen on hyclus.scan-events")
                    .tag("camera", k.name()).register(registry));
            lineBytes.put(k, Counter.builder("hyclus.scanline.bytes").baseUnit("bytes")
                    .description("bytes of scanline records seen on hyclus.scan-events").tag("camera", k.name())
                    .register(registry));
        }
        written = Counter.builder("hyclus.samples.written").description("sample containers written (hyclus.sample-containers)")
                .register(registry);
        for (SensorKind k : SensorKind.values()) {
            encoded.put(k, Counter.builder("hyclus.samples.encoded").tag("camera", k.name())
                    .description("samples whose codes of this camera were published completely (hyclus.sample-codes)")
                    .register(registry));
        }
        scansCompleted = Counter.builder("hyclus.scans.completed").register(registry);
        degradations = Counter.builder("hyclus.scan.degradations")
                .description("degradations (dropped frames, late lines...) recorded by completed scans").register(registry);
        Gauge.builder("hyclus.map.version", this, s -> s.mapVersion()).description("live map version").register(registry);
        Gauge.builder("hyclus.map.points", this, s -> s.mapPoints()).description("points on the live map").register(registry);
        Gauge.builder("hyclus.map.samples", this, s -> s.mapSamples()).description("samples on the live map").register(registry);
    }

    public SampleIndex samples() {
        return samples;
    }

    public synchronized void scanEvent(ScanEvent e, int recordBytes) {
        if (e instanceof ScanStarted s) {
            publish(scan.start(s));
        } else if (e instanceof Scanline l) {
            lines.get(l.camera()).increment();
            lineBytes.get(l.camera()).increment(recordBytes);
            publish(scan.line(l));
        } else if (e instanceof StitchedPair p) { // one record: its bytes count with the stitched line
            for (Scanline l : p.lines()) {
                lines.get(l.camera()).increment();
                lineBytes.get(l.camera()).increment(l == p.stitched() ? recordBytes : 0);
                publish(scan.line(l));
            }
        } else if (e instanceof ScanCompleted c) {
            scansCompleted.increment();
            degradations.increment(c.degradations().size());
            publish(scan.complete(c));
        }
    }

    public synchronized void containerWritten(SampleContainerWritten w) {
        written.increment();
        samples.written(w);
        if (scan.isCurrent(w.scanId())) {
            publish(scan.slot(w.sampleId(), SlotState.WRITTEN));
        }
    }

    public synchronized void codes(SampleCodes c) {
        if (samples.codes(c)) {
            encoded.get(c.camera()).increment();
            if (scan.isCurrent(c.scanId())) {
                publish(scan.slot(c.sampleId(), SlotState.ENCODED));
            }
        }
    }

    public synchronized void mapPoints(SampleMapPoints p) {
        samples.metadata(p.key(), p.metadata());
        publish(map.add(p));
    }

    public void deadLetter(String topic) {
        deadLetterCounter(topic).increment();
    }

    private Counter deadLetterCounter(String topic) {
        return deadLetters.computeIfAbsent(topic, t -> Counter.builder("hyclus.dead.letters")
                .description("records on a dead-letter topic").tag("topic", t).register(registry));
    }

    /** Registers a dead-letter topic's counter at 0 (so it is scraped before anything goes wrong). */
    public void watchDeadLetters(String topic) {
        deadLetterCounter(topic);
    }

    /** Sets a consumer group's lag (records behind the end of the topic it reads), as measured by the feed. */
    public void lag(String group, long records) {
        if (lag.put(group, records) == null) {
            Gauge.builder("hyclus.consumer.lag", lag, m -> m.getOrDefault(group, -1L)).tag("group", group)
                    .description("records the group has yet to process (committed offset to end)").register(registry);
        }
    }

    public synchronized int mapVersion() {
        return map.version();
    }

    public synchronized long mapPoints() {
        return map.points();
    }

    public synchronized int mapSamples() {
        return map.samples();
    }

    /** Runs {@code subscribe} with what a new browser needs first, while no change can be published. */
    public synchronized <T> T withSnapshot(Function<List<DashboardEvent>, T> subscribe) {
        List<DashboardEvent> snap = new ArrayList<>(map.snapshot());
        snap.addAll(scan.snapshot());
        snap.add(stats(Map.of()));
        return subscribe.apply(snap);
    }

    /** The once-a-second figures: counters, devices, lag and whatever the caller adds (rates, clients). */
    public synchronized DashboardEvent stats(Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> perCamera = new LinkedHashMap<>();
        lines.forEach((k, c) -> perCamera.put(k.name(), Map.of("lines", (long) c.count(),
                "bytes", (long) lineBytes.get(k).count())));
        m.put("cameras", perCamera);
        m.put("samplesWritten", (long) written.count());
        Map<String, Long> enc = new LinkedHashMap<>();
        encoded.forEach((k, c) -> enc.put(k.name(), (long) c.count()));
        m.put("samplesEncoded", enc);
        m.put("scansCompleted", (long) scansCompleted.count());
        m.put("degradations", (long) degradations.count());
        Map<String, Long> dl = new LinkedHashMap<>();
        deadLetters.forEach((t, c) -> dl.put(t, (long) c.count()));
        m.put("deadLetters", dl);
        m.put("lag", Map.copyOf(lag));
        m.put("mapVersion", map.version());
        m.put("mapPoints", map.points());
        m.put("mapSamples", map.samples());
        m.put("devices", scan.devices());
        m.put("scanId", scan.scanId());
        m.putAll(extra);
        return Json.event("stats", m);
    }

    /** Publishes the stats event to every browser. */
    public synchronized void publishStats(Map<String, Object> extra) {
        sink.publish(stats(extra));
    }

    private void publish(List<DashboardEvent> events) {
        for (DashboardEvent e : events) {
            sink.publish(e);
        }
    }
}
