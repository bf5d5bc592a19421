package io.hyclus.app.replay;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.publish.PublishSettings;
import io.hyclus.core.Checks;
import io.hyclus.kafka.topic.TopicNames;
import io.hyclus.streaming.segment.SegmentationSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One replay: where it reads and writes, how it calibrates, segments and encodes. Its topics are
 * {@link TopicNames#replay}{@code (replayId)}, its Kafka Streams application {@code hyclus-replay-<replayId>}, its
 * encoder's group and transactional id {@code hyclus-replay-<replayId>-encoder}; nothing it runs reads or writes a live
 * topic or group.
 *
 * @param bootstrapServers the cluster holding the recorded scans; the replay's topics are created there too
 * @param replayId         names the replay's topics, application and groups (letters, digits, '_', '-')
 * @param dir              the replay's own directory: Streams state ({@code streams/}), containers and codes
 *                         ({@code samples/<scanId>/<sample>.h5|.codes.h5})
 * @param pace             how fast lines are published
 * @param calibration      settings for what a scan's provenance does not record (see {@link KafkaScanRecalibration})
 * @param registry         the model registry whose promoted models encode the replay's containers; empty: no encoding
 * @param replication      replication of the replay's topics (1 on the embedded broker)
 * @param timeout          longest wait for the replay's containers and codes
 * @param encoderThreads   threads encoding the replayed scanlines; the encoding itself is the recorded scan's
 *                         ({@code LineEncoding.fromProvenance}), so the replay's containers equal the original's
 */
public record ReplaySettings(String bootstrapServers, String replayId, Path dir, Pace pace,
                             CalibrationSettings calibration, Optional<Path> registry, short replication,
                             Duration timeout, int encoderThreads) {
    /** Lines encoded on {@link PublishSettings#defaultEncoderThreads()} threads. */
    public ReplaySettings(String bootstrapServers, String replayId, Path dir, Pace pace, CalibrationSettings calibration,
                          Optional<Path> registry, short replication, Duration timeout) {
        this(bootstrapServers, replayId, dir, pace, calibration, registry, replication, timeout,
                PublishSettings.defaultEncoderThreads());
    }

    public ReplaySettings {
        Checks.notBlank("bootstrap servers", bootstrapServers);
        Checks.identifier("replay id", replayId);
        if (!replayId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("replay id must hold only letters, digits, '_' and '-': '" + replayId
                    + "'");
        }
        Checks.notNull("replay directory", dir);
        Checks.notNull("pace", pace);
        Checks.notNull("calibration settings", calibration);
        Checks.notNull("model registry", registry);
        Checks.positive("replication", replication);
        Checks.notNull("timeout", timeout);
        Checks.atLeast("encoder threads", encoderThreads, 1);
    }

    public TopicNames topics() {
        return TopicNames.replay(replayId);
    }

    public String applicationId() {
        return "hyclus-replay-" + replayId;
    }

    public String encoderGroupId() {
        return applicationId() + "-encoder";
    }

    /** The segmentation with its defaults (as the live pipeline's), containers in {@link #samplesDir()}. */
    public SegmentationSettings segmentation() {
        return SegmentationSettings.in(samplesDir());
    }

    public Path samplesDir() {
        return dir.resolve("samples");
    }

    public Path stateDir() {
        return dir.resolve("streams");
    }
}
