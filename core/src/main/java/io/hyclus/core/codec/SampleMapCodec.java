package io.hyclus.core.codec;

import io.hyclus.core.scan.MapUpdate;
import io.hyclus.core.scan.SampleMapPoints;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Encodes and decodes {@link SampleMapPoints} chunks in {@link ScanEventCodec}'s envelope (magic {@code HYCL}, format
 * version 1, type tag {@value #SAMPLE_MAP}), big-endian:
 *
 * <pre>
 * i32 mapVersion, str update (FITTED|ADDED),
 * str scanId, str sampleId, str plant, str month (YYYY-MM), str fraction (enum name), str camera (VNIR|SWIR),
 * str modelRef, i64 publishedAt seconds, i32 nanos,
 * i32 chunkIndex, i32 chunkCount, i32 totalPoints, i32 firstPoint,
 * i32 n, n x i32 rows, i32 2n, 2n x float32 positions (x, y per point)
 * </pre>
 * Strings are UTF-8 with an int length. A decoder refuses other magics, versions and tags, inconsistent sizes and
 * trailing bytes, naming the record's origin and the offset.
 */
public final class SampleMapCodec {
    static final int SAMPLE_MAP = 6;

    private SampleMapCodec() {
    }

    public static byte[] encode(SampleMapPoints p) {
        SampleMetadata m = p.metadata();
        Writer w = ScanEventCodec.start(256 + SampleMapPoints.BYTES_PER_POINT * p.points(), SAMPLE_MAP);
        w.i32(p.mapVersion()).str(p.update().name());
        w.str(p.scanId()).str(m.sampleId()).str(m.plant()).str(m.month().toString()).str(m.fraction().name())
                .str(p.camera().name()).str(p.modelRef());
        ScanEventCodec.instant(w, p.publishedAt());
        w.i32(p.chunkIndex()).i32(p.chunkCount()).i32(p.totalPoints()).i32(p.firstPoint());
        w.i32s(p.rows()).f32s(p.xy());
        return w.toBytes();
    }

    /**
     * Decodes one chunk.
     *
     * @param where names the bytes' origin for error messages (e.g. topic/partition/offset)
     */
    public static SampleMapPoints decode(byte[] bytes, String where) {
        Reader r = ScanEventCodec.header(bytes, where);
        int type = r.i8();
        if (type != SAMPLE_MAP) {
            throw new CodecException(where + ": expected a sample-map record (type " + SAMPLE_MAP + "), found type " + type);
        }
        try {
            int version = r.i32();
            MapUpdate update = MapUpdate.valueOf(r.str());
            String scanId = r.str();
            SampleMetadata m = new SampleMetadata(r.str(), r.str(), YearMonth.parse(r.str()),
                    GrainSizeFraction.valueOf(r.str()));
            var camera = ScanEventCodec.kind(r, "map points of sample " + m.sampleId());
            String modelRef = r.str();
            Instant at = ScanEventCodec.instant(r);
            int chunkIndex = r.i32();
            int chunkCount = r.i32();
            int total = r.i32();
            int first = r.i32();
            int[] rows = r.i32s();
            float[] xy = r.f32s();
            r.end();
            return new SampleMapPoints(version, update, scanId, m, camera, modelRef, at, chunkIndex, chunkCount, total,
                    first, rows, xy);
        } catch (IllegalArgumentException | DateTimeParseException ex) {
            throw new CodecException(where + ": decoded an invalid sample-map record: " + ex.getMessage(), ex);
        }
    }
}
