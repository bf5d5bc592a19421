package io.hyclus.app.replay;

import io.hyclus.analysis.live.LiveEncoder;
import io.hyclus.analysis.live.LiveEncoderSettings;
import io.hyclus.analysis.model.ModelRegistry;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.streaming.service.SegmentationService;
import io.hyclus.streaming.service.StreamsSettings;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * A replay's segmentation and (when a registry is given) live encoder, on the replay's own topics, application id,
 * group and directory, started together and stopped together, beside whatever runs live on the same cluster.
 */
final class ReplayServices implements AutoCloseable {
    private static final Duration STREAMS_START_TIMEOUT = Duration.ofSeconds(120);

    private final SegmentationService segmentation;
    private final Optional<LiveEncoder> encoder;

    private ReplayServices(SegmentationService segmentation, Optional<LiveEncoder> encoder) {
        this.segmentation = segmentation;
        this.encoder = encoder;
    }

    static ReplayServices start(ReplaySettings s, InstantSource clock) {
        TopicAdmin.ensureTopics(s.bootstrapServers(), s.topics().all(), 1, s.replication());
        SegmentationService seg = SegmentationService.start(new StreamsSettings(s.bootstrapServers(), s.applicationId(),
                s.stateDir(), s.replication()), s.segmentation(), clock, STREAMS_START_TIMEOUT, s.topics());
        try {
            Optional<LiveEncoder> enc = s.registry().map(r -> LiveEncoder.start(
                    LiveEncoderSettings.defaults(s.bootstrapServers(), s.encoderGroupId())
                            .withGroupId(s.encoderGroupId()).withTopics(s.topics()), ModelRegistry.open(r), clock));
            return new ReplayServices(seg, enc);
        } catch (RuntimeException e) {
            seg.close();
            throw e;
        }
    }

    Optional<LiveEncoder> encoder() {
        return encoder;
    }

    /** Throws if the segmentation or the encoder stopped on an error. */
    void checkHealth() {
        segmentation.rethrow();
        encoder.ifPresent(LiveEncoder::rethrow);
    }

    @Override
    public void close() {
        try {
            encoder.ifPresent(LiveEncoder::close);
        } finally {
            segmentation.close();
        }
    }
}
