package io.hyclus.streaming.service;

import io.hyclus.core.Checks;

import java.nio.file.Path;

/**
 * @param bootstrapServers Kafka cluster to read from and write to
 * @param applicationId    Kafka Streams application id (consumer group, internal topic prefix)
 * @param stateDir         where RocksDB state stores live
 * @param replication      replication factor of internal topics (1 on the embedded broker)
 */
public record StreamsSettings(String bootstrapServers, String applicationId, Path stateDir, int replication) {
    public static final String DEFAULT_APPLICATION_ID = "hyclus-segmentation";

    public StreamsSettings {
        Checks.notBlank("bootstrap servers", bootstrapServers);
        Checks.identifier("application id", applicationId);
        Checks.notNull("state directory", stateDir);
        Checks.positive("replication factor", replication);
    }
}
