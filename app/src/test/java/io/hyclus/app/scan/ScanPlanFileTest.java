package io.hyclus.app.scan;

import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.TraySlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanPlanFileTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("hyclus.root.dir", ".."), "docs", "examples");

    @TempDir
    Path dir;

    @Test
    void read_documentedYamlExample_fourSlotsWithMixtures() {
        ScanPlan p = ScanPlanFile.read(EXAMPLES.resolve("scan-plan.yaml"));
        assertEquals("tray-A", p.tray().trayId());
        assertEquals(280, p.tray().widthMm());
        assertEquals(185, p.tray().lengthMm());
        List<TraySlot> slots = p.tray().slots();
        assertEquals(4, slots.size());
        assertEquals("P1-2025-03-plus", slots.get(0).sample().sampleId());
        assertEquals(YearMonth.of(2025, 3), slots.get(0).sample().month());
        assertEquals(GrainSizeFraction.PLUS_100, slots.get(0).sample().fraction());
        assertEquals(new RegionMm(150, 100, 260, 170), slots.get(3).region());
        assertEquals(Map.of("Quartz", 0.6, "Kaolinite", 0.3, "Hematite", 0.1), p.simulate().get("P1-2025-03-plus"));
        assertEquals(2, p.simulate().size());
    }

    @Test
    void read_documentedCsvExample_trayNamedAfterFile() {
        ScanPlan p = ScanPlanFile.read(EXAMPLES.resolve("scan-plan.csv"));
        assertEquals("scan-plan", p.tray().trayId());
        assertEquals(100, p.tray().lengthMm(), "15 mm after the last sample's far edge at 85 mm");
        assertEquals(GrainSizeFraction.MINUS_100, p.tray().slots().get(1).sample().fraction());
        assertEquals(Map.of("Quartz", 0.6, "Kaolinite", 0.3, "Hematite", 0.1), p.simulate().get("P1-2025-03-plus"));
        assertEquals(1, p.simulate().size());
    }

    @Test
    void read_csvBadNumber_namesFileLineAndColumn() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "sample_id,plant,month,fraction,x0_mm,y0_mm,x1_mm,y1_mm\nA,P,2025-01,Plus 100,1,2,x,4\n");
        var e = assertThrows(ScanPlanException.class, () -> ScanPlanFile.read(f));
        assertEquals("scan plan " + f + " line 2: x1_mm must be a number, found 'x'", e.getMessage());
    }

    @Test
    void read_csvWrongHeader_named() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "id,plant\n");
        var e = assertThrows(ScanPlanException.class, () -> ScanPlanFile.read(f));
        assertTrue(e.getMessage().startsWith("scan plan " + f + " line 1: the header must start sample_id,plant,month,"),
                e.getMessage());
    }

    @Test
    void read_overlappingRegions_namesTray() throws IOException {
        Path f = dir.resolve("o.csv");
        Files.writeString(f, "sample_id,plant,month,fraction,x0_mm,y0_mm,x1_mm,y1_mm\nA,P,2025-01,Plus 100,10,10,100,60\n"
                + "B,P,2025-01,Minus 100,50,20,120,70\n");
        var e = assertThrows(ScanPlanException.class, () -> ScanPlanFile.read(f));
        assertEquals("scan plan " + f + ": tray o: slot 1 overlaps slot 0", e.getMessage());
    }

    @Test
    void read_yamlBadFraction_namesSample() throws IOException {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, "tray: t\nsamples:\n  - id: A\n    plant: P\n    month: 2025-01\n    fraction: coarse\n"
                + "    regionMm: [1, 1, 10, 10]\n");
        var e = assertThrows(ScanPlanException.class, () -> ScanPlanFile.read(f));
        assertEquals("scan plan " + f + " sample 1 (A): fraction must be Plus 100 or Minus 100 (or PLUS_100 / MINUS_100),"
                + " found 'coarse'", e.getMessage());
    }

    @Test
    void read_yamlUnknownKey_namesLine() throws IOException {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, "tray: t\nsampels: []\n");
        var e = assertThrows(ScanPlanException.class, () -> ScanPlanFile.read(f));
        assertTrue(e.getMessage().startsWith("scan plan " + f + " line 2: Unrecognized field \"sampels\""), e.getMessage());
    }

    @Test
    void read_yamlWithCaptureGeometry_givesThirdPartyLayout() throws IOException {
        Path f = dir.resolve("g.yml");
        Files.writeString(f, "tray: t\ncapture: {firstPixelCentreMm: 0.5, pixelPitchMm: 0.25, linePitchMm: 0.5}\n"
                + "samples:\n  - {id: A, plant: P, month: 2025-01, fraction: PLUS_100, regionMm: [1, 1, 10, 10]}\n");
        var l = ScanPlanFile.read(f).thirdParty().orElseThrow();
        assertEquals(0.25, l.pixelPitchMm());
        assertEquals(0.5, l.linePitchMm());
        assertEquals(25, l.tray().lengthMm());
    }
}
