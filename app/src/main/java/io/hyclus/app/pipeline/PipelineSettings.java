package io.hyclus.app.pipeline;

import io.hyclus.core.Checks;

import java.nio.file.Path;
import java.util.Optional;

/**
 * @param workDir          embedded broker data ({@code kafka/}), Streams state ({@code streams/}) and containers
 *                         ({@code samples/}) go below it
 * @param bootstrapServers an existing cluster; empty means start the embedded broker
 */
public record PipelineSettings(Path workDir, Optional<String> bootstrapServers) {
    public PipelineSettings {
        Checks.notNull("work directory", workDir);
        Checks.notNull("bootstrap servers", bootstrapServers);
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
