package io.hyclus.streaming.segment;

import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PixelAssignerTest {

    private static boolean insideInner(RegionMm r, double margin, double x, double y) {
        return x >= r.x0() + margin && x < r.x1() - margin && y >= r.y0() + margin && y < r.y1() - margin;
    }

    @Property(tries = 50)
    void marginOfHalfTheRegion_leavesTheSlotEmpty_withoutFailing(@ForAll @DoubleRange(min = 0.1, max = 19) double w) {
        TrayLayout tray = new TrayLayout("t", 100, 100, List.of(new TraySlot(0, new SampleMetadata("S", "P",
                YearMonth.of(2025, 1), GrainSizeFraction.MINUS_100), new RegionMm(19.02 - w, 10, 19.02 + w, 10 + 2 * w))));
        assertTrue(PixelAssigner.assign(tray, new AcrossTrackGeometry(0, 0.01, 0), 4000, 10_000 + Math.round(w * 1000), w)
                .isEmpty());
    }

    /** Random grids of slots with random gaps; random camera geometry and belt position. */
    @Property(tries = 300)
    void everyPixelLandsInAtMostOneSample_exactlyWhenInsideTheInnerRegion(
            @ForAll @IntRange(min = 1, max = 4) int cols, @ForAll @IntRange(min = 1, max = 4) int rows,
            @ForAll @DoubleRange(min = 5, max = 60) double slotW, @ForAll @DoubleRange(min = 0, max = 10) double gap,
            @ForAll @DoubleRange(min = -20, max = 10) double firstX, @ForAll @DoubleRange(min = 0.1, max = 3) double pitch,
            @ForAll @IntRange(min = 0, max = 300_000) int encoder, @ForAll @DoubleRange(min = 0, max = 4) double margin) {
        List<TraySlot> slots = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = gap + c * (slotW + gap);
                double y = gap + r * (slotW + gap);
                int i = r * cols + c;
                slots.add(new TraySlot(i, new SampleMetadata("S" + i, "P", YearMonth.of(2025, 1), GrainSizeFraction.PLUS_100),
                        new RegionMm(x, y, x + slotW, y + slotW)));
            }
        }
        double size = gap + Math.max(cols, rows) * (slotW + gap);
        TrayLayout tray = new TrayLayout("t", size, size, slots);
        AcrossTrackGeometry g = new AcrossTrackGeometry(firstX, pitch, 0);
        int pixels = 400;
        Map<Integer, int[]> got = PixelAssigner.assign(tray, g, pixels, encoder, margin);
        Set<Integer> seen = new HashSet<>();
        double y = g.yMm(encoder);
        for (var e : got.entrySet()) {
            RegionMm r = tray.slots().get(e.getKey()).region();
            for (int p : e.getValue()) {
                assertTrue(seen.add(p), "pixel " + p + " assigned twice");
                assertTrue(insideInner(r, margin, g.xMm(p), y), "pixel " + p + " outside slot " + e.getKey());
            }
        }
        for (int p = 0; p < pixels; p++) {
            double x = g.xMm(p);
            boolean inside = false;
            for (TraySlot s : slots) {
                inside |= insideInner(s.region(), margin, x, y);
            }
            assertEquals(inside, seen.contains(p), "pixel " + p + " at x " + x + ", y " + y);
        }
    }
}
