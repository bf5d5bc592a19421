package io.hyclus.core.provenance;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProvenanceTest {
    @Test
    void key_badSegment_namesKeyAndSegment() {
        var e = assertThrows(IllegalArgumentException.class, () -> ProvenanceKey.of("scan..pitch"));
        assertEquals("provenance key 'scan..pitch': segment 2 ('') must start with a letter or digit and hold only"
                + " letters, digits, _, - and +", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProvenanceKeys.CALIBRATION.child("VNIR 1"));
        assertThrows(IllegalArgumentException.class, () -> ProvenanceKeys.CALIBRATION.child("a.b"));
    }

    @Test
    void builder_sortsByKey_putsUnderPrefix() {
        Provenance cal = Provenance.builder().put(ProvenanceKey.of("white_frames"), 10).put(ProvenanceKey.of("dark_frames"), 8)
                .build();
        Provenance p = Provenance.builder().put(ProvenanceKeys.SOFTWARE_VERSION, "0.1")
                .putAll(ProvenanceKeys.CALIBRATION.child("VNIR-1"), cal).put(ProvenanceKeys.SCAN.child("line_pitch_um"), 1000)
                .build();
        assertEquals(List.of("calibration.VNIR-1.dark_frames", "calibration.VNIR-1.white_frames", "scan.line_pitch_um",
                "software.version"), List.copyOf(p.asMap().keySet()));
        assertEquals("8", p.get(ProvenanceKey.of("calibration.VNIR-1.dark_frames")).orElseThrow());
    }

    @Test
    void builder_sameKeyTwiceWithAnotherValue_throws() {
        var b = Provenance.builder().put(ProvenanceKeys.SOFTWARE_VERSION, "0.1").put(ProvenanceKeys.SOFTWARE_VERSION, "0.1");
        var e = assertThrows(IllegalArgumentException.class, () -> b.put(ProvenanceKeys.SOFTWARE_VERSION, "0.2"));
        assertEquals("provenance software.version set twice: '0.1', then '0.2'", e.getMessage());
    }

    @Test
    void fromMap_roundTripsAndChecksKeys() {
        Provenance p = Provenance.fromMap(Map.of("simulator.seed", "42", "scan.belt_speed_mm_s", "25.0"));
        assertEquals(p, Provenance.fromMap(p.asMap()));
        assertThrows(IllegalArgumentException.class, () -> Provenance.fromMap(Map.of("bad key", "x")));
    }
}
