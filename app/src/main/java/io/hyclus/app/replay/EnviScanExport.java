package io.hyclus.app.replay;

import io.hyclus.acquisition.capture.CaptureCamera;
import io.hyclus.acquisition.capture.CaptureRecorder;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.acquisition.sync.ScanKeys;
import io.hyclus.app.AppException;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.RawFrame;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scan recorded on Kafka written as the ENVI captures {@code hyclus scan --save-envi} would have kept
 * ({@link CaptureRecorder}: {@code DIR/<cameraId>/capture/<scanId>_<cameraId>.hdr|.raw} with {@code DARKREF_} and
 * {@code WHITEREF_}), so {@code hyclus scan --from-envi DIR} or {@code hyclus replay --from-envi DIR} replays it, and
 * other software (Spectral Python, ENVI) opens it.
 */
public final class EnviScanExport {
    private static final Pattern MODEL = Pattern.compile("model=([^,\\]]+)");
    private static final Pattern SERIAL = Pattern.compile("serialNumber=([^,\\]]+)");
    private static final Pattern INTEGRATION = Pattern.compile("integrationMicros=(\\d+)");
    private static final Pattern FRAME_RATE = Pattern.compile("frameRateHz=([0-9.Ee+-]+)");

    private EnviScanExport() {
    }

    /** Writes {@code scan} below {@code dir} (which must not hold its captures yet); returns each camera's header. */
    public static List<Path> export(RawScanReader reader, RecordedScan scan, Path dir) {
        ScanStarted s = scan.started();
        Map<String, CaptureCamera> cameras = new LinkedHashMap<>();
        for (CameraSetup c : s.cameras()) {
            cameras.put(c.sensor().id(), camera(s, c));
        }
        String first = s.cameras().get(0).sensor().id();
        double panel = KafkaScanRecalibration.settings(s, first, 1,
                io.hyclus.acquisition.calibration.CalibrationSettings.defaults()).panelReflectance();
        ScanEventSink nowhere = new ScanEventSink() {
            @Override
            public void publish(ScanEvent event) {
            }

            @Override
            public void flush() {
            }
        };
        try (CaptureRecorder recorder = new CaptureRecorder(dir, nowhere, panel)) {
            boolean[] started = {false};
            reader.frames(scan, new RawScanReader.FrameVisitor() {
                @Override
                public void references(String cameraId, SensorKind kind, List<RawFrame> dark, List<RawFrame> white) {
                    CaptureCamera c = cameras.get(cameraId);
                    if (c == null) {
                        throw new AppException("scan " + s.scanId() + ": reference frames of camera " + cameraId
                                + ", which its start event does not list");
                    }
                    recorder.references(c, dark, white);
                }

                @Override
                public void line(String cameraId, long index, RawFrame frame) {
                    if (!started[0]) {
                        recorder.publish(s);
                        started[0] = true;
                    }
                    recorder.frame(cameraId, index, frame);
                }
            });
            if (!started[0]) {
                recorder.publish(s);
            }
            recorder.publish(scan.completed());
            return recorder.commit();
        }
    }

    /**
     * The camera as the scan's provenance records it ({@code scan.camera.<id>}: its identity and settings); its
     * panel reflectance from {@code calibration.<id>.panel_reflectance}.
     */
    static CaptureCamera camera(ScanStarted s, CameraSetup c) {
        String id = c.sensor().id();
        String key = ScanKeys.CAMERA.child(id).name();
        String v = s.provenance().get(key);
        if (v == null) {
            throw new AppException("scan " + s.scanId() + " cannot be exported: its provenance has no '" + key
                    + "' (the camera's identity and settings)");
        }
        String sensorType = find(MODEL, v, s, key) + " " + find(SERIAL, v, s, key);
        int integration = Integer.parseInt(find(INTEGRATION, v, s, key));
        double fps = Double.parseDouble(find(FRAME_RATE, v, s, key));
        return new CaptureCamera(c.sensor(), sensorType, integration, fps);
    }

    private static String find(Pattern p, String value, ScanStarted s, String key) {
        Matcher m = p.matcher(value);
        if (!m.find()) {
            throw new AppException("scan " + s.scanId() + " cannot be exported: provenance '" + key + "' = '" + value
                    + "' does not name " + p.pattern().replace("=(", " (").replaceAll("\\(.*", ""));
        }
        return m.group(1).trim();
    }
}
