package io.hyclus.container;

import io.jhdf.api.DatasetCreationOptions;

/**
 * How the writer stores the large datasets ({@code spectra}, {@code line_index}, {@code pixel_index},
 * {@code position_mm}, {@code hsi_data}, {@code hsi_mask}): contiguous and uncompressed, or chunked with the byte
 * shuffle filter followed by deflate at {@code deflateLevel}. The band axes stay contiguous (a few hundred bytes).
 * Chunks hold whole trailing dimensions (a whole spectrum, a whole image row) up to about {@code chunkBytes}.
 *
 * @param deflateLevel 1 (fastest) to 9 (smallest); 0 means contiguous, no filter
 * @param chunkBytes   target size of one uncompressed chunk, bytes
 */
public record ContainerStorage(int deflateLevel, int chunkBytes) {
    /**
     * Shuffle + deflate 1 in chunks of about 256 KiB: levels 1 to 9 give files within 0.3 % of each other on demo
     * samples and level 1 writes fastest (measurements in docs/container-format.md).
     */
    public static final ContainerStorage DEFAULT = new ContainerStorage(1, 256 * 1024);
    /** Contiguous, uncompressed: format /2's storage, for comparison. */
    public static final ContainerStorage UNCOMPRESSED = new ContainerStorage(0, 256 * 1024);

    public ContainerStorage {
        if (deflateLevel < 0 || deflateLevel > 9) {
            throw new IllegalArgumentException("deflate level must be 0 (none) to 9: " + deflateLevel);
        }
        if (chunkBytes < 1024) {
            throw new IllegalArgumentException("chunk size must be at least 1024 bytes: " + chunkBytes);
        }
    }

    public boolean compressed() {
        return deflateLevel > 0;
    }

    /** Creation options for a dataset of {@code dims} elements of {@code elementBytes} each, signed or not. */
    public DatasetCreationOptions options(int[] dims, int elementBytes, boolean unsigned) {
        DatasetCreationOptions.Builder b = DatasetCreationOptions.builder();
        if (unsigned) {
            b.unsigned();
        }
        if (compressed()) {
            b.chunkDimensions(chunk(dims, elementBytes, chunkBytes)).shuffle().deflate(deflateLevel);
        }
        return b.build();
    }

    /** Whole trailing dimensions while they fit in {@code target} bytes; the first that does not is cut to fit. */
    static int[] chunk(int[] dims, int elementBytes, int target) {
        int[] chunk = new int[dims.length];
        long bytes = elementBytes;
        int d = dims.length - 1;
        for (; d >= 0 && bytes * dims[d] <= target; d--) {
            chunk[d] = dims[d];
            bytes *= dims[d];
        }
        if (d >= 0) {
            chunk[d] = (int) Math.max(1, Math.min(dims[d], target / bytes));
            for (int e = d - 1; e >= 0; e--) {
                chunk[e] = 1;
            }
        }
        return chunk;
    }
}
