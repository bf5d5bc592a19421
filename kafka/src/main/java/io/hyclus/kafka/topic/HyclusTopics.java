package io.hyclus.kafka.topic;

import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.SampleMapPoints;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanRawFrame;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;
import java.util.Map;

/**
 * Every topic HyClus uses, declared once.
 *
 * <ul>
 *   <li>{@link #SCAN_EVENTS}: keyed by scan id; a scan's start, calibrated lines and completion, in order.
 *       Records reach ~1 MB (a 1024 x 224 float32 line), so the topic accepts 4 MiB.</li>
 *   <li>{@link #SAMPLE_CONTAINERS}: keyed by {@code scanId/sampleId}; one record per HDF5 container written.</li>
 *   <li>{@link #SCAN_EVENTS_DEAD_LETTERS}: raw bytes of scan events streaming could not use, with the reason
 *       and origin in headers ({@code hyclus.error}, {@code hyclus.source.topic}, {@code .partition}, {@code .offset}).</li>
 *   <li>{@link #SAMPLE_CODES}: keyed by {@code scanId/sampleId}; the live encoder's codes of each sample, per camera in
 *       chunks of at most {@link #MAX_CODES_BYTES} of codes, with the sample's metadata and the model version.</li>
 *   <li>{@link #SAMPLE_CONTAINERS_DEAD_LETTERS}: raw bytes of sample-container records the live encoder could not use,
 *       with the same headers ({@link DeadLetterHeaders}).</li>
 *   <li>{@link #SAMPLE_MAP}: keyed by {@code scanId/sampleId}; the live map service's points of each sample on the live
 *       t-SNE map (map version, sample metadata, camera, model, row and x/y per point), in chunks of at most
 *       {@link #MAX_MAP_BYTES} of points (docs/live-map.md).</li>
 *   <li>{@link #RAW_FRAMES}: keyed by scan id, so a scan stays in order on one partition; every camera's dark and white
 *       reference frames, then every frame the scan calibrated, as raw counts (lossless, with a CRC-32C), so a scan can
 *       be recalibrated and replayed (docs/raw-frames.md). A 1024 x 224 frame is ~459 KB; a frame whose record would
 *       exceed {@link #MAX_RECORD_BYTES} is refused before sending. Kept {@link #RAW_FRAMES_RETENTION_MS} (7 days).</li>
 * </ul>
 */
public final class HyclusTopics {
    /**
     * The largest record HyClus produces, fetches or stores, bytes: 4 MiB. A 1024 x 224 float32 scanline is
     * ~918 KB. Producers ({@code max.request.size}), consumers ({@code max.partition.fetch.bytes}), topics
     * ({@code max.message.bytes}) and the embedded broker ({@code message.max.bytes}) all take this one value;
     * an external cluster must accept it too.
     */
    public static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;

    /**
     * The most codes bytes (float32 values) the live encoder puts in one {@link #SAMPLE_CODES} record: 1 MiB, a
     * quarter of {@link #MAX_RECORD_BYTES}, leaving room for the record's metadata and batching.
     */
    public static final int MAX_CODES_BYTES = 1024 * 1024;

    /** The most points bytes (12 per point: row and x, y) the live map service puts in one {@link #SAMPLE_MAP} record: 1 MiB. */
    public static final int MAX_MAP_BYTES = 1024 * 1024;

    private static final Map<String, String> LARGE_RECORDS = Map.of("max.message.bytes", String.valueOf(MAX_RECORD_BYTES));

    /**
     * How long {@link #SCAN_EVENTS} keeps a scan's events, ms: 7 days, Kafka's default, set explicitly so a cluster with
     * another default keeps a scan's layout (its start event) exactly as long as its raw frames: a replay or an export
     * from Kafka needs both (docs/replay.md). The segmentation remembers a completed scan as long
     * ({@code SegmentationSettings.DEFAULT_COMPLETED_RETENTION}).
     */
    public static final long SCAN_EVENTS_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    public static final Topic<String, ScanEvent> SCAN_EVENTS = new Topic<>("hyclus.scan-events", Serdes.String(),
            new ScanEventSerde(), Map.of("max.message.bytes", String.valueOf(MAX_RECORD_BYTES),
                    "retention.ms", String.valueOf(SCAN_EVENTS_RETENTION_MS), "cleanup.policy", "delete"));
    public static final Topic<String, SampleContainerWritten> SAMPLE_CONTAINERS = new Topic<>(
            "hyclus.sample-containers", Serdes.String(), new SampleContainerSerde(), Map.of());
    public static final Topic<byte[], byte[]> SCAN_EVENTS_DEAD_LETTERS = new Topic<>("hyclus.scan-events.dlq",
            Serdes.ByteArray(), Serdes.ByteArray(), LARGE_RECORDS);

    public static final Topic<String, SampleCodes> SAMPLE_CODES = new Topic<>("hyclus.sample-codes", Serdes.String(),
            new SampleCodesSerde(), LARGE_RECORDS);
    public static final Topic<byte[], byte[]> SAMPLE_CONTAINERS_DEAD_LETTERS = new Topic<>(
            "hyclus.sample-containers.dlq", Serdes.ByteArray(), Serdes.ByteArray(), Map.of());

    public static final Topic<String, SampleMapPoints> SAMPLE_MAP = new Topic<>("hyclus.sample-map", Serdes.String(),
            new SampleMapSerde(), LARGE_RECORDS);

    /**
     * How long {@link #RAW_FRAMES} keeps a scan's frames, ms: 7 days, the broker default the scan events are kept for,
     * set explicitly so a cluster with another default still keeps raw frames as long as the scan events calibrated
     * from them (a replay needs both). Raw frames are about half the bytes of float32 scan events.
     */
    public static final long RAW_FRAMES_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    public static final Topic<String, ScanRawFrame> RAW_FRAMES = new Topic<>("hyclus.raw-frames", Serdes.String(),
            new RawFrameSerde(), Map.of("max.message.bytes", String.valueOf(MAX_RECORD_BYTES),
                    "retention.ms", String.valueOf(RAW_FRAMES_RETENTION_MS), "cleanup.policy", "delete"));

    private HyclusTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(SCAN_EVENTS, SAMPLE_CONTAINERS, SCAN_EVENTS_DEAD_LETTERS, SAMPLE_CODES,
                SAMPLE_CONTAINERS_DEAD_LETTERS, SAMPLE_MAP, RAW_FRAMES);
    }
}
