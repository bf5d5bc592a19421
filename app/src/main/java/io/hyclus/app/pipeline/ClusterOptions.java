package io.hyclus.app.pipeline;

import io.hyclus.app.OptionChecks;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The options that say where the pipeline runs, {@code --work-dir} and {@code --bootstrap-servers}, for a command that
 * runs the pipeline without scanning ({@code hyclus segment}); {@link PipelineOptions} checks its own copies of these
 * options through the same static checks, so both refuse the same values with the same message (exit 2, usage).
 */
public final class ClusterOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Path workDir;
    private String bootstrapServers;

    @Option(names = "--work-dir", defaultValue = "hyclus-work", description = "Working directory (default: ${DEFAULT-VALUE}); "
            + "one process at a time. Its path must not contain ',' (Kafka separates log directories with commas).")
    void workDir(String path) {
        workDir = workDir(command, path);
    }

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Use this Kafka cluster instead of the embedded broker.")
    void bootstrapServers(String servers) {
        bootstrapServers = bootstrapServers(command, servers);
    }

    @Option(names = "--abandon-after-seconds", defaultValue = "600", paramLabel = "S",
            description = "Close a scan with no event for this long (acquisition died): its containers are written from "
                    + "the lines that arrived, the abandonment recorded (default: ${DEFAULT-VALUE}).")
    void abandonAfter(long seconds) {
        abandonAfterSeconds = OptionChecks.range(command, "--abandon-after-seconds", (int) Math.min(seconds, Integer.MAX_VALUE),
                1, 86_400);
    }

    private long abandonAfterSeconds = 600;

    @Option(names = "--partitions", defaultValue = "1", paramLabel = "N",
            description = "Partitions of the HyClus topics this process creates when they are missing (default: "
                    + "${DEFAULT-VALUE}); give several (e.g. 6) to share the scans between several `hyclus segment` "
                    + "instances. Topics that exist are never changed.")
    void partitions(int n) {
        partitions = OptionChecks.range(command, "--partitions", n, 1, PipelineSettings.MAX_TOPIC_PARTITIONS);
    }

    private int partitions = 1;

    public PipelineSettings pipeline() {
        return new PipelineSettings(workDir, Optional.ofNullable(bootstrapServers))
                .withAbandonAfter(java.time.Duration.ofSeconds(abandonAfterSeconds)).withTopicPartitions(partitions);
    }

    public static Path workDir(CommandSpec command, String path) {
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
        return dir;
    }

    /** {@code servers} as given, or a parameter error (exit 2, usage) naming the option: the one check of the option. */
    public static String bootstrapServers(CommandSpec command, String servers) {
        try {
            BootstrapServers.parse(servers);
        } catch (IllegalArgumentException e) {
            throw OptionChecks.invalid(command, "--bootstrap-servers must be HOST:PORT[,HOST:PORT...] with ports"
                    + " 1-65535: '" + servers + "'");
        }
        return servers;
    }
}
