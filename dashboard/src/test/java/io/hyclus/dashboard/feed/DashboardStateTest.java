package io.hyclus.dashboard.feed;

import io.hyclus.core.scan.MapUpdate;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.dashboard.TestScans;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardStateTest {
    private final List<DashboardEvent> events = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DashboardState state = new DashboardState(events::add, registry, 10, 2.0);

    private List<String> names() {
        return events.stream().map(DashboardEvent::name).toList();
    }

    @Test
    void scan_emitsOneRowPerRowPitch_andSlotsGoScanningThenWritten() {
        state.scanEvent(TestScans.start("s1"), 100);
        for (int i = 0; i < 40; i++) {
            state.scanEvent(TestScans.line("s1", i), 100);
        }
        state.containerWritten(new SampleContainerWritten("s1", "A-1", "/x/A-1.h5", Map.of(SensorKind.VNIR, 10L),
                TestScans.T0));
        // lines at y = 0.5 .. 39.5 mm, 2 mm per row: rows 0..19
        assertEquals(20, names().stream().filter("row"::equals).count());
        List<String> slots = events.stream().filter(e -> e.name().equals("slot")).map(DashboardEvent::json).toList();
        assertEquals(3, slots.size(), slots.toString()); // A and B scanning, then A written
        assertTrue(slots.get(2).contains("\"sampleId\":\"A-1\"") && slots.get(2).contains("WRITTEN"), slots.get(2));
        assertEquals(40.0, registry.get("hyclus.scanlines").tag("camera", "VNIR").counter().count());
        assertEquals(4000.0, registry.get("hyclus.scanline.bytes").tag("camera", "VNIR").counter().count());
        assertEquals(1.0, registry.get("hyclus.samples.written").counter().count());
    }

    @Test
    void snapshot_holdsTheScanItsRowsAndTheMap() {
        state.scanEvent(TestScans.start("s1"), 100);
        state.scanEvent(TestScans.line("s1", 0), 100);
        state.mapPoints(TestScans.points(1, MapUpdate.FITTED, "s0", TestScans.A, 5));
        List<String> snap = state.withSnapshot(s -> s.stream().map(DashboardEvent::name).toList());
        assertEquals(List.of("map", "scan", "rows", "stats"), snap);
    }

    @Test
    void map_newVersionDropsOlderPoints_olderVersionIgnored() {
        state.mapPoints(TestScans.points(1, MapUpdate.FITTED, "s0", TestScans.A, 5));
        state.mapPoints(TestScans.points(1, MapUpdate.ADDED, "s0", TestScans.B, 7));
        assertEquals(12, state.mapPoints());
        state.mapPoints(TestScans.points(2, MapUpdate.FITTED, "s0", TestScans.A, 3));
        assertEquals(3, state.mapPoints());
        assertEquals(2, state.mapVersion());
        state.mapPoints(TestScans.points(1, MapUpdate.ADDED, "s0", TestScans.B, 7));
        assertEquals(3, state.mapPoints());
        assertEquals(List.of("mapReset", "points", "points", "mapReset", "points"), names());
        assertEquals(2.0, registry.get("hyclus.map.version").gauge().value());
    }

    @Test
    void completedScan_countsItsDegradations() {
        state.scanEvent(TestScans.start("s1"), 100);
        state.scanEvent(TestScans.completed("s1", 0), 100);
        assertEquals(1.0, registry.get("hyclus.scan.degradations").counter().count());
        assertTrue(names().contains("scanDone"));
    }
}
