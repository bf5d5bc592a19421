package io.hyclus.analysis.livemap;

import io.hyclus.core.Checks;

import java.time.Instant;

/**
 * All codes of one sample and camera, put together from its chunks, and where its first chunk was on the codes topic
 * (the service does not commit past it until the sample is on the map).
 *
 * @param sample         the sample and the model of its codes
 * @param encodedAt      when the encoder made them
 * @param codeSize       numbers per spectrum
 * @param codes          row-major, {@code rows() x codeSize}; owned by this record
 * @param partition      partition of the codes topic its chunks are on
 * @param firstOffset    offset of its first chunk
 * @param containerFile  the sample's container as the encoder named it (where its material mask is), or null
 */
record AssembledCodes(MapSample sample, Instant encodedAt, int codeSize, float[] codes, int partition,
                      long firstOffset, String containerFile) {
    AssembledCodes {
        Checks.notNull("sample", sample);
        Checks.positive("code size", codeSize);
        if (codes.length == 0 || codes.length % codeSize != 0) {
            throw new IllegalArgumentException("codes of sample " + sample + ": " + codes.length
                    + " values are not a positive number of rows of " + codeSize);
        }
    }

    int rows() {
        return codes.length / codeSize;
    }
}
