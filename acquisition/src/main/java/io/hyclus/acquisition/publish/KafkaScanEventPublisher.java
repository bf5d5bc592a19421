package io.hyclus.acquisition.publish;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.core.Checks;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes scan events to {@link HyclusTopics#SCAN_EVENTS}, keyed by scan id. Idempotent, acks from all in-sync
 * replicas. Batches stay below the broker's message size ({@code batch.size} 1 MiB &lt;= {@code max.message.bytes}
 * 4 MiB &lt;= {@code max.request.size} 4 MiB) so large scanlines are not split. The first send failure is kept and
 * thrown by the next publish or flush: no event is dropped silently. Scanlines are written as float32 unless a
 * {@link LineEncoding} says otherwise; each scan's start records the encoding in its provenance
 * ({@link LineEncoding#PROVENANCE}). A {@link StitchedPair} is one record in the compact encoding and its two lines,
 * VNIR first, in float32.
 *
 * <p>With more than one encoder thread, events are encoded on that many threads and sent in the order they were
 * published (lines are independent; the compact codec costs ~2 ns per value, and a full-rate camera pair with its
 * stitched lines gives it ~220 M values/s). The caller sends what is encoded; at most {@value #IN_FLIGHT_PER_THREAD}
 * events per thread wait, then {@link #publish} waits for the oldest. An event that cannot be encoded fails the
 * publisher as a send failure does.
 */
public final class KafkaScanEventPublisher implements ScanEventSink, AutoCloseable {
    static final int IN_FLIGHT_PER_THREAD = 4;
    private final Topic<String, ScanEvent> topic;
    private final KafkaProducer<String, byte[]> producer;
    private final LineEncoding encoding;
    private final Serializer<ScanEvent> encoder;
    private final String bootstrapServers;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final ExecutorService encoders;
    private final int maxInFlight;
    private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();

    private record Pending(ScanEvent event, Future<byte[]> bytes) {
    }

    public KafkaScanEventPublisher(String bootstrapServers) {
        this(bootstrapServers, LineEncoding.FLOAT32);
    }

    public KafkaScanEventPublisher(String bootstrapServers, LineEncoding encoding) {
        this(bootstrapServers, encoding, 1);
    }

    /** Publishes to {@code topic}: {@link HyclusTopics#SCAN_EVENTS}, or a replay's own (docs/replay.md). */
    public KafkaScanEventPublisher(String bootstrapServers, LineEncoding encoding, Topic<String, ScanEvent> topic) {
        this(bootstrapServers, encoding, 1, topic);
    }

    /** @param encoderThreads threads encoding events; 1 encodes on the publishing thread */
    public KafkaScanEventPublisher(String bootstrapServers, LineEncoding encoding, int encoderThreads) {
        this(bootstrapServers, encoding, encoderThreads, HyclusTopics.SCAN_EVENTS);
    }

    /** Publishes to {@link HyclusTopics#SCAN_EVENTS} as {@code settings} say. */
    public KafkaScanEventPublisher(String bootstrapServers, PublishSettings settings) {
        this(bootstrapServers, settings.lineEncoding(), settings.encoderThreads(), HyclusTopics.SCAN_EVENTS);
    }

    /**
     * @param encoderThreads threads encoding events; 1 encodes on the publishing thread
     * @param topic          {@link HyclusTopics#SCAN_EVENTS}, or a replay's own (docs/replay.md)
     */
    public KafkaScanEventPublisher(String bootstrapServers, LineEncoding encoding, int encoderThreads,
                                   Topic<String, ScanEvent> topic) {
        this.topic = topic;
        Checks.atLeast("encoder threads", encoderThreads, 1);
        this.bootstrapServers = bootstrapServers;
        this.encoding = encoding;
        this.encoder = encoding.serializer();
        this.producer = ScanProducers.open(bootstrapServers, topic.keySerde().serializer());
        this.maxInFlight = encoderThreads * IN_FLIGHT_PER_THREAD;
        if (encoderThreads == 1) {
            this.encoders = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            this.encoders = Executors.newFixedThreadPool(encoderThreads, r -> {
                Thread t = new Thread(r, "hyclus-line-encoder-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    @Override
    public void publish(ScanEvent published) {
        rethrow();
        if (published instanceof StitchedPair pair && encoding == LineEncoding.FLOAT32) {
            pair.lines().forEach(this::publish); // float32 has no pair form: the two lines, VNIR first
            return;
        }
        ScanEvent event = published instanceof ScanStarted s ? encoding.stamp(s) : published;
        if (encoders == null) {
            send(event, encode(event));
            return;
        }
        inFlight.add(new Pending(event, encoders.submit(() -> encode(event))));
        sendReady(maxInFlight);
    }

    @Override
    public void flush() {
        sendReady(0);
        producer.flush();
        rethrow();
    }

    /** Sends what is encoded and buffered, closes the producer and stops the encoder threads. */
    @Override
    public void close() {
        try {
            if (failure.get() == null) {
                sendReady(0);
            }
        } finally {
            producer.close();
            if (encoders != null) {
                encoders.shutdownNow();
            }
        }
    }

    /** Sends events in publishing order while the oldest is encoded, or while more than {@code keep} wait. */
    private void sendReady(int keep) {
        while (!inFlight.isEmpty() && (inFlight.size() > keep || inFlight.peekFirst().bytes().isDone())) {
            Pending p = inFlight.pollFirst();
            byte[] bytes;
            try {
                bytes = p.bytes().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AcquisitionException("interrupted while encoding " + describe(p.event()), e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                failure.compareAndSet(null, new AcquisitionException("encoding " + describe(p.event()) + " for "
                        + topic.name() + " failed: " + cause.getMessage(), cause));
                inFlight.clear();
                rethrow();
                return;
            }
            send(p.event(), bytes);
        }
    }

    private byte[] encode(ScanEvent event) {
        return encoder.serialize(topic.name(), event);
    }

    private void send(ScanEvent event, byte[] bytes) {
        producer.send(new ProducerRecord<>(topic.name(), event.scanId(), bytes), (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, new AcquisitionException("publishing " + describe(event) + " to "
                        + topic.name() + " on " + bootstrapServers + " failed: " + e.getMessage(), e));
            }
        });
    }

    private void rethrow() {
        Exception e = failure.get();
        if (e != null) {
            throw (AcquisitionException) e;
        }
    }

    private static String describe(ScanEvent e) {
        if (e instanceof io.hyclus.core.scan.Scanline l) {
            return "line " + l.lineIndex() + " of camera " + l.camera() + " of scan " + e.scanId();
        }
        if (e instanceof StitchedPair p) {
            return "line " + p.vnir().lineIndex() + " of cameras VNIR and STITCHED of scan " + e.scanId();
        }
        return e.getClass().getSimpleName() + " of scan " + e.scanId();
    }
}
