package io.hyclus.streaming.segment;

import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which pixels of a line belong to which sample: a pixel belongs to a slot when its footprint
 * centre lies inside the slot's sample region shrunk by the edge margin (to keep wall shadows and mixed
 * pixels at the rim out). Slots do not overlap, so a pixel belongs to at most one sample.
 */
public final class PixelAssigner {
    private PixelAssigner() {
    }

    /** Slot index to the pixel indices of the line that fall in it, in increasing order; empty slots omitted. */
    public static Map<Integer, int[]> assign(TrayLayout tray, AcrossTrackGeometry geometry, int pixels,
                                             long encoderMicrons, double edgeMarginMm) {
        double y = geometry.yMm(encoderMicrons);
        Map<Integer, int[]> out = new LinkedHashMap<>();
        for (TraySlot slot : tray.slots()) {
            RegionMm r = slot.region();
            // Inner bounds as plain numbers: a margin of half the region leaves nothing, not an invalid region.
            double x0 = r.x0() + edgeMarginMm;
            double x1 = r.x1() - edgeMarginMm;
            if (x0 >= x1 || y < r.y0() + edgeMarginMm || y >= r.y1() - edgeMarginMm) {
                continue;
            }
            List<Integer> hits = new ArrayList<>();
            for (int p = 0; p < pixels; p++) {
                double x = geometry.xMm(p);
                if (x >= x0 && x < x1) {
                    hits.add(p);
                }
            }
            if (!hits.isEmpty()) {
                out.put(slot.index(), hits.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return out;
    }
}
