package io.hyclus.dashboard.metrics;

import io.hyclus.dashboard.DashboardException;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A process's Prometheus registry served at {@code http://host:port/metrics} (GET only), for {@code hyclus segment},
 * {@code encode} and {@code map}; the dashboard serves the same registry type on its own server.
 */
public final class MetricsServer implements AutoCloseable {
    private final Javalin app;

    private MetricsServer(Javalin app) {
        this.app = app;
    }

    /** A Prometheus registry with JVM memory, thread and processor meters bound. */
    public static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        new ProcessorMetrics().bindTo(r);
        return r;
    }

    /**
     * Serves {@code registry} at /metrics on {@code host}:{@code port} (0: any free port).
     *
     * @throws DashboardException naming the address if it cannot be bound
     */
    public static MetricsServer start(String host, int port, PrometheusMeterRegistry registry) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(registry.scrape()));
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            throw new DashboardException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new MetricsServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
