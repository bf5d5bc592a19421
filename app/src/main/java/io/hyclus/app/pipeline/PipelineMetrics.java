package io.hyclus.app.pipeline;

import io.hyclus.dashboard.metrics.MetricsServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * /metrics of a pipeline run without a dashboard ({@code hyclus segment --metrics-port}): JVM meters, whether
 * segmentation runs, and the in-process encoder's and map's counters when the pipeline has them.
 */
public final class PipelineMetrics implements AutoCloseable {
    private final Optional<MetricsServer> server;

    private PipelineMetrics(Optional<MetricsServer> server) {
        this.server = server;
    }

    /** Serves the pipeline's metrics if {@code options} ask for it; closing stops serving. */
    public static PipelineMetrics serve(Pipeline pipeline, MetricsOptions options, PrintWriter out) {
        if (options.address().isEmpty()) {
            return new PipelineMetrics(Optional.empty());
        }
        PrometheusMeterRegistry registry = MetricsServer.newRegistry();
        Gauge.builder("hyclus.segmentation.running", pipeline, p -> p.segmentationRunning() ? 1 : 0)
                .description("1 while the Kafka Streams segmentation is RUNNING").register(registry);
        pipeline.bindSegmentationMetrics(registry);
        pipeline.liveEncoder().ifPresent(e -> PipelineMeters.bindEncoder(e, registry));
        pipeline.liveMap().ifPresent(m -> PipelineMeters.bindMap(m, registry));
        return new PipelineMetrics(options.start(registry, out));
    }

    @Override
    public void close() {
        server.ifPresent(MetricsServer::close);
    }
}
