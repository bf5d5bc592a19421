package io.hyclus.app.segment;

import io.hyclus.app.pipeline.ClusterOptions;
import io.hyclus.app.pipeline.Pipeline;
import io.hyclus.app.pipeline.PipelineSettings;
import io.hyclus.kafka.topic.HyclusTopics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;

/**
 * {@code hyclus segment}: the {@link Pipeline} without a scanner. Runs until Ctrl-C or SIGTERM (the shutdown hook stops
 * it cleanly; the JVM then exits 130 or 143, 128 + the signal, as any JVM ended by a signal), or until
 * segmentation stops on an error (exit 1, the error named): it never stays up doing nothing.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Runs the streaming segmentation on its own: reads scan events from hyclus.scan-events"
                + " and writes one HDF5 container per sample under --work-dir/samples, exactly once, until Ctrl-C.",
            "Without --bootstrap-servers an embedded single-node Kafka broker runs inside this process, its data "
                + "kept under --work-dir."})
public final class SegmentCommand implements Callable<Integer> {
    /** How often a running segmentation is checked for having stopped on an error. */
    private static final Duration HEALTH_CHECK = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    io.hyclus.app.pipeline.MetricsOptions metrics;

    @Override
    public Integer call() throws InterruptedException {
        PipelineSettings settings = cluster.pipeline();
        PrintWriter out = spec.commandLine().getOut();
        try (Pipeline pipeline = Pipeline.start(settings, InstantSource.system(), out);
             io.hyclus.app.pipeline.PipelineMetrics served = io.hyclus.app.pipeline.PipelineMetrics.serve(pipeline, metrics, out)) {
            out.println("Segmenting " + HyclusTopics.SCAN_EVENTS.name() + " into " + settings.outputDir().toAbsolutePath()
                    + "; press Ctrl-C to stop.");
            out.flush();
            while (!pipeline.awaitInterrupt(HEALTH_CHECK)) {
                pipeline.checkHealth();
            }
        }
        return 0;
    }
}
