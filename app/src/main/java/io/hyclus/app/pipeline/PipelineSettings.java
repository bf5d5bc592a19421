package io.hyclus.app.pipeline;

import io.hyclus.core.Checks;
import io.hyclus.streaming.segment.SegmentationSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * @param workDir          embedded broker data ({@code kafka/}), Streams state ({@code streams/}) and containers
 *                         ({@code samples/}) go below it
 * @param bootstrapServers an existing cluster; empty means start the embedded broker
 * @param abandonAfter     a scan with no event for this long is closed as abandoned (see SegmentationSettings)
 * @param liveEncoder      also run the live encoder ({@code hyclus demo}, {@code hyclus campaign}), with the models of
 *                         {@link #modelsDir()}
 */
public record PipelineSettings(Path workDir, Optional<String> bootstrapServers, boolean liveEncoder,
                               Duration abandonAfter) {
    public PipelineSettings {
        Checks.notNull("work directory", workDir);
        Checks.notNull("bootstrap servers", bootstrapServers);
        Checks.notNull("abandon-after time", abandonAfter);
    }

    /** Segmentation only, scans abandoned after {@link SegmentationSettings#DEFAULT_ABANDON_AFTER}. */
    public PipelineSettings(Path workDir, Optional<String> bootstrapServers) {
        this(workDir, bootstrapServers, false, SegmentationSettings.DEFAULT_ABANDON_AFTER);
    }

    public PipelineSettings withLiveEncoder() {
        return new PipelineSettings(workDir, bootstrapServers, true, abandonAfter);
    }

    public PipelineSettings withAbandonAfter(Duration d) {
        return new PipelineSettings(workDir, bootstrapServers, liveEncoder, d);
    }

    /** The segmentation's settings: containers in {@link #outputDir()}, scans abandoned after {@link #abandonAfter()}. */
    public SegmentationSettings segmentation() {
        return SegmentationSettings.in(outputDir()).withAbandonAfter(abandonAfter);
    }

    /** The model registry ({@code models/}). */
    public Path modelsDir() {
        return workDir.resolve("models");
    }

    /** The live encoder's instance id and lock ({@code encoder/}), shared with {@code hyclus encode}. */
    public Path encoderDir() {
        return workDir.resolve("encoder");
    }

    public Path brokerDir() {
        return workDir.resolve("kafka");
    }

    public Path stateDir() {
        return workDir.resolve("streams");
    }

    public Path outputDir() {
        return workDir.resolve("samples");
    }
}
