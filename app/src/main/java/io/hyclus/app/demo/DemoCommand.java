package io.hyclus.app.demo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code hyclus demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Scans a simulated tray with a simulated VNIR camera, streams the calibrated lines through Kafka "
                + "and writes one HDF5 container per sample.",
            "Without --bootstrap-servers an embedded single-node Kafka broker runs inside this process, its data "
                + "kept under --work-dir."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--work-dir", defaultValue = "hyclus-work", description = "Working directory (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--bootstrap-servers", description = "Use this Kafka cluster instead of the embedded broker.")
    String bootstrapServers;

    @Option(names = "--library", description = "Spectral library folder (default: shared/data/usgs beside the checkout).")
    Path library;

    @Option(names = "--samples", defaultValue = "4", description = "Samples on the tray, 1-12 (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "20261125", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--pixels", defaultValue = "1024", description = "VNIR spatial pixels (default: ${DEFAULT-VALUE}).")
    int pixels;

    @Option(names = "--bands", defaultValue = "224", description = "VNIR bands, 400-1000 nm (default: ${DEFAULT-VALUE}).")
    int bands;

    @Option(names = "--line-pitch-mm", defaultValue = "1.0", description = "Belt travel between lines, mm (default: ${DEFAULT-VALUE}).")
    double linePitchMm;

    @Option(names = "--timeout-seconds", defaultValue = "600", description = "Give up waiting for containers after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--exit-when-done", description = "Exit once the scan is processed (for scripts); otherwise keep running until Ctrl-C.")
    boolean exitWhenDone;

    @Override
    public Integer call() throws InterruptedException {
        DemoSettings settings = new DemoSettings(workDir, Optional.ofNullable(bootstrapServers), Optional.ofNullable(library),
                samples, seed, pixels, bands, linePitchMm, Duration.ofSeconds(timeoutSeconds), exitWhenDone);
        PrintWriter out = spec.commandLine().getOut();
        try (DemoPipeline pipeline = DemoPipeline.start(settings, InstantSource.system(), out)) {
            DemoResult result = pipeline.runScan();
            DemoReport.print(result, out);
            if (!settings.exitWhenDone()) {
                out.println("Segmentation keeps running; press Ctrl-C to stop.");
                out.flush();
                pipeline.awaitInterrupt();
            }
        }
        return 0;
    }
}
