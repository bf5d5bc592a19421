package io.hyclus.core.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.SampleMetadata;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One chunk of a sample's codes for one camera, as the live encoder publishes them: rows {@code firstRow} to
 * {@code firstRow + rows - 1} of the camera's codes, in the order of the camera's spectra in the sample's container.
 * A camera's codes are {@code chunkCount} such records, numbered from 0, all made by one model at one time. The codes
 * array is copied in and out (a chunk is at most a few MiB; {@link #code} reads one value without a copy).
 *
 * @param scanId        scan the sample was cut from
 * @param metadata      the sample: id, plant, month, grain-size fraction
 * @param camera        whose spectra were encoded
 * @param modelRef      the model version that made the codes, e.g. {@code dense-ae-16-vnir@2}
 * @param containerFile absolute path of the sample's container (the codes file is its sibling)
 * @param encodedAt     when the sample was encoded (the same in every chunk and in the codes file)
 * @param chunkIndex    0-based index of this chunk, below {@code chunkCount}
 * @param chunkCount    chunks of this sample and camera, at least 1
 * @param totalRows     codes (one per spectrum) of this sample and camera over all chunks
 * @param firstRow      index of this chunk's first row among the camera's spectra
 * @param rows          rows in this chunk, at least 1; {@code firstRow + rows <= totalRows}
 * @param codeSize      numbers per spectrum, at least 1
 * @param codes         row-major float32, {@code rows * codeSize} values
 */
public record SampleCodes(String scanId, SampleMetadata metadata, SensorKind camera, String modelRef,
                          String containerFile, Instant encodedAt, int chunkIndex, int chunkCount, long totalRows,
                          long firstRow, int rows, int codeSize, float[] codes) {
    public SampleCodes {
        Checks.identifier("scan id", scanId);
        Checks.notNull("sample metadata", metadata);
        String where = "codes of sample " + metadata.sampleId() + " (scan " + scanId + ")";
        Checks.notNull("camera of " + where, camera);
        Checks.notBlank("model reference of " + where, modelRef);
        Checks.notBlank("container file of " + where, containerFile);
        Checks.notNull("encoding time of " + where, encodedAt);
        Checks.positive("chunk count of " + where, chunkCount);
        if (chunkIndex < 0 || chunkIndex >= chunkCount) {
            throw new IllegalArgumentException(where + ": chunk index " + chunkIndex + " is outside 0.." + (chunkCount - 1));
        }
        Checks.positive("rows of " + where, rows);
        Checks.positive("code size of " + where, codeSize);
        Checks.nonNegative("first row of " + where, firstRow);
        if (firstRow + rows > totalRows) {
            throw new IllegalArgumentException(where + ": chunk " + chunkIndex + " holds rows " + firstRow + ".."
                    + (firstRow + rows - 1) + ", beyond the " + totalRows + " rows of " + camera);
        }
        Checks.notNull("codes of " + where, codes);
        if ((long) rows * codeSize != codes.length) {
            throw new IllegalArgumentException(where + ": chunk " + chunkIndex + " of " + rows + " x " + codeSize
                    + " codes needs " + (long) rows * codeSize + " values, got " + codes.length);
        }
        codes = codes.clone();
    }

    /**
     * Cuts one camera's codes ({@code codes.length / codeSize} rows, row-major) into chunks of at most
     * {@code maxCodeBytes} bytes of float32 codes each (at least one row per chunk), in row order.
     *
     * @throws IllegalArgumentException if there are no codes, or {@code codes.length} is not a multiple of {@code codeSize}
     */
    public static java.util.List<SampleCodes> split(String scanId, SampleMetadata metadata, SensorKind camera,
                                                    String modelRef, String containerFile, Instant encodedAt,
                                                    float[] codes, int codeSize, int maxCodeBytes) {
        Checks.positive("code size", codeSize);
        Checks.positive("codes bytes per chunk", maxCodeBytes);
        if (codes.length == 0 || codes.length % codeSize != 0) {
            throw new IllegalArgumentException("codes of sample " + metadata.sampleId() + " " + camera + ": "
                    + codes.length + " values are not a positive number of rows of " + codeSize);
        }
        int total = codes.length / codeSize;
        int perChunk = rowsPerChunk(codeSize, maxCodeBytes);
        int count = (total + perChunk - 1) / perChunk;
        java.util.List<SampleCodes> out = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int first = i * perChunk;
            int rows = Math.min(perChunk, total - first);
            float[] part = Arrays.copyOfRange(codes, first * codeSize, (first + rows) * codeSize);
            out.add(new SampleCodes(scanId, metadata, camera, modelRef, containerFile, encodedAt, i, count, total, first,
                    rows, codeSize, part));
        }
        return out;
    }

    /** Rows of {@code codeSize} float32 values that fit in {@code maxCodeBytes}, at least 1. */
    public static int rowsPerChunk(int codeSize, int maxCodeBytes) {
        return Math.max(1, maxCodeBytes / (Float.BYTES * Checks.positive("code size", codeSize)));
    }

    public String sampleId() {
        return metadata.sampleId();
    }

    /** The topic key: {@code scanId/sampleId}, as on the sample-container topic. */
    public String key() {
        return scanId + "/" + metadata.sampleId();
    }

    @Override
    public float[] codes() {
        return codes.clone();
    }

    /** Value {@code k} of this chunk's row {@code row} (0-based within the chunk). */
    public float code(int row, int k) {
        return codes[row * codeSize + k];
    }

    /** Whether this is the last chunk of the sample's camera. */
    public boolean last() {
        return chunkIndex == chunkCount - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampleCodes c && scanId.equals(c.scanId) && metadata.equals(c.metadata)
                && camera == c.camera && modelRef.equals(c.modelRef) && containerFile.equals(c.containerFile)
                && encodedAt.equals(c.encodedAt) && chunkIndex == c.chunkIndex && chunkCount == c.chunkCount
                && totalRows == c.totalRows && firstRow == c.firstRow && rows == c.rows && codeSize == c.codeSize
                && Arrays.equals(codes, c.codes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scanId, metadata, camera, modelRef, chunkIndex, firstRow) * 31 + Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        return "SampleCodes[" + key() + " " + camera + " " + modelRef + " chunk " + chunkIndex + "/" + chunkCount
                + ", rows " + firstRow + "+" + rows + " of " + totalRows + ", " + codeSize + " per row]";
    }
}
