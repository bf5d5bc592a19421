package io.hyclus.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hyclus.kafka.topic.HyclusTopics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Validates docker/compose.yml offline (no Docker engine here): a consistent three-node KRaft cluster on the
 * Kafka version HyClus is built against, with record limits that admit HyClus's largest records.
 */
class ComposeFileTest {
    private static JsonNode services;

    @BeforeAll
    static void load() throws IOException {
        Path compose = Path.of(System.getProperty("hyclus.root.dir", ".."), "docker", "compose.yml");
        services = new ObjectMapper(new YAMLFactory()).readTree(compose.toFile()).get("services");
    }

    private static List<Map.Entry<String, JsonNode>> nodes() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        services.fields().forEachRemaining(out::add);
        return out;
    }

    private static String env(JsonNode service, String key) {
        JsonNode v = service.get("environment").get(key);
        return v == null ? null : v.asText();
    }

    @Test
    void threeNodes_onTheKafkaVersionHyclusUses() {
        assertEquals(3, nodes().size());
        for (var n : nodes()) {
            assertEquals("apache/kafka:" + System.getProperty("hyclus.kafka.version"), n.getValue().get("image").asText(), n.getKey());
            assertEquals("broker,controller", env(n.getValue(), "KAFKA_PROCESS_ROLES"));
        }
    }

    @Test
    void quorum_listsEveryNodeOnce_andEveryNodeAgrees() {
        Set<String> expected = new HashSet<>();
        Set<String> clusterIds = new HashSet<>();
        Set<String> voters = new HashSet<>();
        for (var n : nodes()) {
            expected.add(env(n.getValue(), "KAFKA_NODE_ID") + "@" + n.getValue().get("hostname").asText() + ":9093");
            clusterIds.add(env(n.getValue(), "CLUSTER_ID"));
            voters.add(env(n.getValue(), "KAFKA_CONTROLLER_QUORUM_VOTERS"));
        }
        assertEquals(1, clusterIds.size(), "one cluster id");
        assertEquals(1, voters.size(), "same voters everywhere");
        assertEquals(expected, Set.of(voters.iterator().next().split(",")));
    }

    @Test
    void hostListeners_matchPublishedPorts_andAreDistinct() {
        Set<String> ports = new HashSet<>();
        for (var n : nodes()) {
            String published = n.getValue().get("ports").get(0).asText();
            String hostPort = published.split(":")[0];
            assertTrue(ports.add(hostPort), "port " + hostPort + " used twice");
            assertTrue(env(n.getValue(), "KAFKA_ADVERTISED_LISTENERS").contains("PLAINTEXT_HOST://localhost:" + hostPort),
                    n.getKey() + " advertises " + env(n.getValue(), "KAFKA_ADVERTISED_LISTENERS"));
        }
    }

    @Test
    void recordLimits_admitHyclusScanlines_andReplicationFitsTheCluster() {
        int needed = Integer.parseInt(HyclusTopics.SCAN_EVENTS.configs().get("max.message.bytes"));
        for (var n : nodes()) {
            JsonNode s = n.getValue();
            assertTrue(Integer.parseInt(env(s, "KAFKA_MESSAGE_MAX_BYTES")) >= needed);
            assertTrue(Integer.parseInt(env(s, "KAFKA_REPLICA_FETCH_MAX_BYTES")) >= needed);
            int rf = Integer.parseInt(env(s, "KAFKA_DEFAULT_REPLICATION_FACTOR"));
            assertTrue(rf <= nodes().size());
            assertTrue(Integer.parseInt(env(s, "KAFKA_MIN_INSYNC_REPLICAS")) < rf, "a node may fail without stopping writes");
            assertEquals("false", env(s, "KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        }
    }
}
