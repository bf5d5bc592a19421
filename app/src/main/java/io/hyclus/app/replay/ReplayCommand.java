package io.hyclus.app.replay;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.app.OptionChecks;
import io.hyclus.app.pipeline.ClusterOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code hyclus replay}: a recorded scan (from Kafka by id or time range, or from an ENVI capture) recalibrated,
 * segmented and encoded again into the replay's own topics and directory (docs/replay.md).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays recorded scans through calibration, segmentation and the encoder into topics "
                + "hyclus.replay.<id>.* and <work-dir>/replay/<id>/samples of their own, beside live scanning.",
            "From Kafka (--scan ID, or --since/--until for every scan started in a time range: raw frames from "
                + "hyclus.raw-frames, layout from hyclus.scan-events) or from an ENVI capture (--from-envi DIR)."})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--scan", paramLabel = "ID", description = "The scan to replay from Kafka.")
        String scanId;

        @Option(names = "--from-envi", paramLabel = "DIR", description = "An ENVI capture HyClus wrote (hyclus scan "
                + "--save-envi, hyclus export --scan).")
        Path fromEnvi;

        @Option(names = "--since", paramLabel = "TIME", description = "Replay every completed scan started at or after "
                + "TIME (ISO-8601, e.g. 2026-11-26T03:00:00Z) and before --until.")
        String since;
    }

    @Option(names = "--until", paramLabel = "TIME", description = "End of the --since range (default: now).")
    String until;

    @Option(names = "--original-pace", description = "Publish lines at the pace they were taken (default: as fast "
            + "as possible).")
    boolean originalPace;

    @Option(names = "--as-fast-as-possible", description = "Publish lines as soon as they are calibrated (the default).")
    boolean asFastAsPossible;

    @Option(names = "--replay-id", paramLabel = "ID", description = "Names the replay's topics, application, groups "
            + "and directory (default: r<UTC time>, e.g. r20261126T031500Z).")
    String replayId;

    @Option(names = "--out", paramLabel = "DIR", description = "The replay's directory (default: "
            + "<work-dir>/replay/<replay-id>); containers and codes go to DIR/samples.")
    Path out;

    @Option(names = "--registry", paramLabel = "DIR", description = "Model registry whose promoted models encode the "
            + "replay (default: <work-dir>/models).")
    Path registry;

    @Option(names = "--no-encode", description = "Segment only; do not encode the replay's containers.")
    boolean noEncode;

    @Option(names = "--work-dir", defaultValue = "hyclus-work", description = "Working directory (default: "
            + "${DEFAULT-VALUE}). Without --bootstrap-servers its embedded broker's stored data is read (and the "
            + "directory locked); with it, a running demo's broker can be replayed from while it scans.")
    String workDir;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "The Kafka cluster holding the recorded scans (e.g. the broker `hyclus demo` prints).")
    String bootstrapServers;

    @Option(names = "--timeout-seconds", defaultValue = "600",
            description = "Give up waiting for a scan's containers and codes after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() {
        Path work = ClusterOptions.workDir(spec, workDir);
        Optional<String> servers = Optional.ofNullable(bootstrapServers).map(b -> ClusterOptions.bootstrapServers(spec, b));
        OptionChecks.positive(spec, "--timeout-seconds", timeoutSeconds);
        if (originalPace && asFastAsPossible) {
            throw OptionChecks.invalid(spec, "--original-pace and --as-fast-as-possible exclude each other");
        }
        if (until != null && source.since == null) {
            throw OptionChecks.invalid(spec, "--until needs --since");
        }
        Instant now = InstantSource.system().instant();
        Instant from = source.since == null ? null : time(source.since, "--since");
        Instant to = until == null ? now : time(until, "--until");
        if (from != null && !from.isBefore(to)) {
            throw OptionChecks.invalid(spec, "--since " + from + " must be before --until " + to);
        }
        String id = replayId != null ? replayId : "r" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw OptionChecks.invalid(spec, "--replay-id must be 1-64 letters, digits, '_' or '-': '" + id + "'");
        }
        if (source.fromEnvi != null && !java.nio.file.Files.isDirectory(source.fromEnvi)) {
            throw OptionChecks.invalid(spec, "--from-envi must be a capture folder: " + source.fromEnvi);
        }
        Path dir = out != null ? out : work.resolve("replay").resolve(id);
        Optional<Path> models = noEncode ? Optional.empty() : Optional.of(registry != null ? registry
                : work.resolve("models"));
        PrintWriter pw = spec.commandLine().getOut();
        try (ClusterAccess cluster = ClusterAccess.open(work, servers, InstantSource.system(), pw)) {
            ReplaySettings s = new ReplaySettings(cluster.bootstrapServers(), id, dir,
                    originalPace ? Pace.ORIGINAL : Pace.AS_FAST_AS_POSSIBLE, CalibrationSettings.defaults(), models,
                    cluster.replication(), Duration.ofSeconds(timeoutSeconds));
            try (ScanReplay replay = ScanReplay.start(s, InstantSource.system(), pw)) {
                List<ReplayResult> results = source.scanId != null ? List.of(replay.fromKafka(source.scanId))
                        : source.fromEnvi != null ? List.of(replay.fromEnvi(source.fromEnvi)) : replay.fromKafka(from, to);
                for (ReplayResult r : results) {
                    pw.printf("Replay %s of scan %s done: %d containers in %s%n", id, r.report().scanId(),
                            r.containers().size(), s.samplesDir().resolve(r.report().scanId()).toAbsolutePath());
                }
            }
        }
        pw.flush();
        return 0;
    }

    private Instant time(String v, String option) {
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw OptionChecks.invalid(spec, option + " must be an ISO-8601 instant such as 2026-11-26T03:00:00Z: '" + v
                    + "'");
        }
    }
}
