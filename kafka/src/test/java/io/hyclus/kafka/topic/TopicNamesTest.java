package io.hyclus.kafka.topic;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicNamesTest {
    @Test
    void live_isHyclusTopicsAsDeclared() {
        assertSame(HyclusTopics.SCAN_EVENTS, TopicNames.LIVE.of(HyclusTopics.SCAN_EVENTS));
        assertEquals(HyclusTopics.all(), TopicNames.LIVE.all());
    }

    @Test
    void replay_renamesEveryTopic_keepsSerdesAndConfigs() {
        TopicNames r = TopicNames.replay("r1");
        assertEquals(List.of("hyclus.replay.r1.scan-events", "hyclus.replay.r1.sample-containers",
                "hyclus.replay.r1.scan-events.dlq", "hyclus.replay.r1.sample-codes",
                "hyclus.replay.r1.sample-containers.dlq", "hyclus.replay.r1.sample-map", "hyclus.replay.r1.raw-frames"),
                r.all().stream().map(Topic::name).toList());
        Topic<?, ?> events = r.of(HyclusTopics.SCAN_EVENTS);
        assertSame(HyclusTopics.SCAN_EVENTS.valueSerde(), events.valueSerde());
        assertEquals(HyclusTopics.SCAN_EVENTS.configs(), events.configs());
    }

    @Test
    void scanEvents_keptSevenDaysExplicitly() {
        assertEquals(Map.of("max.message.bytes", "4194304", "retention.ms", "604800000", "cleanup.policy", "delete"),
                HyclusTopics.SCAN_EVENTS.configs());
    }

    @Test
    void badPrefix_isRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopicNames("other."));
        assertTrue(e.getMessage().contains("'other.'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TopicNames.replay("a b"));
        assertThrows(IllegalArgumentException.class, () -> new TopicNames("hyclus.x"));
    }
}
