package io.hyclus.streaming.segment;

import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import java.time.InstantSource;

/**
 * Builds the segmentation topology; nothing here starts or stops it.
 *
 * <pre>
 * scan-events (source, hyclus.scan-events)
 *   -> segment (processor; stores scan-starts, sample-fragments, scan-lines-received, scans-completed,
 *                                  scan-lines-seen, scan-activity; a wall-clock punctuator closes abandoned scans)
 *        -> sample-containers (sink, hyclus.sample-containers)
 *        -> dead-letters      (sink, hyclus.scan-events.dlq)
 * </pre>
 */
public final class SegmentationTopology {
    public static final String SOURCE = "scan-events";
    public static final String PROCESSOR = "segment";
    public static final String SAMPLES_SINK = "sample-containers";
    public static final String DEAD_LETTER_SINK = "dead-letters";
    public static final String STARTS_STORE = "scan-starts";
    public static final String FRAGMENTS_STORE = "sample-fragments";
    public static final String PROGRESS_STORE = "scan-lines-received";
    public static final String COMPLETED_STORE = "scans-completed";
    public static final String LINES_SEEN_STORE = "scan-lines-seen";
    /** Open scan id to the stream time (ms) of its last event, for closing abandoned scans. */
    public static final String ACTIVITY_STORE = "scan-activity";

    private SegmentationTopology() {
    }

    public static Topology build(SegmentationSettings settings, InstantSource clock) {
        return build(settings, clock, TopicNames.LIVE);
    }

    /** The topology on {@code topics}' scan events, containers and dead letters (a replay's own, docs/replay.md). */
    public static Topology build(SegmentationSettings settings, InstantSource clock, TopicNames topics) {
        Topology t = new Topology();
        t.addSource(SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                topics.name(HyclusTopics.SCAN_EVENTS));
        t.addProcessor(PROCESSOR, () -> new SegmentProcessor(settings, clock), SOURCE);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STARTS_STORE), Serdes.String(),
                Serdes.ByteArray()), PROCESSOR);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FRAGMENTS_STORE), Serdes.String(),
                Serdes.ByteArray()), PROCESSOR);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROGRESS_STORE), Serdes.String(),
                Serdes.Long()), PROCESSOR);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COMPLETED_STORE), Serdes.String(),
                Serdes.String()), PROCESSOR);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LINES_SEEN_STORE), Serdes.String(),
                Serdes.String()), PROCESSOR);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACTIVITY_STORE), Serdes.String(),
                Serdes.Long()), PROCESSOR);
        t.addSink(SAMPLES_SINK, topics.name(HyclusTopics.SAMPLE_CONTAINERS),
                HyclusTopics.SAMPLE_CONTAINERS.keySerde().serializer(),
                HyclusTopics.SAMPLE_CONTAINERS.valueSerde().serializer(), PROCESSOR);
        t.addSink(DEAD_LETTER_SINK, topics.name(HyclusTopics.SCAN_EVENTS_DEAD_LETTERS),
                Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer(), PROCESSOR);
        return t;
    }
}
