package io.hyclus.dashboard.web;

import io.hyclus.dashboard.feed.DashboardState;
import io.hyclus.dashboard.feed.Json;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The dashboard's HTTP server: {@code /} the page (from the jar), {@code /webjars/echarts/...} ECharts, {@code /events}
 * server-sent events, {@code /api/sample?scan=..&sample=..} a sample's details, {@code /metrics} Prometheus. GET only.
 */
public final class DashboardServer implements AutoCloseable {
    /** Where the page's files are inside the jar. */
    static final String WEB = "/io/hyclus/dashboard/web";

    private final Javalin app;
    private final Broadcaster broadcaster;

    private DashboardServer(Javalin app, Broadcaster broadcaster) {
        this.app = app;
        this.broadcaster = broadcaster;
    }

    /**
     * Starts serving on {@code host}:{@code port} (0: any free port).
     *
     * @throws io.hyclus.dashboard.DashboardException naming the address if it cannot be bound
     */
    public static DashboardServer start(String host, int port, DashboardState state, Broadcaster broadcaster,
                                        PrometheusMeterRegistry registry) {
        SampleDetails details = new SampleDetails(state.samples());
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(WEB, Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.before("/events", ctx -> {
                if (broadcaster.full()) {
                    throw new ServiceUnavailableResponse("too many dashboard clients");
                }
            });
            config.routes.sse("/events", client -> {
                client.keepAlive();
                broadcaster.register(client, who(client.ctx()), state);
            });
            config.routes.get("/api/sample", ctx -> sample(ctx, details));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(registry.scrape()));
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            throw new io.hyclus.dashboard.DashboardException("cannot serve the dashboard on " + host + ":" + port
                    + ": " + e.getMessage(), e);
        }
        return new DashboardServer(app, broadcaster);
    }

    private static String who(Context ctx) {
        return ctx.req().getRemoteAddr() + ":" + ctx.req().getRemotePort();
    }

    private static void sample(Context ctx, SampleDetails details) {
        String scan = ctx.queryParam("scan");
        String sample = ctx.queryParam("sample");
        if (scan == null || sample == null || scan.isBlank() || sample.isBlank()) {
            throw new BadRequestResponse("give ?scan=SCAN_ID&sample=SAMPLE_ID");
        }
        var d = details.of(scan, sample).orElseThrow(() -> new NotFoundResponse("no container announced for sample "
                + sample + " of scan " + scan));
        ctx.contentType("application/json").result(Json.write(d));
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        broadcaster.closeAll();
        app.stop();
    }
}
