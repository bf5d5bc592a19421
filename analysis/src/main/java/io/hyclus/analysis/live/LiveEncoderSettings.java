package io.hyclus.analysis.live;

import io.hyclus.core.Checks;
import io.hyclus.core.codec.SampleCodesCodec;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicNames;

import java.time.Duration;

/**
 * How the live encoder runs. Defaults ({@link #defaults}) in one place: group {@value #DEFAULT_GROUP_ID}, batches of
 * {@value #DEFAULT_BATCH_ROWS} spectra, {@link HyclusTopics#MAX_CODES_BYTES} of codes per record, polls of 200 ms,
 * {@value #DEFAULT_MAX_POLL_RECORDS} records per poll.
 *
 * @param bootstrapServers Kafka cluster
 * @param groupId          consumer group of {@link HyclusTopics#SAMPLE_CONTAINERS}; instances of one group share the
 *                         samples
 * @param instanceId       unique per instance and the same across its restarts: its producer's
 *                         {@code transactional.id} (a restart fences the dead instance's producer and aborts its open
 *                         transaction at once) and its consumer's {@code group.instance.id} (a restart takes its
 *                         partitions back at once)
 * @param batchRows        spectra encoded at a time (bounds the model's working memory)
 * @param maxCodesBytes    float32 codes bytes per {@link HyclusTopics#SAMPLE_CODES} record, at most
 *                         {@link HyclusTopics#MAX_RECORD_BYTES} minus {@link SampleCodesCodec#OVERHEAD_BYTES}
 * @param maxPollRecords   sample records fetched at a time (each is encoded in its own transaction)
 * @param pollTimeout      longest wait for new records before the loop checks whether it should stop
 * @param faults           {@link FaultHook#NONE} except in tests
 * @param topics           the topics read and written: {@link TopicNames#LIVE}, or a replay's own (docs/replay.md)
 */
public record LiveEncoderSettings(String bootstrapServers, String groupId, String instanceId, int batchRows,
                                  int maxCodesBytes, int maxPollRecords, Duration pollTimeout, FaultHook faults,
                                  TopicNames topics) {
    public static final String DEFAULT_GROUP_ID = "hyclus-live-encoder";
    public static final int DEFAULT_BATCH_ROWS = 4096;
    public static final int DEFAULT_MAX_POLL_RECORDS = 8;

    public LiveEncoderSettings {
        Checks.notBlank("bootstrap servers", bootstrapServers);
        Checks.identifier("encoder group id", groupId);
        Checks.identifier("encoder instance id", instanceId);
        Checks.positive("encoder batch rows", batchRows);
        Checks.positive("codes bytes per record", maxCodesBytes);
        int limit = HyclusTopics.MAX_RECORD_BYTES - SampleCodesCodec.OVERHEAD_BYTES;
        if (maxCodesBytes > limit) {
            throw new IllegalArgumentException("codes bytes per record must be at most " + limit + " (the record limit "
                    + HyclusTopics.MAX_RECORD_BYTES + " less " + SampleCodesCodec.OVERHEAD_BYTES + " for its metadata): "
                    + maxCodesBytes);
        }
        Checks.positive("records per poll", maxPollRecords);
        Checks.notNull("poll timeout", pollTimeout);
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("poll timeout must be positive: " + pollTimeout);
        }
        Checks.notNull("fault hook", faults);
        Checks.notNull("encoder topics", topics);
    }

    public static LiveEncoderSettings defaults(String bootstrapServers, String instanceId) {
        return new LiveEncoderSettings(bootstrapServers, DEFAULT_GROUP_ID, instanceId, DEFAULT_BATCH_ROWS,
                HyclusTopics.MAX_CODES_BYTES, DEFAULT_MAX_POLL_RECORDS, Duration.ofMillis(200), FaultHook.NONE,
                TopicNames.LIVE);
    }

    public LiveEncoderSettings withGroupId(String id) {
        return new LiveEncoderSettings(bootstrapServers, id, instanceId, batchRows, maxCodesBytes, maxPollRecords,
                pollTimeout, faults, topics);
    }

    public LiveEncoderSettings withBatchRows(int rows) {
        return new LiveEncoderSettings(bootstrapServers, groupId, instanceId, rows, maxCodesBytes, maxPollRecords,
                pollTimeout, faults, topics);
    }

    public LiveEncoderSettings withMaxCodesBytes(int bytes) {
        return new LiveEncoderSettings(bootstrapServers, groupId, instanceId, batchRows, bytes, maxPollRecords,
                pollTimeout, faults, topics);
    }

    public LiveEncoderSettings withFaults(FaultHook hook) {
        return new LiveEncoderSettings(bootstrapServers, groupId, instanceId, batchRows, maxCodesBytes, maxPollRecords,
                pollTimeout, hook, topics);
    }

    /** The same settings on {@code other} topics (a replay's own). */
    public LiveEncoderSettings withTopics(TopicNames other) {
        return new LiveEncoderSettings(bootstrapServers, groupId, instanceId, batchRows, maxCodesBytes, maxPollRecords,
                pollTimeout, faults, other);
    }
}
