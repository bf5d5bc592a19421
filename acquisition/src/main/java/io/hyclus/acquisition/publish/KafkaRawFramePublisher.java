package io.hyclus.acquisition.publish;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.acquisition.sync.RawFrameTap;
import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.core.codec.RawFrameCodec;
import io.hyclus.core.scan.RawFrameRole;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanRawFrame;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes a scan's raw frames to {@link HyclusTopics#RAW_FRAMES}, keyed by scan id: every camera's dark and white
 * reference frames, then every frame the scanner calibrated and published, so the scan can be recalibrated and replayed.
 * It is the scanner's {@link RawFrameTap} and wraps its {@link ScanEventSink}: the tap does not carry the scan id, so
 * reference frames (taken before the scan's start event) are held until the {@link ScanStarted} passes through, then
 * sent ahead of the lines. Producer settings as {@link KafkaScanEventPublisher}'s (idempotent, acks from all in-sync
 * replicas), not compressed by the producer: the codec packs 12-bit counts two into three bytes, 75 % of uint16, for a
 * fraction of the CPU zstd level 1 took for 79 % (docs/raw-frames.md; zstd ran on the scanning thread). A frame whose record would exceed {@link HyclusTopics#MAX_RECORD_BYTES} is refused before sending with an
 * {@link AcquisitionException} naming scan, camera and frame (the scan aborts: a scan is never kept with a frame missing).
 * The first send failure is kept and thrown by the next frame, {@link #flush()} (the scanner flushes at the end of every
 * scan) or {@link #close()}. Does not close the wrapped sink.
 */
public final class KafkaRawFramePublisher implements RawFrameTap, ScanEventSink, AutoCloseable {
    /** Room beside key and value in a request of {@link HyclusTopics#MAX_RECORD_BYTES}: batch header (61 bytes), record framing. */
    static final int RECORD_FRAMING_BYTES = 512;

    private final Topic<String, ScanRawFrame> topic = HyclusTopics.RAW_FRAMES;
    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrapServers;
    private final ScanEventSink delegate;
    private final int maxRecordBytes;
    private final AtomicReference<AcquisitionException> failure = new AtomicReference<>();
    private final Map<String, References> pending = new LinkedHashMap<>();
    private String scanId;

    private record References(List<RawFrame> dark, List<RawFrame> white) {
    }

    /** @param delegate where the scan's events go on to (usually a {@link KafkaScanEventPublisher}) */
    public KafkaRawFramePublisher(String bootstrapServers, ScanEventSink delegate) {
        this(bootstrapServers, delegate, HyclusTopics.MAX_RECORD_BYTES);
    }

    /** @param maxRecordBytes the largest record sent, key and framing included; tests lower it */
    KafkaRawFramePublisher(String bootstrapServers, ScanEventSink delegate, int maxRecordBytes) {
        this.bootstrapServers = bootstrapServers;
        this.delegate = delegate;
        this.maxRecordBytes = maxRecordBytes;
        this.producer = ScanProducers.open(bootstrapServers, topic.keySerde().serializer());
    }

    @Override
    public void references(RigCamera camera, List<RawFrame> dark, List<RawFrame> white) {
        references(camera.sensor().id(), dark, white);
    }

    /** Camera {@code cameraId}'s references, before the scan's start event (a recorded capture replayed). */
    public void references(String cameraId, List<RawFrame> dark, List<RawFrame> white) {
        rethrow();
        scanId = null; // references come before a scan's start: a scan before that never completed is over
        pending.put(cameraId, new References(List.copyOf(dark), List.copyOf(white)));
    }

    @Override
    public void frame(RigCamera camera, long line, RawFrame frame) {
        frame(camera.sensor().id(), line, frame);
    }

    /** Line {@code line} of camera {@code cameraId}, after the scan's start event. */
    public void frame(String cameraId, long line, RawFrame frame) {
        if (scanId == null) {
            throw new AcquisitionException("raw frame #" + frame.sequence() + " of camera " + cameraId
                    + " (line " + line + ") came before the scan started");
        }
        send(frame, RawFrameRole.LINE, line);
    }

    @Override
    public void publish(ScanEvent event) {
        if (event instanceof ScanStarted s) {
            scanId = s.scanId();
            for (References r : pending.values()) {
                for (int i = 0; i < r.dark.size(); i++) {
                    send(r.dark.get(i), RawFrameRole.DARK, i);
                }
                for (int i = 0; i < r.white.size(); i++) {
                    send(r.white.get(i), RawFrameRole.WHITE, i);
                }
            }
            pending.clear();
        }
        delegate.publish(event);
        if (event instanceof ScanCompleted) {
            scanId = null;
            pending.clear();
        }
    }

    /** Flushes the wrapped sink, then the raw frames; throws the first failure of either. */
    @Override
    public void flush() {
        try {
            delegate.flush();
        } finally {
            producer.flush();
        }
        rethrow();
    }

    /** Sends what is buffered and closes the producer; throws a send failure not thrown yet. */
    @Override
    public void close() {
        producer.close();
        rethrow();
    }

    private void send(RawFrame frame, RawFrameRole role, long index) {
        rethrow();
        ScanRawFrame f = frame.inScan(scanId, role, index); // the frame's counts, not a copy
        byte[] value = RawFrameCodec.encode(f);
        int size = value.length + scanId.getBytes(StandardCharsets.UTF_8).length + RECORD_FRAMING_BYTES;
        if (size > maxRecordBytes) {
            throw new AcquisitionException("raw frame refused, not sent: " + f.describe() + ", " + f.pixels() + " x "
                    + f.bands() + " counts, would be a record of " + size + " bytes, over the " + maxRecordBytes
                    + "-byte record limit of " + topic.name());
        }
        String what = f.describe();
        producer.send(new ProducerRecord<>(topic.name(), scanId, value), (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, new AcquisitionException("publishing raw frame of " + what + " to "
                        + topic.name() + " on " + bootstrapServers + " failed: " + e.getMessage(), e));
            }
        });
    }

    private void rethrow() {
        AcquisitionException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
