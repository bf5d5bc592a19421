package io.hyclus.app.encode;

import io.hyclus.analysis.live.LiveEncoder;
import io.hyclus.analysis.live.LiveEncoderSettings;
import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.ModelRegistry;
import io.hyclus.app.OptionChecks;
import io.hyclus.app.pipeline.ClusterOptions;
import io.hyclus.app.pipeline.ClusterSize;
import io.hyclus.app.pipeline.MetricsOptions;
import io.hyclus.app.pipeline.PipelineMeters;
import io.hyclus.app.pipeline.UntilSignal;
import io.hyclus.app.pipeline.WorkDirLock;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.dashboard.metrics.MetricsServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hyclus encode}: the live encoder on its own against a Kafka cluster. Runs until Ctrl-C or SIGTERM (the JVM then exits 130 or 143 after a clean stop), or
 * until the encoder stops on an error (exit 1, the error named).
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Runs the live encoder on its own: reads hyclus.sample-containers, encodes every spectrum of each"
                + " new sample with the promoted model of its camera, writes <sample>.codes.h5 beside each container and"
                + " publishes the codes to hyclus.sample-codes, exactly once, until Ctrl-C.",
            "Samples it cannot use go to hyclus.sample-containers.dlq with the reason (docs/live-encoder.md)."})
public final class EncodeCommand implements Callable<Integer> {
    /** How often a running encoder is checked for having stopped on an error. */

    @Spec
    CommandSpec spec;

    @Mixin
    MetricsOptions metrics;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "The Kafka cluster segmentation publishes to (e.g. the one `hyclus segment` embeds).")
    String bootstrapServers;

    @Option(names = "--work-dir", defaultValue = "hyclus-work",
            description = "Working directory (default: ${DEFAULT-VALUE}); the encoder keeps its instance id and lock in"
                    + " <work-dir>/encoder, one encoder per work directory.")
    Path workDir;

    @Option(names = "--registry", paramLabel = "DIR", description = "Model registry (default: <work-dir>/models); the "
            + "pretrained models are copied in and promoted when nothing is promoted yet.")
    Path registry;

    @Option(names = "--group-id", defaultValue = LiveEncoderSettings.DEFAULT_GROUP_ID,
            description = "Consumer group; encoders of one group share the samples (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Override
    public Integer call() throws InterruptedException {
        ClusterOptions.bootstrapServers(spec, bootstrapServers);
        try {
            io.hyclus.core.Checks.identifier("--group-id", groupId);
        } catch (IllegalArgumentException e) {
            throw OptionChecks.invalid(spec, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Path encoderDir = workDir.resolve("encoder");
        try (WorkDirLock lock = WorkDirLock.acquire(encoderDir, InstantSource.system().instant())) {
            short replication = (short) ClusterSize.replicationFor(bootstrapServers);
            ModelRegistry models = ModelRegistry.open(registry != null ? registry : workDir.resolve("models"));
            List<ModelRef> seeded = models.seedPretrainedIfMissing();
            seeded.forEach(r -> out.println("Promoted the pretrained model " + r));
            TopicAdmin.ensureTopics(bootstrapServers, List.of(HyclusTopics.SAMPLE_CONTAINERS, HyclusTopics.SAMPLE_CODES,
                    HyclusTopics.SAMPLE_CONTAINERS_DEAD_LETTERS), 1, replication);
            LiveEncoderSettings settings = LiveEncoderSettings.defaults(bootstrapServers, EncoderInstanceId.in(encoderDir))
                    .withGroupId(groupId);
            var metricsRegistry = MetricsServer.newRegistry();
            java.util.Optional<MetricsServer> served = metrics.start(metricsRegistry, out);
            try {
                LiveEncoder encoder = LiveEncoder.start(settings, models, InstantSource.system());
                PipelineMeters.bindEncoder(encoder, metricsRegistry);
                run(encoder, out, models.dir());
            } finally {
                served.ifPresent(MetricsServer::close);
            }
        }
        return 0;
    }

    private static void run(LiveEncoder encoder, PrintWriter out, Path registry) throws InterruptedException {
        UntilSignal.run("encode", encoder, encoder::rethrow, "Encoding " + HyclusTopics.SAMPLE_CONTAINERS.name() + " into "
                + HyclusTopics.SAMPLE_CODES.name() + " with the models promoted in " + registry.toAbsolutePath()
                + "; press Ctrl-C to stop.", out);
    }
}
