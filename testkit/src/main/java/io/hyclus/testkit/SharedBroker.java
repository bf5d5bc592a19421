package io.hyclus.testkit;

import io.hyclus.kafka.broker.EmbeddedBrokerSettings;
import io.hyclus.kafka.broker.EmbeddedKafkaBroker;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded broker per test JVM (the same {@link EmbeddedKafkaBroker} the application uses), started on
 * first use in a temporary directory with HyClus's topics, stopped when the JVM exits. Tests that share it
 * use distinct scan ids and application ids.
 */
public final class SharedBroker {
    private static EmbeddedKafkaBroker broker;

    private SharedBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("hyclus-test-kafka");
                broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir));
                TopicAdmin.ensureTopics(broker.bootstrapServers(), HyclusTopics.all(), 1, (short) 1);
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "shared-broker-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return broker.bootstrapServers();
    }
}
