package io.hyclus.analysis.livemap;

import io.hyclus.core.HyclusVersion;
import io.hyclus.core.codec.CodecException;
import io.hyclus.core.codec.SampleCodesCodec;
import io.hyclus.core.codec.SampleMapCodec;
import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.SampleMapPoints;
import io.hyclus.kafka.topic.HyclusTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live map's thread: polls codes chunks, puts each sample of the map's camera together, hands it to the
 * {@link LiveMap}, publishes what it says, then saves the map and its resume offsets and commits the offsets. Owns
 * the consumer and the producer.
 */
final class MapLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(MapLoop.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** Told of every sample handled, and of the end of the loop. */
    interface Listener {
        void handled(String key, SamplePlacement placement, int version);

        /** @param halted stopped by the fault hook (as a crash) */
        void stopped(Throwable failure, boolean halted);
    }

    private final LiveMapSettings settings;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final InstantSource clock;
    private final LiveMap map;
    private final Listener listener;
    private final ChunkAssembler assembler = new ChunkAssembler();
    /** Per partition of the codes topic, the offset after the last record read. */
    private final Map<Integer, Long> next = new HashMap<>();
    private int savedVersion;
    private volatile boolean closing;
    private boolean halted;

    MapLoop(LiveMapSettings settings, KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer,
            InstantSource clock, LiveMap map, Map<Integer, Long> resumeAt, Listener listener) {
        this.settings = settings;
        this.consumer = consumer;
        this.producer = producer;
        this.clock = clock;
        this.map = map;
        this.listener = listener;
        this.next.putAll(resumeAt);
        this.savedVersion = map.version();
    }

    /** Asks the loop to stop after the record in hand; safe from any thread. */
    void stop() {
        closing = true;
        try {
            consumer.wakeup();
        } catch (RuntimeException e) {
            // already closed
        }
    }

    @Override
    public void run() {
        Throwable failure = null;
        try {
            while (!closing && !halted) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(settings.pollTimeout())) {
                    process(r);
                    if (closing || halted) {
                        break; // not saved: read again on the next start
                    }
                }
            }
        } catch (WakeupException e) {
            // stop() during a poll
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            close(failure);
            listener.stopped(failure, halted);
        }
    }

    private void process(ConsumerRecord<byte[], byte[]> r) {
        next.put(r.partition(), r.offset() + 1);
        String where = r.topic() + "/" + r.partition() + "@" + r.offset();
        SampleCodes c;
        try {
            c = SampleCodesCodec.decode(r.value(), where);
        } catch (CodecException e) {
            String key = r.key() == null ? "(no key)" : new String(r.key(), StandardCharsets.UTF_8);
            LOG.error("live map: skipped an undecodable codes record of {} at {}: {}", key, where, e.getMessage());
            listener.handled(key, SamplePlacement.refused(e.getMessage()), map.version());
            return;
        }
        if (c.camera() != settings.camera()) {
            return;
        }
        ChunkAssembler.Result result = assembler.add(c, r.partition(), r.offset());
        while (result instanceof ChunkAssembler.Refused f) {
            LOG.error("live map: sample {} not placed: {} (at {})", f.sample(), f.reason(), where);
            listener.handled(f.sample().key(), SamplePlacement.refused(f.reason()), map.version());
            result = f.then();
        }
        if (result instanceof ChunkAssembler.Complete done) {
            accept(done.codes());
        }
    }

    private void accept(AssembledCodes codes) {
        LiveMap.Step step;
        try {
            step = map.accept(codes);
        } catch (BadCodesException e) {
            LOG.error("live map: sample {} not placed: {}", codes.sample(), e.getMessage());
            listener.handled(codes.sample().key(), SamplePlacement.refused(e.getMessage()), map.version());
            return;
        }
        publish(step.published());
        if (step.placed().stream().anyMatch(settings.faults()::haltBeforeSave)) {
            LOG.warn("live map: halted by the fault hook after publishing {} and before saving", step.placed());
            halted = true;
            return;
        }
        if (step.changed()) {
            save();
        }
        step.refused().forEach((s, why) -> listener.handled(s.key(), SamplePlacement.refused(why), map.version()));
        for (var sample : step.placed()) {
            LiveMap.Published first = step.published().stream().filter(p -> p.sample().equals(sample)).findFirst()
                    .orElseThrow();
            SamplePlacement placement = SamplePlacement.of(first, step.transformMillis(), step.fitMillis());
            LOG.info("live map: {} {} points of {} on v{} (centre {}, {}); transform {} ms, fit {} ms",
                    first.update() == io.hyclus.core.scan.MapUpdate.FITTED ? "fitted" : "placed", placement.points(),
                    sample, placement.version(), String.format("%.2f", placement.centreX()),
                    String.format("%.2f", placement.centreY()), step.transformMillis(), step.fitMillis());
            listener.handled(sample.key(), placement, map.version());
        }
    }

    /**
     * Sends every chunk and waits until each is acknowledged: a record the broker refuses stops the service before
     * anything is saved, so the sample is placed again on the next start.
     */
    private void publish(List<LiveMap.Published> published) {
        Instant at = clock.instant();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (LiveMap.Published p : published) {
            byte[] key = p.sample().key().getBytes(StandardCharsets.UTF_8);
            for (SampleMapPoints chunk : SampleMapPoints.split(p.version(), p.update(), p.sample().scanId(),
                    p.sample().metadata(), settings.camera(), p.sample().modelRef(), at, p.rows(), p.xy(),
                    settings.maxMapBytes())) {
                sent.add(producer.send(new ProducerRecord<>(HyclusTopics.SAMPLE_MAP.name(), key,
                        SampleMapCodec.encode(chunk))));
            }
        }
        producer.flush();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
            } catch (ExecutionException e) {
                throw new LiveMapException("cannot publish map points to " + HyclusTopics.SAMPLE_MAP.name() + " ("
                        + (i + 1) + " of " + sent.size() + " records of this step): " + e.getCause().getMessage(),
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LiveMapException("interrupted while publishing map points", e);
            }
        }
    }

    /** Saves the map and where to resume, then commits the same offsets to the group (for monitoring). */
    private void save() {
        Map<Integer, Long> resume = new LinkedHashMap<>();
        next.forEach((p, o) -> {
            long at = o;
            at = Math.min(at, assembler.heldFrom(p).orElse(at));
            at = Math.min(at, map.heldFrom(p).orElse(at));
            resume.put(p, at);
        });
        LiveMapStateFile.save(settings.mapDir(), map.state(), map.version() != savedVersion, resume, provenance());
        savedVersion = map.version();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        resume.forEach((p, o) -> commit.put(new TopicPartition(HyclusTopics.SAMPLE_CODES.name(), p),
                new OffsetAndMetadata(o)));
        try {
            consumer.commitSync(commit);
        } catch (KafkaException e) {
            // the saved state says where to resume; the group's offsets only show the lag
            // (at shutdown the consumer is woken up or interrupted: those exceptions carry no message)
            LOG.warn("live map: could not commit offsets {} to group {} ({}); the saved map state in {} says where to "
                    + "resume", resume, settings.groupId(), e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage(), settings.mapDir());
        }
    }

    private Map<String, String> provenance() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("livemap.software.version", HyclusVersion.get());
        m.put("livemap.camera", settings.camera().name());
        m.put("livemap.seed", Long.toString(settings.seed()));
        m.put("livemap.points.per.sample", Integer.toString(settings.pointsPerSample()));
        m.put("livemap.fit.after.samples", Integer.toString(settings.fitAfterSamples()));
        m.put("livemap.fit.after.points", Integer.toString(settings.fitAfterPoints()));
        m.put("livemap.reservoir.capacity", Integer.toString(settings.reservoirCapacity()));
        m.put("livemap.refit.share", Double.toString(settings.refitShare()));
        m.put("livemap.transform", settings.transform().toString());
        m.put("livemap.source", HyclusTopics.SAMPLE_CODES.name());
        return m;
    }

    private void close(Throwable failure) {
        try {
            producer.close(CLOSE_TIMEOUT);
        } catch (KafkaException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
        try {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(CLOSE_TIMEOUT));
        } catch (KafkaException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
