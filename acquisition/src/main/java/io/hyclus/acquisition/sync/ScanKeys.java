package io.hyclus.acquisition.sync;

import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.provenance.ProvenanceKeys;

/** The provenance keys a scan sets, all below {@link ProvenanceKeys#SCAN}; calibration goes below {@link ProvenanceKeys#CALIBRATION}. */
public final class ScanKeys {
    /** Belt travel between lines, µm (belt speed / frame rate). */
    public static final ProvenanceKey LINE_PITCH_UM = ProvenanceKeys.SCAN.child("line_pitch_um");
    /** Belt speed while lines are taken, mm/s. */
    public static final ProvenanceKey BELT_SPEED_MM_S = ProvenanceKeys.SCAN.child("belt_speed_mm_s");
    /** One child per camera id: the camera's identity and the settings it scanned with. */
    public static final ProvenanceKey CAMERA = ProvenanceKeys.SCAN.child("camera");

    private ScanKeys() {
    }
}
