package io.hyclus.dashboard.feed;

import io.hyclus.core.spectral.SensorKind;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Once a second: line and byte rates per camera (from the feed's counters), the watched consumer groups' lag (an
 * Admin client: committed offsets against the last stable offsets), and a stats event to every browser. Runs on its
 * own thread so a slow cluster never holds up the feed.
 */
public final class StatsTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatsTicker.class);
    private static final long ADMIN_TIMEOUT_MS = 3000;

    private final DashboardState state;
    private final MeterRegistry registry;
    private final Admin admin;
    private final Map<String, String> groups;
    private final Supplier<Map<String, Object>> extra;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hyclus-dashboard-stats");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, double[]> last = new HashMap<>();
    private long lastNanos = System.nanoTime();
    private int ticks;

    /**
     * @param groups consumer group id → the topic it consumes, whose lag is measured every other second
     * @param extra  more figures for the stats event (e.g. browser clients), called on the ticker thread
     */
    public StatsTicker(String bootstrapServers, DashboardState state, MeterRegistry registry, Map<String, String> groups,
                       Supplier<Map<String, Object>> extra) {
        this.state = state;
        this.registry = registry;
        this.groups = Map.copyOf(groups);
        this.extra = extra;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "hyclus-dashboard-admin");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(ADMIN_TIMEOUT_MS));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(ADMIN_TIMEOUT_MS));
        this.admin = Admin.create(p);
    }

    public StatsTicker start() {
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    private void tick() {
        try {
            if (ticks++ % 2 == 0) {
                measureLag();
            }
            Map<String, Object> figures = new LinkedHashMap<>(extra.get());
            figures.put("rates", rates());
            figures.put("temperatures", temperatures());
            state.publishStats(figures);
        } catch (RuntimeException e) {
            LOG.warn("dashboard stats tick failed: {}", e.toString());
        }
    }

    /**
     * Camera temperatures (°C by camera id) when acquisition runs in this process and meters them
     * ({@code hyclus.acquisition.camera.temperature}); empty for a dashboard of its own (no topic carries them).
     */
    private Map<String, Object> temperatures() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var g : registry.find("hyclus.acquisition.camera.temperature").gauges()) {
            out.put(g.getId().getTag("camera"), g.value());
        }
        return out;
    }

    /** Lines/s and bytes/s per camera since the last tick. */
    private Map<String, Object> rates() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        lastNanos = now;
        Map<String, Object> out = new LinkedHashMap<>();
        for (SensorKind k : SensorKind.values()) {
            double lines = registry.get("hyclus.scanlines").tag("camera", k.name()).counter().count();
            double bytes = registry.get("hyclus.scanline.bytes").tag("camera", k.name()).counter().count();
            double[] prev = last.getOrDefault(k.name(), new double[] {lines, bytes});
            out.put(k.name(), Map.of("linesPerS", (lines - prev[0]) / seconds, "bytesPerS", (bytes - prev[1]) / seconds));
            last.put(k.name(), new double[] {lines, bytes});
        }
        return out;
    }

    private void measureLag() {
        for (Map.Entry<String, String> g : groups.entrySet()) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.getKey())
                        .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
                committed.forEach((tp, o) -> {
                    if (o != null && tp.topic().equals(g.getValue())) {
                        ask.put(tp, OffsetSpec.latest());
                    }
                });
                if (ask.isEmpty()) {
                    continue;
                }
                var ends = admin.listOffsets(ask, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                        .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                long lag = 0;
                for (var e : ends.entrySet()) {
                    lag += Math.max(0, e.getValue().offset() - committed.get(e.getKey()).offset());
                }
                state.lag(g.getKey(), lag);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.debug("lag of group {} not measured: {}", g.getKey(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
