package io.hyclus.broker;

import io.hyclus.core.Checks;
import io.hyclus.kafka.topic.HyclusTopics;

import java.nio.file.Path;

/**
 * Settings of the embedded broker.
 *
 * @param dataDir         where the broker keeps its configuration, cluster id and logs; formatted on
 *                        first start, reused afterwards
 * @param brokerPort      client port on 127.0.0.1; 0 picks a free port at each start
 * @param controllerPort  KRaft controller port on 127.0.0.1; 0 picks a free port at each start
 * @param maxMessageBytes largest record batch the broker accepts; the default is
 *                        {@link HyclusTopics#MAX_RECORD_BYTES}
 */
public record EmbeddedBrokerSettings(Path dataDir, int brokerPort, int controllerPort, int maxMessageBytes) {
    public EmbeddedBrokerSettings {
        Checks.notNull("broker data directory", dataDir);
        if (dataDir.toAbsolutePath().toString().contains(",")) {
            // log.dirs is a comma-separated list: the broker would write into two directories, one outside dataDir
            throw new IllegalArgumentException("broker data directory must not contain ',' (Kafka's log.dirs takes a"
                    + " comma as a separator between directories): " + dataDir.toAbsolutePath());
        }
        if (brokerPort < 0 || brokerPort > 65535) {
            throw new IllegalArgumentException("broker port must be 0-65535: " + brokerPort);
        }
        if (controllerPort < 0 || controllerPort > 65535) {
            throw new IllegalArgumentException("controller port must be 0-65535: " + controllerPort);
        }
        if (brokerPort != 0 && brokerPort == controllerPort) {
            throw new IllegalArgumentException("broker and controller ports must differ: both " + brokerPort);
        }
        Checks.positive("max message bytes", maxMessageBytes);
    }

    /** Free ports, 4 MiB messages, data under {@code dataDir}. */
    public static EmbeddedBrokerSettings in(Path dataDir) {
        return new EmbeddedBrokerSettings(dataDir, 0, 0, HyclusTopics.MAX_RECORD_BYTES);
    }
}
