package io.hyclus.core.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.SampleMetadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One chunk of a sample's points on the live t-SNE map, as the live map service publishes them: points
 * {@code firstPoint} to {@code firstPoint + points - 1} of the sample's subsample, each with the row of the spectrum
 * (among the camera's spectra of the sample's container, as in its codes) and its map position. A sample's points of
 * one map version are {@code chunkCount} such records, numbered from 0. Arrays are copied in and out.
 *
 * @param mapVersion  the map version, from 1; a new version is a new map (re-fit or another model)
 * @param update      whether the points belong to a newly fitted version or were added to the current one
 * @param scanId      scan the sample was cut from
 * @param metadata    the sample: id, plant, month, grain-size fraction
 * @param camera      whose codes the map holds
 * @param modelRef    the model version that made the codes, e.g. {@code dense-ae-16-vnir@1}
 * @param publishedAt when the service published the points (the same in every chunk of the sample and version)
 * @param chunkIndex  0-based index of this chunk, below {@code chunkCount}
 * @param chunkCount  chunks of this sample and version, at least 1
 * @param totalPoints points of this sample and version over all chunks
 * @param firstPoint  index of this chunk's first point among them
 * @param rows        per point, the row of its spectrum among the camera's spectra of the sample (0-based)
 * @param xy          per point its map position, interleaved x, y (embedding units)
 */
public record SampleMapPoints(int mapVersion, MapUpdate update, String scanId, SampleMetadata metadata,
                              SensorKind camera, String modelRef, Instant publishedAt, int chunkIndex, int chunkCount,
                              int totalPoints, int firstPoint, int[] rows, float[] xy) {
    /** Bytes one point takes in a record: its row (int32) and x, y (float32). */
    public static final int BYTES_PER_POINT = 12;

    public SampleMapPoints {
        Checks.notNull("sample metadata", metadata);
        Checks.identifier("scan id", scanId);
        String where = "map points of sample " + metadata.sampleId() + " (scan " + scanId + ")";
        Checks.positive("map version of " + where, mapVersion);
        Checks.notNull("update of " + where, update);
        Checks.notNull("camera of " + where, camera);
        Checks.notBlank("model reference of " + where, modelRef);
        Checks.notNull("publication time of " + where, publishedAt);
        Checks.positive("chunk count of " + where, chunkCount);
        if (chunkIndex < 0 || chunkIndex >= chunkCount) {
            throw new IllegalArgumentException(where + ": chunk index " + chunkIndex + " is outside 0.." + (chunkCount - 1));
        }
        Checks.notNull("rows of " + where, rows);
        Checks.notNull("positions of " + where, xy);
        Checks.positive("points of " + where, rows.length);
        Checks.nonNegative("first point of " + where, firstPoint);
        if ((long) firstPoint + rows.length > totalPoints) {
            throw new IllegalArgumentException(where + ": chunk " + chunkIndex + " holds points " + firstPoint + ".."
                    + (firstPoint + rows.length - 1) + ", beyond the " + totalPoints + " points of version " + mapVersion);
        }
        if (xy.length != 2L * rows.length) {
            throw new IllegalArgumentException(where + ": " + rows.length + " points need " + 2 * rows.length
                    + " coordinates, got " + xy.length);
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0) {
                throw new IllegalArgumentException(where + ": point " + (firstPoint + i) + " has row " + rows[i]);
            }
            if (!Float.isFinite(xy[2 * i]) || !Float.isFinite(xy[2 * i + 1])) {
                throw new IllegalArgumentException(where + ": point " + (firstPoint + i) + " is at (" + xy[2 * i] + ", "
                        + xy[2 * i + 1] + "); positions must be finite");
            }
        }
        rows = rows.clone();
        xy = xy.clone();
    }

    /**
     * Cuts a sample's points ({@code rows.length} points, positions interleaved) into chunks of at most
     * {@code maxBytes} bytes of points ({@value #BYTES_PER_POINT} each, at least one point per chunk), in order.
     */
    public static List<SampleMapPoints> split(int mapVersion, MapUpdate update, String scanId, SampleMetadata metadata,
                                              SensorKind camera, String modelRef, Instant publishedAt, int[] rows,
                                              float[] xy, int maxBytes) {
        Checks.positive("map bytes per chunk", maxBytes);
        if (rows.length == 0 || xy.length != 2L * rows.length) {
            throw new IllegalArgumentException("map points of sample " + metadata.sampleId() + ": " + rows.length
                    + " rows and " + xy.length + " coordinates are not a positive number of points");
        }
        int perChunk = Math.max(1, maxBytes / BYTES_PER_POINT);
        int total = rows.length;
        int count = (total + perChunk - 1) / perChunk;
        List<SampleMapPoints> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int first = i * perChunk;
            int n = Math.min(perChunk, total - first);
            out.add(new SampleMapPoints(mapVersion, update, scanId, metadata, camera, modelRef, publishedAt, i, count,
                    total, first, Arrays.copyOfRange(rows, first, first + n),
                    Arrays.copyOfRange(xy, 2 * first, 2 * (first + n))));
        }
        return out;
    }

    public String sampleId() {
        return metadata.sampleId();
    }

    /** The topic key: {@code scanId/sampleId}, as on the codes topic. */
    public String key() {
        return scanId + "/" + metadata.sampleId();
    }

    /** Points in this chunk. */
    public int points() {
        return rows.length;
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public float[] xy() {
        return xy.clone();
    }

    public float x(int point) {
        return xy[2 * point];
    }

    public float y(int point) {
        return xy[2 * point + 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleMapPoints p && mapVersion == p.mapVersion && update == p.update
                && scanId.equals(p.scanId) && metadata.equals(p.metadata) && camera == p.camera
                && modelRef.equals(p.modelRef) && publishedAt.equals(p.publishedAt) && chunkIndex == p.chunkIndex
                && chunkCount == p.chunkCount && totalPoints == p.totalPoints && firstPoint == p.firstPoint
                && Arrays.equals(rows, p.rows) && Arrays.equals(xy, p.xy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mapVersion, update, scanId, metadata, camera, chunkIndex, firstPoint) * 31
                + Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return "SampleMapPoints[v" + mapVersion + " " + update + " " + key() + " " + camera + " " + modelRef + " chunk "
                + chunkIndex + "/" + chunkCount + ", points " + firstPoint + "+" + rows.length + " of " + totalPoints + "]";
    }
}
