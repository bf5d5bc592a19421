package io.hyclus.streaming.segment;

import io.hyclus.core.HyclusVersion;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.SensorKind;

import java.time.Instant;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The provenance keys the segmentation sets, declared once, and the provenance of a container built from them: the
 * scan's own provenance (from its {@link ScanStarted}) plus what the segmentation adds.
 */
public final class SegmentationProvenance {
    /** Pixels closer than this to a region's edge were left out, mm. */
    public static final ProvenanceKey EDGE_MARGIN_MM = ProvenanceKeys.SEGMENTATION.child("edge_margin_mm");
    /** The material mask's rule ({@code MaterialRule#describe}), stored per spectrum as {@code /<camera>/material}. */
    public static final ProvenanceKey MATERIAL_RULE = ProvenanceKeys.SEGMENTATION.child("material_rule");
    /** Where the scan's start was read: {@code topic/partition@offset}. */
    public static final ProvenanceKey SCAN_STARTED_AT = ProvenanceKeys.SEGMENTATION.child("scan_started_at");
    /** Where the scan's completion was read: {@code topic/partition@offset}. */
    public static final ProvenanceKey SCAN_COMPLETED_AT = ProvenanceKeys.SEGMENTATION.child("scan_completed_at");
    /** When the container was written, ISO-8601 UTC. */
    public static final ProvenanceKey WRITTEN_UTC = ProvenanceKeys.SEGMENTATION.child("written_utc");
    /** Parent of one key per camera ({@link #linesReceived}): {@code "<received> of <published> published"}. */
    public static final ProvenanceKey LINES_RECEIVED = ProvenanceKeys.SEGMENTATION.child("lines_received");
    /**
     * The segmenter's HyClus version, set only when it differs from the scan's {@link ProvenanceKeys#SOFTWARE_VERSION}
     * (acquisition and segmentation run as different builds) or the scan did not record one.
     */
    public static final ProvenanceKey SOFTWARE_VERSION = ProvenanceKeys.SEGMENTATION.child("software_version");
    /** When the scan started, from its {@link ScanStarted}, ISO-8601 UTC. */
    public static final ProvenanceKey SCAN_STARTED_UTC = ProvenanceKeys.SCAN.child("started_utc");
    /** When the scan completed, from its {@link ScanCompleted}, ISO-8601 UTC. */
    public static final ProvenanceKey SCAN_COMPLETED_UTC = ProvenanceKeys.SCAN.child("completed_utc");
    /** Parent of the scan's degradations, numbered from 1 ({@link #degradation}). */
    public static final ProvenanceKey SCAN_DEGRADATION = ProvenanceKeys.SCAN.child("degradation");

    private SegmentationProvenance() {
    }

    /** {@code segmentation.lines_received.vnir}. */
    public static ProvenanceKey linesReceived(SensorKind camera) {
        return LINES_RECEIVED.child(camera.name().toLowerCase(Locale.ROOT));
    }

    /** {@code scan.degradation.<number>}, numbered from 1. */
    public static ProvenanceKey degradation(int number) {
        return SCAN_DEGRADATION.child(Integer.toString(number));
    }

    /** The scan's provenance as carried by its start; throws {@link IllegalArgumentException} on a key off the scheme. */
    static Provenance ofScan(ScanStarted start) {
        return Provenance.fromMap(start.provenance());
    }

    /**
     * The container provenance of a completed scan.
     *
     * @param linesReceived lines the segmentation received per camera
     */
    static Provenance of(ScanStarted start, ScanCompleted done, SegmentationSettings settings, String startedAt,
                         String completedAt, Instant writtenAt, ToLongFunction<SensorKind> linesReceived) {
        Provenance scan = ofScan(start);
        Provenance.Builder b = Provenance.builder().putAll(scan)
                .put(EDGE_MARGIN_MM, settings.edgeMarginMm())
                .put(MATERIAL_RULE, settings.materialRule().describe())
                .put(SCAN_STARTED_AT, startedAt)
                .put(SCAN_COMPLETED_AT, completedAt)
                .put(WRITTEN_UTC, writtenAt.toString())
                .put(SCAN_STARTED_UTC, start.startedAt().toString())
                .put(SCAN_COMPLETED_UTC, done.completedAt().toString());
        String ours = HyclusVersion.get();
        if (!scan.get(ProvenanceKeys.SOFTWARE_VERSION).map(ours::equals).orElse(false)) {
            b.put(SOFTWARE_VERSION, ours);
        }
        for (CameraSetup cam : start.cameras()) {
            SensorKind k = cam.sensor().kind();
            Long published = done.linesPublished().get(k);
            b.put(linesReceived(k), linesReceived.applyAsLong(k) + " of " + (published == null ? "?" : published) + " published");
        }
        for (int i = 0; i < done.degradations().size(); i++) {
            b.put(degradation(i + 1), done.degradations().get(i));
        }
        return b.build();
    }
}
