package io.hyclus.app.pipeline;

import io.hyclus.app.OptionChecks;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Command-line options shared by the commands that scan into the pipeline (demo, campaign). Each value is checked
 * as picocli sets it, so a bad one is a parameter error (exit 2, usage shown) before the command runs.
 */
public final class PipelineOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Path workDir;
    private String bootstrapServers;

    @Option(names = "--library", description = "A spectral library folder (holding index.csv) to simulate from instead of the bundled USGS/JPL spectra.")
    Path library;

    @Option(names = "--seed", defaultValue = "20261125", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    private long timeoutSeconds;

    @Option(names = "--exit-when-done", description = "Exit once the scans are processed (for scripts); otherwise keep "
            + "running until Ctrl-C.")
    boolean exitWhenDone;

    @Option(names = "--work-dir", defaultValue = "hyclus-work", description = "Working directory (default: ${DEFAULT-VALUE}); "
            + "one process at a time. Its path must not contain ',' (Kafka separates log directories with commas).")
    void workDir(String path) {
        Path dir;
        try {
            dir = Path.of(path);
        } catch (InvalidPathException e) {
            throw OptionChecks.invalid(command, "--work-dir is not a path this JVM can use: '" + path + "' (" + e.getReason()
                    + "); file names are encoded as " + System.getProperty("sun.jnu.encoding")
                    + ", so for non-ASCII names run with a UTF-8 locale, e.g. LANG=C.UTF-8");
        }
        if (dir.toAbsolutePath().toString().contains(",")) {
            throw OptionChecks.invalid(command, "--work-dir must not contain ',' (the embedded broker's log.dirs would"
                    + " split there and write outside the work directory): " + dir.toAbsolutePath());
        }
        workDir = dir;
    }

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Use this Kafka cluster instead of the embedded broker.")
    void bootstrapServers(String servers) {
        try {
            BootstrapServers.parse(servers);
        } catch (IllegalArgumentException e) {
            throw OptionChecks.invalid(command, "--bootstrap-servers must be HOST:PORT[,HOST:PORT...] with ports"
                    + " 1-65535: '" + servers + "'");
        }
        bootstrapServers = servers;
    }

    @Option(names = "--timeout-seconds", defaultValue = "600",
            description = "Give up waiting for a scan's containers after this long, > 0 (default: ${DEFAULT-VALUE}).")
    void timeoutSeconds(long seconds) {
        timeoutSeconds = OptionChecks.positive(command, "--timeout-seconds", seconds);
    }

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
