package io.hyclus.acquisition.scan;

import io.hyclus.acquisition.calibration.RadiometricCalibration;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.hardware.camera.RawFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scans one tray with one camera: a dark reference with the shutter closed, a white reference over the
 * white strip ahead of the tray, then one line every {@code linePitchMm} from the tray's leading edge to
 * its end, each calibrated and published between a {@link ScanStarted} and a {@link ScanCompleted}.
 */
public final class TrayScanner {
    private static final Logger LOG = LoggerFactory.getLogger(TrayScanner.class);

    private final ScanSettings settings;
    private final InstantSource clock;

    public TrayScanner(ScanSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param whiteReferenceYmm tray y (mm, negative: ahead of the tray) of the white reference strip's middle
     * @param provenance        facts every output of this scan records (software version, seeds...)
     */
    public ScanReport scan(String scanId, TrayLayout tray, ScanCamera camera, double whiteReferenceYmm,
                           Map<String, String> provenance, ScanEventSink sink) {
        RadiometricCalibration cal = calibrate(camera, whiteReferenceYmm);
        LOG.info("Scan {}: references taken for {} ({} x {})", scanId, camera.sensor().id(), cal.pixels(), cal.bands());
        Map<String, String> prov = new LinkedHashMap<>(provenance);
        prov.putAll(cal.provenance());
        prov.put("scan.line_pitch_mm", String.valueOf(settings.linePitchMm()));
        sink.publish(new ScanStarted(scanId, tray, List.of(camera.setup()), clock.instant(), prov));
        long lines = (long) Math.floor(tray.lengthMm() / settings.linePitchMm());
        long saturated = 0;
        long saturatedLines = 0;
        for (long line = 0; line < lines; line++) {
            double yMm = (line + 0.5) * settings.linePitchMm();
            RawFrame raw = camera.frames().trigger(camera.geometry().encoderMicronsAt(yMm));
            int sat = saturatedCount(raw);
            saturated += sat;
            saturatedLines += sat > 0 ? 1 : 0;
            sink.publish(cal.apply(raw, scanId, line));
        }
        List<String> degradations = new ArrayList<>(cal.degradations());
        if (saturated > 0) {
            degradations.add(camera.sensor().id() + ": " + saturated + " saturated values (4095 DN) in " + saturatedLines
                    + " of " + lines + " lines; their reflectance is a lower bound");
        }
        sink.publish(new ScanCompleted(scanId, Map.of(camera.sensor().kind(), lines), clock.instant(), degradations));
        sink.flush();
        LOG.info("Scan {}: {} lines published", scanId, lines);
        return new ScanReport(scanId, lines, degradations);
    }

    private RadiometricCalibration calibrate(ScanCamera camera, double whiteReferenceYmm) {
        int n = settings.calibration().referenceFrames();
        long whiteAt = camera.geometry().encoderMicronsAt(whiteReferenceYmm);
        List<RawFrame> dark = new ArrayList<>(n);
        List<RawFrame> white = new ArrayList<>(n);
        camera.shutter().setShutterOpen(false);
        try {
            for (int i = 0; i < n; i++) {
                dark.add(camera.frames().trigger(whiteAt));
            }
        } finally {
            camera.shutter().setShutterOpen(true);
        }
        for (int i = 0; i < n; i++) {
            white.add(camera.frames().trigger(whiteAt));
        }
        return RadiometricCalibration.fromReferences(dark, white, settings.calibration());
    }

    private static int saturatedCount(RawFrame raw) {
        int n = 0;
        int size = raw.pixels() * raw.bands();
        for (int i = 0; i < size; i++) {
            if (raw.countAt(i) >= RawFrame.MAX_COUNT) {
                n++;
            }
        }
        return n;
    }
}
