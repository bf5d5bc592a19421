package io.hyclus.streaming.service;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamsConfigTest {
    @Test
    void productionConfig_isExactlyOnceV2_committingEvery100ms_withRoomForALargeCompletion() {
        Properties p = SegmentationService.streamsConfig(new StreamsSettings("localhost:9092",
                StreamsSettings.DEFAULT_APPLICATION_ID, Path.of("state"), 3));
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals(100, p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        assertEquals(60_000, p.get(StreamsConfig.producerPrefix("transaction.timeout.ms")));
        assertEquals(3, p.get(StreamsConfig.REPLICATION_FACTOR_CONFIG));
    }
}
