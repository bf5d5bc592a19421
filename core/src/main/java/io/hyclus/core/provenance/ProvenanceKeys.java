package io.hyclus.core.provenance;

/**
 * The top-level sections of HyClus provenance and the keys every output shares. Each module declares its own leaf
 * keys beside the code that sets them, below one of these sections (e.g. acquisition's calibration keys below
 * {@link #CALIBRATION}), so one scheme covers everything: {@code section[.id].leaf}.
 */
public final class ProvenanceKeys {
    /** HyClus version that produced the output. */
    public static final ProvenanceKey SOFTWARE_VERSION = ProvenanceKey.of("software.version");
    /** Acquisition of a scan: line pitch, belt speed, cameras and their settings. */
    public static final ProvenanceKey SCAN = ProvenanceKey.of("scan");
    /** Radiometric calibration, one child per camera id. */
    public static final ProvenanceKey CALIBRATION = ProvenanceKey.of("calibration");
    /** The simulator, when the data is simulated: seed, spectral library, mixtures. */
    public static final ProvenanceKey SIMULATOR = ProvenanceKey.of("simulator");
    /** Streaming segmentation: settings, Kafka origin, lines received. */
    public static final ProvenanceKey SEGMENTATION = ProvenanceKey.of("segmentation");

    private ProvenanceKeys() {
    }
}
