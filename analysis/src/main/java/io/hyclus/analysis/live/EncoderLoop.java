package io.hyclus.analysis.live;

import io.hyclus.core.codec.CodecException;
import io.hyclus.core.codec.SampleCodesCodec;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.kafka.topic.HyclusTopics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * The encoder's thread: polls sample-container records and handles each in its own transaction (codes records or a
 * dead letter, and the record's offset, committed together). Owns the consumer and the producer.
 */
final class EncoderLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(EncoderLoop.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** What became of one record. */
    enum Outcome { ENCODED, SKIPPED, DEAD_LETTERED, HALTED }

    /** Told of every committed outcome, and of the end of the loop. */
    interface Listener {
        /** @param sample the record's sample, null for a record that could not be decoded */
        void committed(Outcome outcome, long spectra, SampleContainerWritten sample);

        void stopped(Outcome how, Throwable failure);
    }

    private final LiveEncoderSettings settings;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final SampleEncoder encoder;
    private final InstantSource clock;
    private final Listener listener;
    private volatile boolean closing;

    EncoderLoop(LiveEncoderSettings settings, KafkaConsumer<byte[], byte[]> consumer,
                KafkaProducer<byte[], byte[]> producer, SampleEncoder encoder, InstantSource clock, Listener listener) {
        this.settings = settings;
        this.consumer = consumer;
        this.producer = producer;
        this.encoder = encoder;
        this.clock = clock;
        this.listener = listener;
    }

    /** Asks the loop to stop after the record in hand; safe from any thread. */
    void stop() {
        closing = true;
        try {
            consumer.wakeup();
        } catch (RuntimeException e) {
            // already closed: the loop has ended
        }
    }

    @Override
    public void run() {
        Outcome end = null;
        Throwable failure = null;
        try {
            end = loop();
        } catch (WakeupException e) {
            // stop() during a poll
        } catch (RuntimeException | Error e) {
            failure = e;
            abortQuietly(e);
        } finally {
            close(end == Outcome.HALTED, failure);
            listener.stopped(end, failure);
        }
    }

    private Outcome loop() {
        while (!closing) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(settings.pollTimeout())) {
                Outcome o = process(r);
                if (o == Outcome.HALTED) {
                    return o;
                }
                if (closing) {
                    break; // the rest is not committed: the next start reads it again
                }
            }
        }
        return null;
    }

    /** What handling a record sent in the open transaction. */
    private record Handled(Outcome outcome, long spectra, SampleContainerWritten sample) {
    }

    /** One record, one transaction: its codes (or its dead letter) and its offset commit together. */
    private Outcome process(ConsumerRecord<byte[], byte[]> r) {
        producer.beginTransaction();
        Handled h = handle(r, DeadLetters.where(r));
        producer.flush();
        producer.sendOffsetsToTransaction(Map.of(new TopicPartition(r.topic(), r.partition()),
                new OffsetAndMetadata(r.offset() + 1)), consumer.groupMetadata());
        if (h.sample() != null && settings.faults().haltBeforeCommit(h.sample())) {
            LOG.warn("encoder: halted by the fault hook before committing {} ({})", DeadLetters.where(r),
                    h.sample().sampleId());
            return Outcome.HALTED;
        }
        producer.commitTransaction();
        listener.committed(h.outcome(), h.spectra(), h.sample());
        return h.outcome();
    }

    /** Encodes the sample, writes its codes file and sends its codes; or sends its dead letter. */
    private Handled handle(ConsumerRecord<byte[], byte[]> r, String where) {
        SampleContainerWritten sample = null;
        try {
            sample = ScanEventCodec.decodeSampleWritten(r.value(), where);
            Optional<EncodedSample> codes = encoder.encode(sample, where, clock.instant());
            if (codes.isEmpty()) {
                deleteStaleCodes(sample);
                return new Handled(Outcome.SKIPPED, 0, sample);
            }
            CodesFile.write(codes.get());
            return new Handled(Outcome.ENCODED, publish(codes.get()), sample);
        } catch (CodecException | BadSampleException e) {
            LOG.error("encoder: dead-lettered {} to {}: {}", where,
                    settings.topics().name(HyclusTopics.SAMPLE_CONTAINERS_DEAD_LETTERS),
                    e.getMessage());
            if (sample != null) {
                deleteStaleCodes(sample);
            }
            producer.send(DeadLetters.of(r, e.getMessage(),
                    settings.topics().name(HyclusTopics.SAMPLE_CONTAINERS_DEAD_LETTERS)));
            return new Handled(Outcome.DEAD_LETTERED, 0, sample);
        }
    }

    /** Sends every camera's codes in chunks; returns the spectra encoded. */
    private long publish(EncodedSample s) {
        byte[] key = (s.scanId() + "/" + s.metadata().sampleId()).getBytes(StandardCharsets.UTF_8);
        String file = s.container().toAbsolutePath().toString();
        long spectra = 0;
        for (CameraCodes c : s.cameras()) {
            for (SampleCodes chunk : SampleCodes.split(s.scanId(), s.metadata(), c.camera(), c.modelRef(), file,
                    s.encodedAt(), c.codes(), c.codeSize(), settings.maxCodesBytes())) {
                producer.send(new ProducerRecord<>(settings.topics().name(HyclusTopics.SAMPLE_CODES), key,
                        SampleCodesCodec.encode(chunk)));
            }
            spectra += c.rows();
        }
        return spectra;
    }

    /** A codes file left from an earlier encoding of a container that is now skipped or refused would mislead. */
    private static void deleteStaleCodes(SampleContainerWritten sample) {
        try {
            if (CodesFile.delete(Path.of(sample.file()))) {
                LOG.warn("encoder: deleted the stale codes file of {} ({} is not encoded now)", sample.sampleId(),
                        sample.file());
            }
        } catch (LiveEncoderException | InvalidPathException e) {
            LOG.warn("encoder: {}", e.getMessage());
        }
    }

    private void abortQuietly(Throwable cause) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            // fenced, no transaction open, or the broker gone: the coordinator aborts it (a restart does at once)
            if (e != cause) {
                cause.addSuppressed(e);
            }
        }
    }

    /**
     * A halt drops the clients as a killed process would: the producer without aborting (force-closed), the consumer
     * without leaving its group. Otherwise both close cleanly and the consumer leaves the group.
     */
    private void close(boolean halted, Throwable failure) {
        try {
            producer.close(halted ? Duration.ZERO : CLOSE_TIMEOUT);
        } catch (KafkaException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
        try {
            consumer.close(CloseOptions.timeout(halted ? Duration.ZERO : CLOSE_TIMEOUT).withGroupMembershipOperation(
                    halted ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP
                            : CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        } catch (KafkaException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
