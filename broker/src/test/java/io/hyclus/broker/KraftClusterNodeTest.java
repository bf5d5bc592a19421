package io.hyclus.broker;

import io.hyclus.kafka.topic.HyclusTopics;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KraftClusterNodeTest {
    private static final String VOTERS = "1@127.0.0.1:9101,2@127.0.0.1:9103,3@127.0.0.1:9105";

    @Test
    void serverProperties_nodeTwoOfThree_isAValidKafkaConfigReplicatedThreeTimesOnLoopback() {
        Properties p = KraftClusterNode.serverProperties(Path.of("/tmp/hyclus-node-2"), 2, 9102, 9103, VOTERS);
        KafkaConfig c = KafkaConfig.fromProps(p, false); // Kafka's own validation
        assertEquals(2, c.nodeId());
        assertEquals("PLAINTEXT://127.0.0.1:9102,CONTROLLER://127.0.0.1:9103", p.getProperty("listeners"));
        assertEquals("PLAINTEXT://127.0.0.1:9102", p.getProperty("advertised.listeners"));
        assertEquals(VOTERS, p.getProperty("controller.quorum.voters"));
        assertEquals("3", p.getProperty("default.replication.factor"));
        assertEquals("2", p.getProperty("min.insync.replicas"));
        assertEquals("3", p.getProperty("transaction.state.log.replication.factor"));
        assertEquals("2", p.getProperty("transaction.state.log.min.isr"));
        assertEquals("3", p.getProperty("offsets.topic.replication.factor"));
        assertTrue(Integer.parseInt(p.getProperty("message.max.bytes")) >= HyclusTopics.MAX_RECORD_BYTES);
        assertTrue(Integer.parseInt(p.getProperty("replica.fetch.max.bytes")) >= HyclusTopics.MAX_RECORD_BYTES);
        assertEquals(Path.of("/tmp/hyclus-node-2/logs").toString(), p.getProperty("log.dirs"));
    }
}
