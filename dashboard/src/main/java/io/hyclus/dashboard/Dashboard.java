package io.hyclus.dashboard;

import io.hyclus.dashboard.feed.DashboardState;
import io.hyclus.dashboard.feed.KafkaFeed;
import io.hyclus.dashboard.feed.StatsTicker;
import io.hyclus.dashboard.web.Broadcaster;
import io.hyclus.dashboard.web.DashboardServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live dashboard: a Kafka feed of HyClus's topics, its state, and the web server pushing it to browsers, started
 * and stopped together. It only reads Kafka, so it runs the same inside {@code hyclus demo} and as its own process
 * ({@code hyclus dashboard}). Its metrics (and whatever else the process registered) are served at {@code /metrics}.
 */
public final class Dashboard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private final DashboardSettings settings;
    private final DashboardState state;
    private final KafkaFeed feed;
    private final StatsTicker ticker;
    private final DashboardServer server;

    private Dashboard(DashboardSettings settings, DashboardState state, KafkaFeed feed, StatsTicker ticker,
                      DashboardServer server) {
        this.settings = settings;
        this.state = state;
        this.feed = feed;
        this.ticker = ticker;
        this.server = server;
    }

    /**
     * Binds the address first (a taken port fails before anything reads Kafka), then starts the feed and the ticker.
     *
     * @throws DashboardException naming the address if it cannot be bound
     */
    public static Dashboard start(DashboardSettings s, PrometheusMeterRegistry registry) {
        Broadcaster broadcaster = new Broadcaster(s.clientBufferEvents(), s.maxClients(), registry);
        DashboardState state = new DashboardState(broadcaster, registry, s.waterfallColumns(), s.waterfallRowMm());
        DashboardServer server = DashboardServer.start(s.host(), s.port(), state, broadcaster, registry);
        KafkaFeed feed = null;
        try {
            feed = KafkaFeed.start(s.bootstrapServers(), state, registry);
            StatsTicker ticker = new StatsTicker(s.bootstrapServers(), state, registry, s.watchedGroups(), () -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("clients", broadcaster.clients());
                m.put("droppedClients", broadcaster.droppedClients());
                return m;
            }).start();
            Dashboard d = new Dashboard(s, state, feed, ticker, server);
            LOG.info("Dashboard at {} reading {}", d.url(), s.bootstrapServers());
            return d;
        } catch (RuntimeException e) {
            if (feed != null) {
                feed.close();
            }
            server.close();
            throw e;
        }
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + server.port() + "/";
    }

    public int port() {
        return server.port();
    }

    public DashboardState state() {
        return state;
    }

    /** Throws if the feed stopped on an error. */
    public void checkHealth() {
        Throwable t = feed.failure();
        if (t != null) {
            throw new DashboardException("the dashboard's Kafka feed stopped: " + t.getMessage(), t);
        }
    }

    @Override
    public void close() {
        try {
            ticker.close();
            feed.close();
        } finally {
            server.close();
        }
    }
}
