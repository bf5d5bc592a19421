package io.hyclus.app.pipeline;

import io.hyclus.analysis.livemap.LiveMapSettings;
import io.hyclus.core.Checks;
import io.hyclus.streaming.segment.SegmentationSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * @param workDir          embedded broker data ({@code kafka/}), Streams state ({@code streams/}) and containers
 *                         ({@code samples/}) go below it
 * @param bootstrapServers an existing cluster; empty means start the embedded broker
 * @param abandonAfter     a scan with no event for this long is closed as abandoned (see SegmentationSettings)
 * @param liveEncoder      also run the live encoder ({@code hyclus demo}, {@code hyclus campaign}), with the models of
 *                         {@link #modelsDir()}, and after it the live map service (map saved in {@link #mapDir()})
 * @param mapFitAfterSamples the live map's first fit waits for this many samples (or the service's default points)
 * @param mapPointsPerSample points of each sample placed on the live map
 * @param topicPartitions  partitions of the HyClus topics the pipeline creates when they are missing (existing topics
 *                         are left as they are); several let several segmentation instances share the scans
 */
public record PipelineSettings(Path workDir, Optional<String> bootstrapServers, boolean liveEncoder,
                               Duration abandonAfter, int mapFitAfterSamples, int mapPointsPerSample,
                               int topicPartitions) {
    /** Most partitions {@link #topicPartitions()} may ask for. */
    public static final int MAX_TOPIC_PARTITIONS = 256;

    public PipelineSettings {
        Checks.notNull("work directory", workDir);
        Checks.notNull("bootstrap servers", bootstrapServers);
        Checks.notNull("abandon-after time", abandonAfter);
        Checks.positive("samples before the live map's first fit", mapFitAfterSamples);
        Checks.positive("points per sample on the live map", mapPointsPerSample);
        if (topicPartitions < 1 || topicPartitions > MAX_TOPIC_PARTITIONS) {
            throw new IllegalArgumentException("topic partitions must be 1-" + MAX_TOPIC_PARTITIONS + ": "
                    + topicPartitions);
        }
    }

    /** Segmentation only, scans abandoned after {@link SegmentationSettings#DEFAULT_ABANDON_AFTER}. */
    public PipelineSettings(Path workDir, Optional<String> bootstrapServers) {
        this(workDir, bootstrapServers, false, SegmentationSettings.DEFAULT_ABANDON_AFTER,
                LiveMapSettings.DEFAULT_FIT_AFTER_SAMPLES, LiveMapSettings.DEFAULT_POINTS_PER_SAMPLE, 1);
    }

    /** Also the live encoder and the live map service. */
    public PipelineSettings withLiveEncoder() {
        return new PipelineSettings(workDir, bootstrapServers, true, abandonAfter, mapFitAfterSamples,
                mapPointsPerSample, topicPartitions);
    }

    public PipelineSettings withAbandonAfter(Duration d) {
        return new PipelineSettings(workDir, bootstrapServers, liveEncoder, d, mapFitAfterSamples, mapPointsPerSample,
                topicPartitions);
    }

    /** Missing HyClus topics created with {@code partitions} partitions. */
    public PipelineSettings withTopicPartitions(int partitions) {
        return new PipelineSettings(workDir, bootstrapServers, liveEncoder, abandonAfter, mapFitAfterSamples,
                mapPointsPerSample, partitions);
    }

    /** The segmentation's settings: containers in {@link #outputDir()}, scans abandoned after {@link #abandonAfter()}. */
    public SegmentationSettings segmentation() {
        return SegmentationSettings.in(outputDir()).withAbandonAfter(abandonAfter);
    }

    /** The live map's first fit after {@code samples} samples, {@code points} points of each sample on the map. */
    public PipelineSettings withLiveMap(int samples, int points) {
        return new PipelineSettings(workDir, bootstrapServers, liveEncoder, abandonAfter, samples, points,
                topicPartitions);
    }

    /** The live map service's settings for this pipeline (the service's defaults, and the two above). */
    public LiveMapSettings liveMapSettings(String bootstrap) {
        return LiveMapSettings.defaults(bootstrap, mapDir()).withPointsPerSample(mapPointsPerSample)
                .withFitAfter(mapFitAfterSamples, LiveMapSettings.DEFAULT_FIT_AFTER_POINTS);
    }

    /** The live map and its state ({@code map/}), shared with {@code hyclus map}. */
    public Path mapDir() {
        return workDir.resolve("map");
    }

    /** The model registry ({@code models/}). */
    public Path modelsDir() {
        return workDir.resolve("models");
    }

    /** The live encoder's instance id and lock ({@code encoder/}), shared with {@code hyclus encode}. */
    public Path encoderDir() {
        return workDir.resolve("encoder");
    }

    public Path brokerDir() {
        return workDir.resolve("kafka");
    }

    public Path stateDir() {
        return workDir.resolve("streams");
    }

    public Path outputDir() {
        return workDir.resolve("samples");
    }
}
