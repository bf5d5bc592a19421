package io.hyclus.app.pipeline;

import io.hyclus.core.Checks;

import java.nio.file.Path;
import java.util.Optional;

/**
 * @param workDir          embedded broker data ({@code kafka/}), Streams state ({@code streams/}) and containers
 *                         ({@code samples/}) go below it
 * @param bootstrapServers an existing cluster; empty means start the embedded broker
 * @param liveEncoder      also run the live encoder ({@code hyclus demo}, {@code hyclus campaign}), with the models of
 *                         {@link #modelsDir()}
 */
public record PipelineSettings(Path workDir, Optional<String> bootstrapServers, boolean liveEncoder) {
    public PipelineSettings {
        Checks.notNull("work directory", workDir);
        Checks.notNull("bootstrap servers", bootstrapServers);
    }

    /** Segmentation only. */
    public PipelineSettings(Path workDir, Optional<String> bootstrapServers) {
        this(workDir, bootstrapServers, false);
    }

    public PipelineSettings withLiveEncoder() {
        return new PipelineSettings(workDir, bootstrapServers, true);
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
