package io.hyclus.app.pipeline;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Command-line options shared by the commands that scan into the pipeline (demo, campaign). */
public final class PipelineOptions {
    @Option(names = "--work-dir", defaultValue = "hyclus-work", description = "Working directory (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--bootstrap-servers", description = "Use this Kafka cluster instead of the embedded broker.")
    String bootstrapServers;

    @Option(names = "--library", description = "A spectral library folder (holding index.csv) to simulate from instead of the bundled USGS/JPL spectra.")
    Path library;

    @Option(names = "--seed", defaultValue = "20261125", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout-seconds", defaultValue = "600",
            description = "Give up waiting for a scan's containers after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--exit-when-done", description = "Exit once the scans are processed (for scripts); otherwise keep "
            + "running until Ctrl-C.")
    boolean exitWhenDone;

    public PipelineSettings pipeline() {
        return new PipelineSettings(workDir, Optional.ofNullable(bootstrapServers));
    }

    public Optional<Path> library() {
        return Optional.ofNullable(library);
    }

    public long seed() {
        return seed;
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public boolean exitWhenDone() {
        return exitWhenDone;
    }
}
