package io.hyclus.app.dashboard;

import io.hyclus.app.OptionChecks;
import io.hyclus.app.pipeline.ClusterOptions;
import io.hyclus.app.pipeline.Pipeline;
import io.hyclus.app.pipeline.UntilSignal;
import io.hyclus.dashboard.Dashboard;
import io.hyclus.dashboard.DashboardSettings;
import io.hyclus.dashboard.metrics.MetricsServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code hyclus dashboard}: the live dashboard on its own, reading a Kafka cluster's HyClus topics, until Ctrl-C or
 * SIGTERM (exit 1 if its feed stops on an error). It serves its Prometheus metrics at /metrics.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Serves the live dashboard (t-SNE map, waterfall of the scan in progress, devices, throughput,"
                + " lag, dead letters) from a Kafka cluster's HyClus topics, until Ctrl-C. Read-only: it writes nothing.",
            "Scans are shown from the first one that starts after it; the map, containers and codes from the beginning."})
public final class DashboardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "The Kafka cluster holding HyClus's topics.")
    String bootstrapServers;

    @Option(names = "--http-host", defaultValue = DashboardSettings.DEFAULT_HOST,
            description = "Address to serve on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 in a container).")
    String httpHost;

    @Option(names = "--http-port", defaultValue = "" + DashboardSettings.DEFAULT_PORT,
            description = "Port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--client-buffer", defaultValue = "" + DashboardSettings.DEFAULT_CLIENT_BUFFER_EVENTS,
            description = "Events queued per browser before one that does not keep up is dropped (default: ${DEFAULT-VALUE}).")
    int clientBuffer;

    @Override
    public Integer call() throws InterruptedException {
        ClusterOptions.bootstrapServers(spec, bootstrapServers);
        OptionChecks.range(spec, "--http-port", httpPort, 0, 65535);
        OptionChecks.range(spec, "--client-buffer", clientBuffer, 16, 1_000_000);
        if (httpHost.isBlank()) {
            throw OptionChecks.invalid(spec, "--http-host must not be blank");
        }
        DashboardSettings settings = DashboardSettings.defaults(bootstrapServers, httpHost, httpPort,
                Pipeline.watchedGroups()).withClientBuffer(clientBuffer);
        PrintWriter out = spec.commandLine().getOut();
        io.hyclus.app.pipeline.ClusterSize.replicationFor(bootstrapServers); // nothing answering fails now, naming the servers
        Dashboard d = Dashboard.start(settings, MetricsServer.newRegistry());
        UntilSignal.run("dashboard", d, d::checkHealth, "Dashboard at " + d.url() + " (metrics at " + d.url()
                + "metrics) reading " + bootstrapServers + "; press Ctrl-C to stop.", out);
        return 0;
    }
}
