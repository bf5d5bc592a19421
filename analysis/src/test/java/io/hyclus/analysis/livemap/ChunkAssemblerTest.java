package io.hyclus.analysis.livemap;

import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkAssemblerTest {
    private static final int D = 4;
    private final ChunkAssembler assembler = new ChunkAssembler();

    private static List<SampleCodes> chunks(String id, int rows) {
        return ClusterCodes.chunks("scan-1", id, 0, SensorKind.VNIR, "m@1", ClusterCodes.codes(0, rows, D, id.hashCode()),
                D, 3 * 4 * D); // 3 rows a chunk
    }

    @Test
    void interleavedSamples_eachPutTogetherInRowOrder_heldFromTheirFirstOffset() {
        List<SampleCodes> a = chunks("A-1", 8);
        List<SampleCodes> b = chunks("B-1", 5);
        assertEquals(3, a.size());
        assertInstanceOf(ChunkAssembler.Incomplete.class, assembler.add(a.get(0), 0, 10));
        assertInstanceOf(ChunkAssembler.Incomplete.class, assembler.add(b.get(0), 0, 11));
        assertInstanceOf(ChunkAssembler.Incomplete.class, assembler.add(a.get(1), 0, 12));
        assertEquals(10, assembler.heldFrom(0).getAsLong());
        assertTrue(assembler.heldFrom(1).isEmpty());
        var doneB = assertInstanceOf(ChunkAssembler.Complete.class, assembler.add(b.get(1), 0, 13));
        assertArrayEquals(ClusterCodes.codes(0, 5, D, "B-1".hashCode()), doneB.codes().codes());
        assertEquals(11, doneB.codes().firstOffset());
        var doneA = assertInstanceOf(ChunkAssembler.Complete.class, assembler.add(a.get(2), 0, 14));
        assertArrayEquals(ClusterCodes.codes(0, 8, D, "A-1".hashCode()), doneA.codes().codes());
        assertEquals(8, doneA.codes().rows());
        assertEquals("m@1", doneA.codes().sample().modelRef());
        assertEquals(0, assembler.incomplete());
        assertTrue(assembler.heldFrom(0).isEmpty());
    }

    @Test
    void chunkMissing_refusedNamingTheSample_restOfItDroppedQuietly_nextSampleFine() {
        List<SampleCodes> a = chunks("A-1", 9);
        assembler.add(a.get(0), 0, 1);
        var refused = assertInstanceOf(ChunkAssembler.Refused.class, assembler.add(a.get(2), 0, 2));
        assertEquals("codes of sample A-1 (scan scan-1) VNIR: chunk 1 of 3 missing (chunk 2 came next)", refused.reason());
        assertEquals("A-1", refused.sample().metadata().sampleId());
        List<SampleCodes> b = chunks("B-1", 2);
        assertInstanceOf(ChunkAssembler.Complete.class, assembler.add(b.get(0), 0, 3));
    }

    @Test
    void firstChunkMissing_refused_laterChunksOfThatEncodingDropped() {
        List<SampleCodes> a = chunks("A-1", 9);
        var refused = assertInstanceOf(ChunkAssembler.Refused.class, assembler.add(a.get(1), 0, 1));
        assertEquals("codes of sample A-1 (scan scan-1) VNIR: chunks 0..0 missing (chunk 1 came first)", refused.reason());
        assertInstanceOf(ChunkAssembler.Incomplete.class, assembler.add(a.get(2), 0, 2));
        assertEquals(0, assembler.incomplete());
        // the sample encoded again later is taken whole
        assertInstanceOf(ChunkAssembler.Incomplete.class, assembler.add(a.get(0), 0, 3));
        assertInstanceOf(ChunkAssembler.Incomplete.class, assembler.add(a.get(1), 0, 4));
        assertInstanceOf(ChunkAssembler.Complete.class, assembler.add(a.get(2), 0, 5));
    }

    @Test
    void codeSizeChangesWithinASample_refused() {
        List<SampleCodes> a = chunks("A-1", 6);
        SampleCodes second = a.get(1);
        SampleCodes wider = new SampleCodes(second.scanId(), second.metadata(), second.camera(), second.modelRef(),
                second.containerFile(), second.encodedAt(), 1, 2, 6, 3, 2, 6, new float[12]);
        assembler.add(a.get(0), 0, 1);
        var refused = assertInstanceOf(ChunkAssembler.Refused.class, assembler.add(wider, 0, 2));
        assertEquals("codes of sample A-1 (scan scan-1) VNIR: code size changed from 4 to 6 at chunk 1", refused.reason());
    }

    @Test
    void newEncodingBeforeTheLastEnded_oldRefused_newOneTaken() {
        List<SampleCodes> a = chunks("A-1", 6);
        assembler.add(a.get(0), 0, 1);
        List<SampleCodes> again = ClusterCodes.chunks("scan-1", "A-1", 0, SensorKind.VNIR, "m@1",
                ClusterCodes.codes(0, 2, D, 5), D, 1024).stream().map(c -> new SampleCodes(c.scanId(), c.metadata(),
                c.camera(), c.modelRef(), c.containerFile(), Instant.parse("2025-02-01T00:00:00Z"), c.chunkIndex(),
                c.chunkCount(), c.totalRows(), c.firstRow(), c.rows(), c.codeSize(), c.codes())).toList();
        var refused = assertInstanceOf(ChunkAssembler.Refused.class, assembler.add(again.get(0), 0, 2));
        assertEquals("codes of sample A-1 (scan scan-1) VNIR: chunks 1..1 of 2 missing (a new encoding of the sample "
                + "began)", refused.reason());
        var renewed = assertInstanceOf(ChunkAssembler.Complete.class, refused.then());
        assertArrayEquals(ClusterCodes.codes(0, 2, D, 5), renewed.codes().codes());
        assertEquals(2, renewed.codes().firstOffset());
        assertEquals(0, assembler.incomplete());
    }

    @Test
    void nonFiniteCode_refusedNamingRowAndCode() {
        float[] v = ClusterCodes.codes(0, 2, D, 1);
        v[D + 2] = Float.NaN;
        List<SampleCodes> a = ClusterCodes.chunks("scan-1", "N-1", 0, SensorKind.VNIR, "m@1", v, D, 1024);
        var refused = assertInstanceOf(ChunkAssembler.Refused.class, assembler.add(a.get(0), 0, 1));
        assertEquals("codes of sample N-1 (scan scan-1) VNIR: code 2 of row 1 is NaN; codes must be finite",
                refused.reason());
    }
}
