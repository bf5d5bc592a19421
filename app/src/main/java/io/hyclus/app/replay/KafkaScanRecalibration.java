package io.hyclus.app.replay;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.calibration.RadiometricCalibration;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.acquisition.sync.ScanReport;
import io.hyclus.app.AppException;
import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.RawFrame;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scan recorded on Kafka recalibrated into a sink exactly as the scanner published it: its start event (with the
 * replay named in its provenance), each camera's {@link RadiometricCalibration} from its recorded dark and white frames
 * and the calibration settings its provenance records, every line calibrated in order, its recorded completion.
 */
public final class KafkaScanRecalibration {
    /** Provenance of a replayed scan: where it was replayed from. */
    public static final ProvenanceKey REPLAYED_FROM = ProvenanceKeys.SCAN.child("replayed_from");
    /** Provenance of a replayed scan: the replay's id (its topics and output). */
    public static final ProvenanceKey REPLAY_ID = ProvenanceKeys.SCAN.child("replay_id");

    private KafkaScanRecalibration() {
    }

    /**
     * @param base settings for what a scan's provenance does not record (hot, noisy and range thresholds, bad-element
     *             share); the panel reflectance, minimum response and reference frame count are the scan's own
     */
    public static ScanReport replay(RawScanReader reader, RecordedScan scan, CalibrationSettings base, String replayId,
                                    String source, ScanEventSink sink) {
        ScanStarted s = scan.started();
        Map<String, String> prov = new LinkedHashMap<>(s.provenance());
        prov.put(REPLAYED_FROM.name(), source);
        prov.put(REPLAY_ID.name(), replayId);
        ScanStarted started = new ScanStarted(s.scanId(), s.tray(), s.cameras(), s.startedAt(), prov);
        sink.publish(started);
        Map<String, RadiometricCalibration> cal = new HashMap<>();
        reader.frames(scan, new RawScanReader.FrameVisitor() {
            @Override
            public void references(String cameraId, SensorKind kind, List<RawFrame> dark, List<RawFrame> white) {
                cal.put(cameraId, RadiometricCalibration.fromReferences(dark, white,
                        settings(s, cameraId, dark.size(), base)));
            }

            @Override
            public void line(String cameraId, long index, RawFrame frame) {
                RadiometricCalibration c = cal.get(cameraId);
                if (c == null) {
                    throw new AppException("scan " + s.scanId() + ": line " + index + " of camera " + cameraId
                            + ", a camera its start event does not list");
                }
                sink.publish(c.apply(frame, s.scanId(), index));
            }
        });
        sink.publish(scan.completed());
        sink.flush();
        long lines = scan.completed().linesPublished().values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new ScanReport(s.scanId(), lines, scan.completed().degradations());
    }

    /**
     * The settings camera {@code cameraId} was calibrated with: {@code base} with the reference frame count found and
     * the panel reflectance and minimum response the scan's provenance records for it.
     */
    static CalibrationSettings settings(ScanStarted s, String cameraId, int frames, CalibrationSettings base) {
        ProvenanceKey cam = ProvenanceKeys.CALIBRATION.child(cameraId);
        double panel = number(s, RadiometricCalibration.PANEL_REFLECTANCE.under(cam)).orElse(base.panelReflectance());
        double minResponse = number(s, RadiometricCalibration.MIN_RESPONSE_DN.under(cam)).orElse(base.minResponseDn());
        return new CalibrationSettings(frames, panel, minResponse, base.maxBadElementFraction(), base.hotAboveDn(),
                base.noisyFactor(), base.minValidReflectance(), base.maxValidReflectance());
    }

    private static Optional<Double> number(ScanStarted s, ProvenanceKey key) {
        String v = s.provenance().get(key.name());
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            throw new AppException("scan " + s.scanId() + ": provenance " + key.name() + " is not a number: '" + v + "'",
                    e);
        }
    }
}
