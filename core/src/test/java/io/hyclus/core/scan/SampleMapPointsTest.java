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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleMapPointsTest {
    private static final SampleMetadata SAMPLE = new SampleMetadata("A-1", "Plant-2", YearMonth.of(2025, 3),
            GrainSizeFraction.PLUS_100);

    @Property(tries = 200)
    void split_coversEveryPointOnceInOrder_withinTheByteBound(@ForAll @IntRange(min = 1, max = 400) int points,
                                                              @ForAll @IntRange(min = 1, max = 1000) int maxBytes) {
        int[] rows = new int[points];
        float[] xy = new float[2 * points];
        for (int i = 0; i < points; i++) {
            rows[i] = 3 * i + 1;
            xy[2 * i] = i;
            xy[2 * i + 1] = -i;
        }
        List<SampleMapPoints> chunks = SampleMapPoints.split(2, MapUpdate.FITTED, "scan-1", SAMPLE, SensorKind.VNIR,
                "m@1", Instant.EPOCH, rows, xy, maxBytes);
        int perChunk = Math.max(1, maxBytes / 12);
        assertEquals((points + perChunk - 1) / perChunk, chunks.size());
        int next = 0;
        for (int i = 0; i < chunks.size(); i++) {
            SampleMapPoints c = chunks.get(i);
            assertEquals(i, c.chunkIndex());
            assertEquals(chunks.size(), c.chunkCount());
            assertEquals(points, c.totalPoints());
            assertEquals(next, c.firstPoint());
            assertTrue(c.points() * 12L <= Math.max(maxBytes, 12), c.toString());
            for (int p = 0; p < c.points(); p++) {
                assertEquals(3 * (next + p) + 1, c.rows()[p]);
                assertEquals((float) (next + p), c.x(p));
                assertEquals((float) -(next + p), c.y(p));
            }
            next += c.points();
        }
        assertEquals(points, next);
    }

    @Test
    void split_1MiB_is87381PointsPerChunk() {
        List<SampleMapPoints> chunks = SampleMapPoints.split(1, MapUpdate.ADDED, "scan-1", SAMPLE, SensorKind.VNIR, "m@1",
                Instant.EPOCH, new int[100_000], new float[200_000], 1 << 20);
        assertEquals(List.of(87381, 12619), chunks.stream().map(SampleMapPoints::points).toList());
    }

    @Test
    void nonFinitePosition_refusedNamingSampleAndPoint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SampleMapPoints(1,
                MapUpdate.ADDED, "scan-1", SAMPLE, SensorKind.VNIR, "m@1", Instant.EPOCH, 0, 1, 5, 3, new int[] {1, 2},
                new float[] {0, 0, Float.NaN, 1}));
        assertEquals("map points of sample A-1 (scan scan-1): point 4 is at (NaN, 1.0); positions must be finite",
                e.getMessage());
    }

    @Test
    void pointsBeyondTheTotal_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SampleMapPoints(1,
                MapUpdate.ADDED, "scan-1", SAMPLE, SensorKind.VNIR, "m@1", Instant.EPOCH, 0, 1, 4, 3, new int[] {1, 2},
                new float[4]));
        assertEquals("map points of sample A-1 (scan scan-1): chunk 0 holds points 3..4, beyond the 4 points of version 1",
                e.getMessage());
    }
}
