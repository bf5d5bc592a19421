package io.hyclus.app.replay;

import io.hyclus.app.AppException;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.RawFrameRole;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanRawFrame;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.kafka.topic.HyclusTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads recorded scans back from Kafka: a scan's start and completion from {@link HyclusTopics#SCAN_EVENTS}, its raw
 * frames from {@link HyclusTopics#RAW_FRAMES} (each camera's references, then every line in order; docs/raw-frames.md).
 * Reads committed records only, with no consumer group (nothing is committed, live consumers are not disturbed).
 */
public final class RawScanReader implements AutoCloseable {
    /** Raw frames are read from this long before the start event's record: references go out with it. */
    private static final long FRAMES_MARGIN_MS = 60_000;

    private final String bootstrapServers;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Duration timeout;

    /** Receives a scan's raw frames in the order they were taken. */
    public interface FrameVisitor {
        /** Every camera's references, once, before its first line; cameras in the rig's order. */
        void references(String cameraId, SensorKind kind, List<RawFrame> dark, List<RawFrame> white);

        /** One line of one camera, with the scan's line index. */
        void line(String cameraId, long index, RawFrame frame);
    }

    /** @param timeout longest wait for the end of a topic (the broker answering) */
    public RawScanReader(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, HyclusTopics.MAX_RECORD_BYTES),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The start and completion of {@code scanId}.
     *
     * @throws AppException naming the scan, topic and cluster if either is not there (never scanned, older than the
     *                      topic's retention, or not completed)
     */
    public RecordedScan find(String scanId) {
        ScanStarted started = null;
        long startedAt = 0;
        ScanCompleted completed = null;
        String topic = HyclusTopics.SCAN_EVENTS.name();
        for (ConsumerRecord<String, byte[]> r : readAll(topic, Optional.empty())) {
            if (!scanId.equals(r.key())) {
                continue;
            }
            ScanEvent e = ScanEventCodec.decode(r.value(), topic + "/" + r.partition() + "@" + r.offset());
            if (e instanceof ScanStarted s) {
                started = s;
                startedAt = r.timestamp();
                completed = null; // a scan published again: its last run counts
            } else if (e instanceof ScanCompleted c) {
                completed = c;
            }
        }
        if (started == null) {
            throw new AppException("scan " + scanId + " is not on " + topic + " at " + bootstrapServers
                    + " (never scanned there, or older than the topic's retention of "
                    + Duration.ofMillis(HyclusTopics.SCAN_EVENTS_RETENTION_MS).toDays() + " days)");
        }
        if (completed == null) {
            throw new AppException("scan " + scanId + " on " + topic + " at " + bootstrapServers
                    + " has no completion event: it was aborted or is still running");
        }
        return RecordedScan.of(started, completed, startedAt);
    }

    /** The scans whose start event's record time falls in {@code [from, to)}, completed ones only, in order. */
    public List<RecordedScan> between(Instant from, Instant to) {
        Map<String, ScanStarted> starts = new LinkedHashMap<>();
        Map<String, Long> at = new HashMap<>();
        Map<String, ScanCompleted> done = new HashMap<>();
        String topic = HyclusTopics.SCAN_EVENTS.name();
        for (ConsumerRecord<String, byte[]> r : readAll(topic, Optional.of(from.toEpochMilli()))) {
            if (r.value() == null) {
                continue;
            }
            ScanEvent e = ScanEventCodec.decode(r.value(), topic + "/" + r.partition() + "@" + r.offset());
            if (e instanceof ScanStarted s && r.timestamp() < to.toEpochMilli()) {
                starts.put(s.scanId(), s);
                at.put(s.scanId(), r.timestamp());
            } else if (e instanceof ScanCompleted c) {
                done.put(c.scanId(), c);
            }
        }
        List<RecordedScan> out = new ArrayList<>();
        starts.forEach((id, s) -> {
            if (done.containsKey(id)) {
                out.add(RecordedScan.of(s, done.get(id), at.get(id)));
            }
        });
        return out;
    }

    /**
     * Sends {@code scan}'s raw frames to {@code visitor}: all cameras' references, then its lines in order, until every
     * camera's line count of the completion is reached.
     *
     * @throws AppException naming the scan if frames are missing or out of order (retention, a scan without raw frames)
     */
    public void frames(RecordedScan scan, FrameVisitor visitor) {
        String topic = HyclusTopics.RAW_FRAMES.name();
        var deser = HyclusTopics.RAW_FRAMES.valueSerde().deserializer();
        Map<String, List<RawFrame>> dark = new LinkedHashMap<>();
        Map<String, List<RawFrame>> white = new LinkedHashMap<>();
        Map<String, SensorKind> kinds = new LinkedHashMap<>();
        Map<SensorKind, Long> lines = new EnumMap<>(SensorKind.class);
        boolean referencesSent = false;
        long wanted = scan.lines();
        long got = 0;
        for (ConsumerRecord<String, byte[]> r : readAll(topic, Optional.of(scan.startedAtMs() - FRAMES_MARGIN_MS))) {
            if (got == wanted && referencesSent) {
                break;
            }
            if (!scan.scanId().equals(r.key())) {
                continue;
            }
            ScanRawFrame f = deser.deserialize(topic + "/" + r.partition() + "@" + r.offset(), r.value());
            kinds.put(f.cameraId(), f.kind());
            if (f.role() == RawFrameRole.LINE) {
                if (!referencesSent) {
                    sendReferences(scan, dark, white, kinds, visitor);
                    referencesSent = true;
                }
                visitor.line(f.cameraId(), f.index(), frame(f));
                lines.merge(f.kind(), 1L, Long::sum);
                got++;
            } else {
                if (referencesSent) { // a repeat of the scan's references: its frames were published again
                    throw new AppException("scan " + scan.scanId() + " on " + topic + " has reference frames after its "
                            + "lines (at " + r.partition() + "@" + r.offset() + "): it was published more than once");
                }
                (f.role() == RawFrameRole.DARK ? dark : white).computeIfAbsent(f.cameraId(), k -> new ArrayList<>())
                        .add(frame(f));
            }
        }
        if (!referencesSent && wanted == 0) {
            sendReferences(scan, dark, white, kinds, visitor);
        }
        if (!lines.equals(scan.completed().linesPublished())) {
            throw new AppException("scan " + scan.scanId() + ": " + topic + " at " + bootstrapServers + " holds lines "
                    + lines + " but its completion published " + scan.completed().linesPublished()
                    + " (raw frames older than the topic's retention, or a scan taken without them)");
        }
    }

    private void sendReferences(RecordedScan scan, Map<String, List<RawFrame>> dark, Map<String, List<RawFrame>> white,
                                Map<String, SensorKind> kinds, FrameVisitor visitor) {
        for (var c : scan.started().cameras()) {
            String id = c.sensor().id();
            if (!dark.containsKey(id) || !white.containsKey(id)) {
                throw new AppException("scan " + scan.scanId() + ": " + HyclusTopics.RAW_FRAMES.name() + " at "
                        + bootstrapServers + " lacks the dark or white reference frames of camera " + id);
            }
            visitor.references(id, kinds.getOrDefault(id, c.sensor().kind()), dark.get(id), white.get(id));
        }
    }

    private static RawFrame frame(ScanRawFrame f) {
        return RawFrame.wrapping(f.cameraId(), f.kind(), f.sequence(), f.time(), f.encoderMicrons(), f.pixels(),
                f.bands(), f.counts());
    }

    /** Every committed record of {@code topic} up to its end now, from the start or from a record time. */
    private Iterable<ConsumerRecord<String, byte[]>> readAll(String topic, Optional<Long> fromMs) {
        var infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new AppException("topic " + topic + " does not exist at " + bootstrapServers);
        }
        List<TopicPartition> parts = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(parts);
        Map<TopicPartition, Long> end = consumer.endOffsets(parts, timeout);
        if (fromMs.isPresent()) {
            Map<TopicPartition, Long> when = new HashMap<>();
            parts.forEach(p -> when.put(p, Math.max(0, fromMs.get())));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(when, timeout);
            for (TopicPartition p : parts) {
                OffsetAndTimestamp o = found.get(p);
                consumer.seek(p, o == null ? end.get(p) : o.offset());
            }
        } else {
            consumer.seekToBeginning(parts);
        }
        return () -> new RecordIterator(consumer, end, topic, bootstrapServers, timeout);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
