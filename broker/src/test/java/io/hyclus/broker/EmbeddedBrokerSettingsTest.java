package io.hyclus.broker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddedBrokerSettingsTest {
    @TempDir
    Path dir;

    @Test
    void dataDirWithComma_isRefused_namingThePathAndWhy() {
        Path bad = dir.resolve("a,b");
        var e = assertThrows(IllegalArgumentException.class, () -> EmbeddedBrokerSettings.in(bad));
        assertEquals("broker data directory must not contain ',' (Kafka's log.dirs takes a comma as a separator"
                + " between directories): " + bad.toAbsolutePath(), e.getMessage());
    }

    @Test
    void dataDirWithoutComma_isTaken() {
        assertEquals(dir.resolve("kafka"), EmbeddedBrokerSettings.in(dir.resolve("kafka")).dataDir());
    }

    /** Segmentation runs exactly-once: its transactions need a transaction state log that one node can host. */
    @Test
    void serverProperties_letOneNodeHostTransactions() {
        var p = EmbeddedKafkaBroker.serverProperties(dir, 9092, 9093, 4 << 20);
        assertEquals("1", p.get("transaction.state.log.replication.factor"));
        assertEquals("1", p.get("transaction.state.log.min.isr"));
        assertEquals("1", p.get("offsets.topic.replication.factor"));
    }

    /** A scan sends hundreds of MB/s on loopback: the OS sizes the broker's socket buffers, and Kafka accepts that. */
    @Test
    void serverProperties_leaveSocketBuffersToTheOs_andAreAValidKafkaConfig() {
        var p = EmbeddedKafkaBroker.serverProperties(dir, 9092, 9093, 4 << 20);
        assertEquals("-1", p.get("socket.receive.buffer.bytes"));
        assertEquals("-1", p.get("socket.send.buffer.bytes"));
        kafka.server.KafkaConfig c = kafka.server.KafkaConfig.fromProps(p, false); // Kafka's own validation
        assertEquals(-1, c.socketReceiveBufferBytes());
        assertEquals(-1, c.socketSendBufferBytes());
    }
}
