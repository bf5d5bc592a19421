package io.hyclus.streaming.segment;

import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.streaming.service.SegmentationService;
import io.hyclus.streaming.service.StreamsSettings;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The segmentation topology in a {@link TopologyTestDriver} on the production configuration (not a copy: the same
 * serdes, size limits, offsets policy and exactly-once), with its input, sample-written and dead-letter topics.
 * Containers go to {@code out}, state to {@code state}; edge margin 3 mm.
 */
class SegmentationDriver implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> in;
    final TestOutputTopic<String, SampleContainerWritten> samples;
    final TestOutputTopic<byte[], byte[]> dlq;

    SegmentationDriver(Path out, Path state) {
        this(out, state, InstantSource.fixed(NOW));
    }

    SegmentationDriver(Path out, Path state, InstantSource clock) {
        this(new SegmentationSettings(out, 3.0), state, clock);
    }

    SegmentationDriver(SegmentationSettings settings, Path state, InstantSource clock) {
        driver = new TopologyTestDriver(SegmentationTopology.build(settings, clock),
                SegmentationService.streamsConfig(new StreamsSettings("unused:9092", StreamsSettings.DEFAULT_APPLICATION_ID,
                        state, 1)));
        in = driver.createInputTopic(HyclusTopics.SCAN_EVENTS.name(), new ByteArraySerializer(), new ByteArraySerializer());
        samples = driver.createOutputTopic(HyclusTopics.SAMPLE_CONTAINERS.name(),
                HyclusTopics.SAMPLE_CONTAINERS.keySerde().deserializer(),
                HyclusTopics.SAMPLE_CONTAINERS.valueSerde().deserializer());
        dlq = driver.createOutputTopic(HyclusTopics.SCAN_EVENTS_DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Pipes an event keyed by its scan id, as acquisition publishes it. */
    void send(ScanEvent e) {
        in.pipeInput(e.scanId().getBytes(StandardCharsets.UTF_8), ScanEventCodec.encode(e));
    }

    /** Entries in a state store of the topology. */
    int count(String store) {
        int n = 0;
        try (KeyValueIterator<Object, Object> it = driver.getKeyValueStore(store).all()) {
            for (; it.hasNext(); it.next()) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        driver.close();
    }
}
