package io.hyclus.analysis.livemap;

import io.hyclus.analysis.embed.TransformSettings;
import io.hyclus.analysis.embed.TsneSettings;
import io.hyclus.core.Checks;
import io.hyclus.core.codec.SampleCodesCodec;
import io.hyclus.core.scan.SampleMapPoints;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.kafka.topic.HyclusTopics;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the live map service runs. Defaults ({@link #defaults}) in one place: group {@value #DEFAULT_GROUP_ID}, camera
 * VNIR, {@value #DEFAULT_POINTS_PER_SAMPLE} points per sample, seed 1, the first map fitted once
 * {@value #DEFAULT_FIT_AFTER_SAMPLES} samples or {@value #DEFAULT_FIT_AFTER_POINTS} points wait, a reservoir of
 * {@value #DEFAULT_RESERVOIR} points, a re-fit when the points added since the last fit exceed
 * {@value #DEFAULT_REFIT_SHARE} of the map's reference points, t-SNE and transform at their defaults, at most
 * {@link HyclusTopics#MAX_MAP_BYTES} of points per record, polls of 200 ms.
 *
 * @param bootstrapServers  Kafka cluster
 * @param groupId           consumer group whose offsets the service commits (for monitoring: where it resumes is
 *                          saved with the map)
 * @param mapDir            where the map and the service's state are saved ({@code <work-dir>/map})
 * @param camera            whose codes the map holds (one camera: codes of two cameras cannot share a map)
 * @param pointsPerSample   seeded subsample of each sample's codes placed on the map (all of them if fewer)
 * @param seed              seeds the subsample (with the sample's key) and the reservoir (with the model ref)
 * @param fitAfterSamples   the first map of a model is fitted once this many samples wait...
 * @param fitAfterPoints    ...or this many points (whichever comes first; and more than 3 x perplexity points)
 * @param reservoirCapacity most points kept for re-fits (a seeded uniform sample of all points of the model)
 * @param refitShare        re-fit when points added since the last fit exceed this share of the map's reference points
 * @param tsne              fit settings (perplexity, iterations, threads)
 * @param transform         settings for adding points to the map
 * @param maxMapBytes       points bytes ({@value SampleMapPoints#BYTES_PER_POINT} a point) per map record
 * @param pollTimeout       longest wait for new records before the loop checks whether it should stop
 * @param faults            {@link MapFaults#NONE} except in tests
 */
public record LiveMapSettings(String bootstrapServers, String groupId, Path mapDir, SensorKind camera,
                              int pointsPerSample, long seed, int fitAfterSamples, int fitAfterPoints,
                              int reservoirCapacity, double refitShare, TsneSettings tsne, TransformSettings transform,
                              int maxMapBytes, Duration pollTimeout, MapFaults faults) {
    public static final String DEFAULT_GROUP_ID = "hyclus-live-map";
    public static final int DEFAULT_POINTS_PER_SAMPLE = 500;
    public static final int DEFAULT_FIT_AFTER_SAMPLES = 2;
    public static final int DEFAULT_FIT_AFTER_POINTS = 1000;
    public static final int DEFAULT_RESERVOIR = 20_000;
    public static final double DEFAULT_REFIT_SHARE = 0.5;

    public LiveMapSettings {
        Checks.notBlank("bootstrap servers", bootstrapServers);
        Checks.identifier("live map group id", groupId);
        Checks.notNull("map directory", mapDir);
        Checks.notNull("map camera", camera);
        Checks.positive("points per sample", pointsPerSample);
        Checks.positive("samples before the first fit", fitAfterSamples);
        Checks.positive("points before the first fit", fitAfterPoints);
        Checks.notNull("t-SNE settings", tsne);
        Checks.notNull("transform settings", transform);
        if (reservoirCapacity <= tsne.neighbours()) {
            throw new IllegalArgumentException("the reservoir must hold more than floor(3 x perplexity) = "
                    + tsne.neighbours() + " points to be fitted: " + reservoirCapacity);
        }
        if (!(refitShare > 0) || !Double.isFinite(refitShare)) {
            throw new IllegalArgumentException("re-fit share must be a finite number > 0: " + refitShare);
        }
        int limit = HyclusTopics.MAX_RECORD_BYTES - SampleCodesCodec.OVERHEAD_BYTES;
        if (maxMapBytes < SampleMapPoints.BYTES_PER_POINT || maxMapBytes > limit) {
            throw new IllegalArgumentException("map bytes per record must be " + SampleMapPoints.BYTES_PER_POINT + ".."
                    + limit + ": " + maxMapBytes);
        }
        Checks.notNull("poll timeout", pollTimeout);
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("poll timeout must be positive: " + pollTimeout);
        }
        Checks.notNull("fault hook", faults);
    }

    public static LiveMapSettings defaults(String bootstrapServers, Path mapDir) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        return new LiveMapSettings(bootstrapServers, DEFAULT_GROUP_ID, mapDir, SensorKind.VNIR,
                DEFAULT_POINTS_PER_SAMPLE, 1, DEFAULT_FIT_AFTER_SAMPLES, DEFAULT_FIT_AFTER_POINTS, DEFAULT_RESERVOIR,
                DEFAULT_REFIT_SHARE, TsneSettings.defaults(1, threads), TransformSettings.defaults(threads),
                HyclusTopics.MAX_MAP_BYTES, Duration.ofMillis(200), MapFaults.NONE);
    }

    public LiveMapSettings withGroupId(String id) {
        return new LiveMapSettings(bootstrapServers, id, mapDir, camera, pointsPerSample, seed, fitAfterSamples,
                fitAfterPoints, reservoirCapacity, refitShare, tsne, transform, maxMapBytes, pollTimeout, faults);
    }

    public LiveMapSettings withCamera(SensorKind kind) {
        return new LiveMapSettings(bootstrapServers, groupId, mapDir, kind, pointsPerSample, seed, fitAfterSamples,
                fitAfterPoints, reservoirCapacity, refitShare, tsne, transform, maxMapBytes, pollTimeout, faults);
    }

    public LiveMapSettings withPointsPerSample(int n) {
        return new LiveMapSettings(bootstrapServers, groupId, mapDir, camera, n, seed, fitAfterSamples, fitAfterPoints,
                reservoirCapacity, refitShare, tsne, transform, maxMapBytes, pollTimeout, faults);
    }

    public LiveMapSettings withSeed(long s) {
        return new LiveMapSettings(bootstrapServers, groupId, mapDir, camera, pointsPerSample, s, fitAfterSamples,
                fitAfterPoints, reservoirCapacity, refitShare, tsne, transform, maxMapBytes, pollTimeout, faults);
    }

    /** The first map of a model is fitted once {@code samples} samples or {@code points} points wait. */
    public LiveMapSettings withFitAfter(int samples, int points) {
        return new LiveMapSettings(bootstrapServers, groupId, mapDir, camera, pointsPerSample, seed, samples, points,
                reservoirCapacity, refitShare, tsne, transform, maxMapBytes, pollTimeout, faults);
    }

    public LiveMapSettings withReservoir(int capacity, double share) {
        return new LiveMapSettings(bootstrapServers, groupId, mapDir, camera, pointsPerSample, seed, fitAfterSamples,
                fitAfterPoints, capacity, share, tsne, transform, maxMapBytes, pollTimeout, faults);
    }

    public LiveMapSettings withTsne(TsneSettings fit, TransformSettings add) {
        return new LiveMapSettings(bootstrapServers, groupId, mapDir, camera, pointsPerSample, seed, fitAfterSamples,
                fitAfterPoints, reservoirCapacity, refitShare, fit, add, maxMapBytes, pollTimeout, faults);
    }

    public LiveMapSettings withMaxMapBytes(int bytes) {
        return new LiveMapSettings(bootstrapServers, groupId, mapDir, camera, pointsPerSample, seed, fitAfterSamples,
                fitAfterPoints, reservoirCapacity, refitShare, tsne, transform, bytes, pollTimeout, faults);
    }

    public LiveMapSettings withFaults(MapFaults hook) {
        return new LiveMapSettings(bootstrapServers, groupId, mapDir, camera, pointsPerSample, seed, fitAfterSamples,
                fitAfterPoints, reservoirCapacity, refitShare, tsne, transform, maxMapBytes, pollTimeout, hook);
    }

    /** The drift criterion these settings ask for. */
    public DriftCriterion drift() {
        return new DriftCriterion(refitShare);
    }
}
