package io.hyclus.analysis.livemap;

import io.hyclus.core.scan.SampleCodes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Puts one camera's chunks of each sample back together. Chunks of a sample come in order on one partition
 * (the encoder sends them in one transaction), though chunks of other samples may come between. A sample is refused,
 * naming it, when a chunk is missing (an index skipped, or a new encoding of the sample starts before the last one
 * ended), or when its chunks disagree on the code size, model, chunk count or rows; the rest of that encoding's chunks
 * are then dropped quietly.
 */
final class ChunkAssembler {
    /** What one chunk completed. */
    sealed interface Result permits Incomplete, Complete, Refused {
    }

    /** More chunks are needed. */
    record Incomplete() implements Result {
    }

    /** The sample's codes are complete. */
    record Complete(AssembledCodes codes) implements Result {
    }

    /**
     * The sample's chunks cannot be used; {@code reason} names the sample and what is wrong. {@code then} is what the
     * same chunk did for a new encoding of the sample (when it cut the old one short), else null.
     */
    record Refused(MapSample sample, String reason, Result then) implements Result {
        Refused(MapSample sample, String reason) {
            this(sample, reason, null);
        }
    }

    private static final class Partial {
        final SampleCodes first;
        final float[] codes;
        final int partition;
        final long firstOffset;
        int next;
        long rows;

        Partial(SampleCodes first, float[] codes, int partition, long firstOffset) {
            this.first = first;
            this.codes = codes;
            this.partition = partition;
            this.firstOffset = firstOffset;
        }
    }

    private final Map<String, Partial> partial = new HashMap<>();
    /** Encodings refused part-way: their later chunks are dropped without another message. */
    private final Map<String, Instant> dropping = new HashMap<>();

    /** Takes one chunk (of the map's camera) read at {@code partition}/{@code offset}. */
    Result add(SampleCodes c, int partition, long offset) {
        String key = c.key();
        MapSample sample = new MapSample(c.scanId(), c.metadata(), c.modelRef());
        Partial p = partial.get(key);
        if (p != null && !p.first.encodedAt().equals(c.encodedAt())) {
            partial.remove(key);
            dropping.remove(key);
            return new Refused(sample(p), describe(p) + ": chunks " + p.next + ".." + (p.first.chunkCount() - 1)
                    + " of " + p.first.chunkCount() + " missing (a new encoding of the sample began)",
                    add(c, partition, offset));
        }
        if (p == null) {
            Instant dropped = dropping.get(key);
            if (dropped != null && dropped.equals(c.encodedAt())) {
                if (c.last()) {
                    dropping.remove(key);
                }
                return new Incomplete();
            }
            dropping.remove(key);
            if (c.chunkIndex() != 0) {
                return refuse(c, sample, "chunks 0.." + (c.chunkIndex() - 1) + " missing (chunk " + c.chunkIndex()
                        + " came first)");
            }
            if (c.totalRows() * c.codeSize() > Integer.MAX_VALUE - 8) {
                return refuse(c, sample, c.totalRows() + " rows of " + c.codeSize() + " codes are too many for one map");
            }
            p = new Partial(c, new float[(int) (c.totalRows() * c.codeSize())], partition, offset);
            partial.put(key, p);
        } else {
            String bad = mismatch(p, c);
            if (bad != null) {
                partial.remove(key);
                return refuse(c, sample(p), bad);
            }
        }
        float[] v = c.codes();
        System.arraycopy(v, 0, p.codes, (int) (c.firstRow() * c.codeSize()), v.length);
        p.rows += c.rows();
        p.next++;
        if (!c.last()) {
            return new Incomplete();
        }
        partial.remove(key);
        if (p.rows != p.first.totalRows()) {
            return new Refused(sample(p), describe(p) + ": the chunks hold " + p.rows + " rows, the sample "
                    + p.first.totalRows());
        }
        for (int i = 0; i < p.codes.length; i++) {
            if (!Float.isFinite(p.codes[i])) {
                return new Refused(sample(p), describe(p) + ": code " + i % p.first.codeSize() + " of row "
                        + i / p.first.codeSize() + " is " + p.codes[i] + "; codes must be finite");
            }
        }
        return new Complete(new AssembledCodes(sample(p), p.first.encodedAt(), p.first.codeSize(), p.codes,
                p.partition, p.firstOffset, p.first.containerFile()));
    }

    private static String mismatch(Partial p, SampleCodes c) {
        SampleCodes f = p.first;
        if (c.chunkIndex() != p.next) {
            return "chunk " + p.next + " of " + f.chunkCount() + " missing (chunk " + c.chunkIndex() + " came next)";
        }
        if (c.codeSize() != f.codeSize()) {
            return "code size changed from " + f.codeSize() + " to " + c.codeSize() + " at chunk " + c.chunkIndex();
        }
        if (!c.modelRef().equals(f.modelRef())) {
            return "model changed from " + f.modelRef() + " to " + c.modelRef() + " at chunk " + c.chunkIndex();
        }
        if (c.chunkCount() != f.chunkCount() || c.totalRows() != f.totalRows() || c.firstRow() != p.rows) {
            return "chunk " + c.chunkIndex() + " says " + c.chunkCount() + " chunks, " + c.totalRows()
                    + " rows, first row " + c.firstRow() + "; expected " + f.chunkCount() + ", " + f.totalRows() + ", "
                    + p.rows;
        }
        return null;
    }

    private Refused refuse(SampleCodes c, MapSample sample, String why) {
        if (!c.last()) {
            dropping.put(c.key(), c.encodedAt());
        }
        return new Refused(sample, "codes of sample " + c.sampleId() + " (scan " + c.scanId() + ") " + c.camera() + ": "
                + why);
    }

    private static MapSample sample(Partial p) {
        return new MapSample(p.first.scanId(), p.first.metadata(), p.first.modelRef());
    }

    private static String describe(Partial p) {
        return "codes of sample " + p.first.sampleId() + " (scan " + p.first.scanId() + ") " + p.first.camera();
    }

    /** The offset of the first chunk of an incomplete sample on {@code partition}, if one is held. */
    OptionalLong heldFrom(int partition) {
        return partial.values().stream().filter(p -> p.partition == partition).mapToLong(p -> p.firstOffset).min();
    }

    /** Samples waiting for chunks. */
    int incomplete() {
        return partial.size();
    }
}
