package io.hyclus.core.codec;

import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Encodes and decodes {@link SampleCodes} chunks in {@link ScanEventCodec}'s envelope (magic {@code HYCL}, format
 * version 1, type tag {@value #SAMPLE_CODES}), big-endian:
 *
 * <pre>
 * str scanId, str sampleId, str plant, str month (YYYY-MM), str fraction (enum name), str camera (VNIR|SWIR),
 * str modelRef, str containerFile, i64 encodedAt seconds, i32 nanos,
 * i32 chunkIndex, i32 chunkCount, i64 totalRows, i64 firstRow, i32 rows, i32 codeSize,
 * i32 n = rows * codeSize, n x float32 codes (row-major)
 * </pre>
 * Strings are UTF-8 with an int length. A decoder refuses other magics, versions and tags, inconsistent sizes and
 * trailing bytes, naming the record's origin and the offset.
 */
public final class SampleCodesCodec {
    static final int SAMPLE_CODES = 5;
    /** Bytes of a record beside its codes, at most, for ids and paths of usual length (under 1 KiB of text). */
    public static final int OVERHEAD_BYTES = 2048;

    private SampleCodesCodec() {
    }

    public static byte[] encode(SampleCodes c) {
        SampleMetadata m = c.metadata();
        Writer w = ScanEventCodec.start(256 + 4 * c.rows() * c.codeSize(), SAMPLE_CODES);
        w.str(c.scanId()).str(m.sampleId()).str(m.plant()).str(m.month().toString()).str(m.fraction().name())
                .str(c.camera().name()).str(c.modelRef()).str(c.containerFile());
        ScanEventCodec.instant(w, c.encodedAt());
        w.i32(c.chunkIndex()).i32(c.chunkCount()).i64(c.totalRows()).i64(c.firstRow()).i32(c.rows()).i32(c.codeSize());
        w.f32s(c.codes());
        return w.toBytes();
    }

    /**
     * Decodes one chunk.
     *
     * @param where names the bytes' origin for error messages (e.g. topic/partition/offset)
     */
    public static SampleCodes decode(byte[] bytes, String where) {
        Reader r = ScanEventCodec.header(bytes, where);
        int type = r.i8();
        if (type != SAMPLE_CODES) {
            throw new CodecException(where + ": expected a sample-codes record (type " + SAMPLE_CODES + "), found type "
                    + type);
        }
        try {
            String scanId = r.str();
            SampleMetadata m = new SampleMetadata(r.str(), r.str(), YearMonth.parse(r.str()),
                    GrainSizeFraction.valueOf(r.str()));
            SensorKind camera = ScanEventCodec.kind(r, "codes of sample " + m.sampleId());
            String modelRef = r.str();
            String file = r.str();
            Instant at = ScanEventCodec.instant(r);
            int chunkIndex = r.i32();
            int chunkCount = r.i32();
            long totalRows = r.i64();
            long firstRow = r.i64();
            int rows = r.i32();
            int codeSize = r.i32();
            float[] codes = r.f32s();
            r.end();
            return new SampleCodes(scanId, m, camera, modelRef, file, at, chunkIndex, chunkCount, totalRows, firstRow,
                    rows, codeSize, codes);
        } catch (IllegalArgumentException | DateTimeParseException ex) {
            throw new CodecException(where + ": decoded an invalid sample-codes record: " + ex.getMessage(), ex);
        }
    }
}
