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
            RegionMm inner = tray.slots().get(e.getKey()).region().inset(margin);
            for (int p : e.getValue()) {
                assertTrue(seen.add(p), "pixel " + p + " assigned twice");
                assertTrue(inner.contains(g.xMm(p), y), "pixel " + p + " outside slot " + e.getKey());
            }
        }
        for (int p = 0; p < pixels; p++) {
            double x = g.xMm(p);
            boolean inside = false;
            for (TraySlot s : slots) {
                RegionMm r = s.region();
                inside |= r.widthMm() > 2 * margin && r.inset(margin).contains(x, y);
            }
            assertEquals(inside, seen.contains(p), "pixel " + p + " at x " + x + ", y " + y);
        }
    }
}
