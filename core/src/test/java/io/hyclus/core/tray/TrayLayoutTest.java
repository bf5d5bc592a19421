package io.hyclus.core.tray;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrayLayoutTest {
    private static SampleMetadata sample(String id) {
        return new SampleMetadata(id, "Plant-1", YearMonth.of(2025, 3), GrainSizeFraction.MINUS_100);
    }

    @Test
    void overlappingSlots_rejectedNamingBoth() {
        var a = new TraySlot(0, sample("A"), new RegionMm(10, 10, 60, 60));
        var b = new TraySlot(1, sample("B"), new RegionMm(50, 50, 90, 90));
        var e = assertThrows(IllegalArgumentException.class, () -> new TrayLayout("t1", 200, 200, List.of(a, b)));
        assertEquals("tray t1: slot 1 overlaps slot 0", e.getMessage());
    }

    @Test
    void slotOutsideTray_rejected() {
        var a = new TraySlot(0, sample("A"), new RegionMm(150, 10, 210, 60));
        var e = assertThrows(IllegalArgumentException.class, () -> new TrayLayout("t1", 200, 100, List.of(a)));
        assertTrue(e.getMessage().startsWith("slot 0 (A) region RegionMm[x0=150.0, y0=10.0, x1=210.0, y1=60.0] is not within tray t1"),
                e.getMessage());
    }

    @Test
    void duplicateSample_rejected() {
        var a = new TraySlot(0, sample("A"), new RegionMm(0, 0, 10, 10));
        var b = new TraySlot(1, sample("A"), new RegionMm(20, 0, 30, 10));
        var e = assertThrows(IllegalArgumentException.class, () -> new TrayLayout("t1", 100, 100, List.of(a, b)));
        assertEquals("tray t1 has sample A twice", e.getMessage());
    }

    @Test
    void slotAt_findsContainingSlotHalfOpen() {
        var a = new TraySlot(0, sample("A"), new RegionMm(10, 10, 60, 60));
        var t = new TrayLayout("t1", 200, 200, List.of(a));
        assertEquals("A", t.slotAt(10, 10).orElseThrow().sample().sampleId());
        assertTrue(t.slotAt(60, 30).isEmpty());
        assertTrue(t.slotAt(5, 30).isEmpty());
    }

    @Test
    void sampleId_unsafeForFiles_rejectedWithValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> sample("../etc"));
        assertEquals("sample id must be 1-128 characters of letters, digits, '.', '_' or '-' starting with a letter or"
                + " digit: '../etc'", e.getMessage());
    }

    @Test
    void region_emptyWidth_rejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RegionMm(5, 0, 5, 10));
        assertEquals("region must have positive width: x 5.0 to 5.0 mm", e.getMessage());
    }

    @Test
    void grainSize_parsesLabelAndName() {
        assertEquals(GrainSizeFraction.PLUS_100, GrainSizeFraction.parse("Plus 100"));
        assertEquals(GrainSizeFraction.MINUS_100, GrainSizeFraction.parse("minus_100"));
        var e = assertThrows(IllegalArgumentException.class, () -> GrainSizeFraction.parse("Plus 200"));
        assertEquals("unknown grain-size fraction 'Plus 200': expected 'Minus 100' or 'Plus 100'", e.getMessage());
    }
}
