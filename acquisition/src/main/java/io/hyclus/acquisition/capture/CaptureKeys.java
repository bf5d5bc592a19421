package io.hyclus.acquisition.capture;

import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.provenance.ProvenanceKeys;

/**
 * The ENVI header fields HyClus adds to a capture's scan header so it can be replayed, and the provenance keys a
 * replay adds. One home for these names.
 */
public final class CaptureKeys {
    /** Version of HyClus's capture keys. */
    public static final String FORMAT = "hyclus capture format";
    public static final String FORMAT_VERSION = "hyclus-envi-capture/1";
    public static final String SCAN_ID = "hyclus scan id";
    public static final String CAMERA_ID = "hyclus camera id";
    public static final String SENSOR_KIND = "hyclus sensor kind";
    public static final String TRAY_ID = "hyclus tray id";
    /** The scan's start event (tray layout, every camera's sensor and geometry, provenance), base64 of its codec. */
    public static final String SCAN_STARTED = "hyclus scan started";
    /** The scan's completion event (lines, degradations), base64 of its codec. */
    public static final String SCAN_COMPLETED = "hyclus scan completed";
    /** Per raster line: the scan's line index. */
    public static final String LINE_INDEX = "hyclus line index";
    /** Per raster line: the encoder position that triggered it, µm. */
    public static final String ENCODER_UM = "hyclus encoder um";
    public static final String FRAME_RATE_HZ = "hyclus frame rate hz";
    public static final String INTEGRATION_US = "hyclus integration us";
    public static final String PANEL_REFLECTANCE = "hyclus panel reflectance";

    /** Provenance of a replayed scan: the capture folder's name it came from (never a full path). */
    public static final ProvenanceKey REPLAYED_FROM = ProvenanceKeys.SCAN.child("replayed_from_capture");

    private CaptureKeys() {
    }
}
