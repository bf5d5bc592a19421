package io.hyclus.core.scan;

import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleCodesTest {
    private static final SampleMetadata SAMPLE = new SampleMetadata("A-1", "Plant-2", YearMonth.of(2025, 3),
            GrainSizeFraction.PLUS_100);

    @Property(tries = 200)
    void split_coversEveryRowOnceInOrder_withinTheByteBound(@ForAll @IntRange(min = 1, max = 500) int rows,
                                                            @ForAll @IntRange(min = 1, max = 20) int k,
                                                            @ForAll @IntRange(min = 1, max = 2000) int maxBytes) {
        float[] codes = new float[rows * k];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i;
        }
        List<SampleCodes> chunks = SampleCodes.split("scan-1", SAMPLE, SensorKind.VNIR, "m@1", "/a.h5", Instant.EPOCH,
                codes, k, maxBytes);
        int perChunk = Math.max(1, maxBytes / (4 * k));
        assertEquals((rows + perChunk - 1) / perChunk, chunks.size());
        long next = 0;
        for (int i = 0; i < chunks.size(); i++) {
            SampleCodes c = chunks.get(i);
            assertEquals(i, c.chunkIndex());
            assertEquals(chunks.size(), c.chunkCount());
            assertEquals(rows, c.totalRows());
            assertEquals(next, c.firstRow());
            assertTrue(c.rows() * 4L * k <= Math.max(maxBytes, 4L * k), c.toString());
            for (int r = 0; r < c.rows(); r++) {
                for (int j = 0; j < k; j++) {
                    assertEquals((float) ((next + r) * k + j), c.code(r, j));
                }
            }
            next += c.rows();
        }
        assertEquals(rows, next);
        assertTrue(chunks.get(chunks.size() - 1).last());
    }

    @Test
    void split_16CodesPerRowIn1MiB_is16384RowsPerChunk() {
        float[] codes = new float[40_000 * 16];
        List<SampleCodes> chunks = SampleCodes.split("scan-1", SAMPLE, SensorKind.SWIR, "m@1", "/a.h5", Instant.EPOCH,
                codes, 16, 1 << 20);
        assertEquals(List.of(16384, 16384, 7232), chunks.stream().map(SampleCodes::rows).toList());
    }

    @Test
    void split_noCodes_throwsNamingTheSample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleCodes.split("scan-1",
                SAMPLE, SensorKind.VNIR, "m@1", "/a.h5", Instant.EPOCH, new float[0], 4, 1024));
        assertEquals("codes of sample A-1 VNIR: 0 values are not a positive number of rows of 4", e.getMessage());
    }

    @Test
    void codes_areCopiedInAndOut() {
        float[] v = {1, 2};
        SampleCodes c = new SampleCodes("scan-1", SAMPLE, SensorKind.VNIR, "m@1", "/a.h5", Instant.EPOCH, 0, 1, 1, 0, 1,
                2, v);
        v[0] = 9;
        c.codes()[1] = 9;
        assertArrayEquals(new float[] {1, 2}, c.codes());
    }
}
