package io.hyclus.app.pipeline;

import io.hyclus.app.OptionChecks;
import io.hyclus.dashboard.metrics.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;

/** {@code --metrics-port} and {@code --metrics-host}: serve the process's Prometheus metrics at /metrics. */
public final class MetricsOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Integer port;

    @Option(names = "--metrics-host", defaultValue = "127.0.0.1",
            description = "Address /metrics is served on (default: ${DEFAULT-VALUE}; 0.0.0.0 in a container).")
    String host;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics (0: any free port); off unless given.")
    void port(int p) {
        port = (int) OptionChecks.range(command, "--metrics-port", p, 0, 65535);
    }

    public Optional<DashboardAddress> address() {
        return port == null ? Optional.empty() : Optional.of(new DashboardAddress(host, port));
    }

    /** Starts the server if asked, printing its address; the caller closes it. */
    public Optional<MetricsServer> start(PrometheusMeterRegistry registry, PrintWriter out) {
        return address().map(a -> {
            MetricsServer s = MetricsServer.start(a.host(), a.port(), registry);
            out.println("Metrics at http://" + a.host() + ":" + s.port() + "/metrics");
            out.flush();
            return s;
        });
    }
}
