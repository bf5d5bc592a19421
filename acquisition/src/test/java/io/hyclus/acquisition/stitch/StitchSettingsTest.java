package io.hyclus.acquisition.stitch;

import io.hyclus.acquisition.stitch.StitchSettings.OutputGrid;
import io.hyclus.acquisition.stitch.StitchSettings.OverlapRule;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StitchSettingsTest {
    @Test
    void badValues_refusedNamingTheValue() {
        assertEquals("stitched grid step must be 0.1-100 nm: 0.0 nm", assertThrows(IllegalArgumentException.class,
                () -> StitchSettings.defaults().withUniformStep(0)).getMessage());
        assertEquals("gain clamp must satisfy 0 < min <= 1 <= max: 1.2 to 2.0", assertThrows(IllegalArgumentException.class,
                () -> new StitchSettings(OutputGrid.NATIVE, 0, OverlapRule.CUT, 25, 1.2, 2, 0.02, 0)).getMessage());
        assertEquals("edge tolerance must not be negative: -1 um", assertThrows(IllegalArgumentException.class,
                () -> new StitchSettings(OutputGrid.NATIVE, 0, OverlapRule.CUT, 25, 0.5, 2, 0.02, -1)).getMessage());
        assertEquals("gain match margin must be 0-200 nm: -5.0 nm", assertThrows(IllegalArgumentException.class,
                () -> new StitchSettings(OutputGrid.NATIVE, 0, OverlapRule.CUT, -5, 0.5, 2, 0.02, 0)).getMessage());
    }

    @Test
    void provenance_namesEverySetting() {
        assertEquals(Map.of("scan.stitch.grid", "5.0 nm", "scan.stitch.overlap_rule", "cut",
                        "scan.stitch.match_margin_nm", "25.0", "scan.stitch.gain_clamp", "0.5-2.0",
                        "scan.stitch.min_match_reflectance", "0.02", "scan.stitch.edge_tolerance_um", "2000"),
                StitchSettings.defaults().withUniformStep(5).withOverlap(OverlapRule.CUT).provenance().asMap());
    }

    @Test
    void fromProvenance_readsBackWhatProvenanceWrote_emptyWhenNotStitched() {
        StitchSettings s = StitchSettings.defaults().withUniformStep(5).withOverlap(OverlapRule.CUT);
        assertEquals(java.util.Optional.of(s), StitchSettings.fromProvenance(s.provenance().asMap()));
        assertEquals(java.util.Optional.of(StitchSettings.defaults()),
                StitchSettings.fromProvenance(StitchSettings.defaults().provenance().asMap()));
        assertEquals(java.util.Optional.empty(), StitchSettings.fromProvenance(Map.of("software.version", "x")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StitchSettings.fromProvenance(Map.of("scan.stitch.grid", "native")));
        assertEquals("the scan's stitch provenance (scan.stitch.*) cannot be read back: scan.stitch.gain_clamp is missing",
                e.getMessage());
    }
}
