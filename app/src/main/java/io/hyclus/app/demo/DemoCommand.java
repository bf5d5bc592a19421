package io.hyclus.app.demo;

import io.hyclus.app.OptionChecks;
import io.hyclus.app.pipeline.DashboardAddress;
import io.hyclus.app.pipeline.PipelineOptions;
import io.hyclus.dashboard.DashboardSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code hyclus demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Scans one simulated tray with both simulated cameras (VNIR and SWIR) on an in-process rig, "
                + "streams the calibrated lines through Kafka and writes one HDF5 container per sample: the campaign's "
                + "scan path with one tray.",
            "Without --bootstrap-servers an embedded single-node Kafka broker runs inside this process, its data "
                + "kept under --work-dir."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PipelineOptions common;

    @Option(names = "--samples", defaultValue = "4", description = "Samples on the tray, 1-12 (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--pixels", defaultValue = "1024", description = "VNIR spatial pixels (default: ${DEFAULT-VALUE}).")
    int pixels;

    @Option(names = "--bands", defaultValue = "224", description = "VNIR bands, 400-1000 nm (default: ${DEFAULT-VALUE}).")
    int bands;

    @Option(names = "--line-pitch-mm", defaultValue = "1.0", description = "Belt travel between lines, mm; sets the cameras' line rate (default: ${DEFAULT-VALUE}).")
    double linePitchMm;

    @Option(names = "--http-host", defaultValue = DashboardSettings.DEFAULT_HOST,
            description = "Address the live dashboard is served on (default: ${DEFAULT-VALUE}, this machine only).")
    String httpHost;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the live dashboard, 0 for any free port "
            + "(default: " + DashboardSettings.DEFAULT_PORT + "; with --exit-when-done the dashboard is served only if a "
            + "port is given, so scripts do not take a fixed port).")
    Integer httpPort;

    @Option(names = "--no-dashboard", description = "Do not serve the live dashboard.")
    boolean noDashboard;

    @Override
    public Integer call() throws InterruptedException {
        if (httpPort != null) {
            OptionChecks.range(spec, "--http-port", httpPort, 0, 65535);
        }
        if (httpHost.isBlank()) {
            throw OptionChecks.invalid(spec, "--http-host must not be blank");
        }
        boolean serve = !noDashboard && (httpPort != null || !common.exitWhenDone());
        Optional<DashboardAddress> dashboard = serve ? Optional.of(new DashboardAddress(httpHost,
                httpPort == null ? DashboardSettings.DEFAULT_PORT : httpPort)) : Optional.empty();
        OptionChecks.range(spec, "--samples", samples, 1, DemoSettings.MAX_SAMPLES);
        OptionChecks.range(spec, "--pixels", pixels, DemoSettings.MIN_PIXELS, DemoSettings.MAX_PIXELS);
        OptionChecks.range(spec, "--bands", bands, DemoSettings.MIN_BANDS, DemoSettings.MAX_BANDS);
        OptionChecks.range(spec, "--line-pitch-mm", linePitchMm, DemoSettings.MIN_LINE_PITCH_MM, DemoSettings.MAX_LINE_PITCH_MM);
        DemoSettings settings = new DemoSettings(common.pipeline().workDir(), common.pipeline().bootstrapServers(),
                common.library(), samples, common.seed(), pixels, bands, linePitchMm, common.timeout(), common.exitWhenDone(),
                common.stitch(), common.publish());
        PrintWriter out = spec.commandLine().getOut();
        try (DemoPipeline pipeline = DemoPipeline.start(settings, dashboard, InstantSource.system(), out)) {
            DemoResult result = pipeline.runScan();
            DemoReport.print(result, out);
            if (!settings.exitWhenDone()) {
                out.println(pipeline.dashboardUrl().map(u -> "Segmentation and the dashboard (" + u + ") keep running")
                        .orElse("Segmentation keeps running") + "; press Ctrl-C to stop.");
                out.flush();
                pipeline.awaitInterrupt();
            }
        }
        return 0;
    }
}
