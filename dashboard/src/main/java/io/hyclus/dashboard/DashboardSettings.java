package io.hyclus.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the dashboard reads and where it listens.
 *
 * @param bootstrapServers   Kafka cluster holding HyClus's topics
 * @param host               address the HTTP server binds to; loopback ({@value #DEFAULT_HOST}) unless told otherwise
 * @param port               HTTP port, 0 for any free port
 * @param clientBufferEvents events queued per browser before a browser that does not keep up is dropped
 * @param maxClients         browsers served at once; more are refused with 503
 * @param waterfallColumns   columns of a waterfall row (scanline pixels are averaged into this many bins)
 * @param waterfallRowMm     belt travel per waterfall row, mm (lines in between are skipped)
 * @param watchedGroups      consumer groups whose lag is shown, each with the topic it reads (group id → topic)
 */
public record DashboardSettings(String bootstrapServers, String host, int port, int clientBufferEvents, int maxClients,
                                int waterfallColumns, double waterfallRowMm, Map<String, String> watchedGroups) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_CLIENT_BUFFER_EVENTS = 256;
    public static final int DEFAULT_MAX_CLIENTS = 16;
    public static final int DEFAULT_WATERFALL_COLUMNS = 160;
    public static final double DEFAULT_WATERFALL_ROW_MM = 1.0;

    public DashboardSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("dashboard: bootstrap servers must be given, got '" + bootstrapServers + "'");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("dashboard: HTTP host must not be blank, got '" + host + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("dashboard: HTTP port must be 0-65535, got " + port);
        }
        if (clientBufferEvents < 1) {
            throw new IllegalArgumentException("dashboard: client buffer must hold at least 1 event, got " + clientBufferEvents);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("dashboard: at least 1 client must be allowed, got " + maxClients);
        }
        if (waterfallColumns < 8 || waterfallColumns > 2048) {
            throw new IllegalArgumentException("dashboard: waterfall columns must be 8-2048, got " + waterfallColumns);
        }
        if (!(waterfallRowMm > 0) || !Double.isFinite(waterfallRowMm)) {
            throw new IllegalArgumentException("dashboard: waterfall row pitch must be a positive number of mm, got " + waterfallRowMm);
        }
        watchedGroups = Map.copyOf(Objects.requireNonNull(watchedGroups, "watched groups"));
    }

    /** The defaults, on {@code host}:{@code port}, watching the lag of {@code watchedGroups}. */
    public static DashboardSettings defaults(String bootstrapServers, String host, int port, Map<String, String> watchedGroups) {
        return new DashboardSettings(bootstrapServers, host, port, DEFAULT_CLIENT_BUFFER_EVENTS, DEFAULT_MAX_CLIENTS,
                DEFAULT_WATERFALL_COLUMNS, DEFAULT_WATERFALL_ROW_MM, watchedGroups);
    }

    public DashboardSettings withClientBuffer(int events) {
        return new DashboardSettings(bootstrapServers, host, port, events, maxClients, waterfallColumns, waterfallRowMm,
                watchedGroups);
    }

    /** Group ids in a stable order. */
    public List<String> groupIds() {
        return watchedGroups.keySet().stream().sorted().toList();
    }
}
