package io.hyclus.acquisition.capture;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.calibration.RadiometricCalibration;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.acquisition.sync.ScanReport;
import io.hyclus.core.HyclusVersion;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.envi.EnviReader;
import io.hyclus.envi.SpecimCapture;
import io.hyclus.hardware.camera.RawFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Feeds recorded captures through the scan path: each camera's dark and white references become its
 * {@link RadiometricCalibration}, each raster line a raw frame calibrated into a scanline, between a start and a
 * completion event, exactly as a live scan publishes them. A HyClus capture replays its own start event (tray, cameras,
 * provenance) and completion (degradations); another program's capture needs a {@link ThirdPartyLayout}.
 */
public final class CaptureReplay {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureReplay.class);

    private CaptureReplay() {
    }

    /** The captures below {@code dir}: {@code dir} itself if it holds {@code capture/}, else each sub-folder that does. */
    public static List<SpecimCapture> locate(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new AcquisitionException("capture folder " + dir + " does not exist");
        }
        if (Files.isDirectory(dir.resolve(SpecimCapture.CAPTURE))) {
            return List.of(SpecimCapture.locate(dir));
        }
        try (Stream<Path> sub = Files.list(dir)) {
            List<SpecimCapture> out = sub.filter(p -> Files.isDirectory(p.resolve(SpecimCapture.CAPTURE))).sorted()
                    .map(SpecimCapture::locate).toList();
            if (out.isEmpty()) {
                throw new AcquisitionException("no capture in " + dir + ": expected " + dir + "/capture/ or "
                        + dir + "/<camera>/capture/ (Specim layout)");
            }
            return out;
        } catch (IOException e) {
            throw new AcquisitionException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sees the raw frames a replay calibrates, as a scan's {@code RawFrameTap} does: each camera's references before the
     * start event, then each line before its scanline is published (to keep them, e.g. on {@code hyclus.raw-frames}).
     */
    public interface FrameTap {
        FrameTap NONE = new FrameTap() {
            @Override
            public void references(String cameraId, List<RawFrame> dark, List<RawFrame> white) {
            }

            @Override
            public void frame(String cameraId, long line, RawFrame frame) {
            }
        };

        void references(String cameraId, List<RawFrame> dark, List<RawFrame> white);

        void frame(String cameraId, long line, RawFrame frame);
    }

    /** Replays every capture in {@code dir} (see {@link #locate}) into {@code sink}. */
    public static ScanReport replay(Path dir, Optional<ThirdPartyLayout> layout, CalibrationSettings settings,
                                    ScanEventSink sink, InstantSource clock) {
        return replay(dir, layout, settings, sink, FrameTap.NONE, clock);
    }

    /** Like {@link #replay(Path, Optional, CalibrationSettings, ScanEventSink, InstantSource)}, showing {@code tap} the raw frames. */
    public static ScanReport replay(Path dir, Optional<ThirdPartyLayout> layout, CalibrationSettings settings,
                                    ScanEventSink sink, FrameTap tap, InstantSource clock) {
        List<CameraCapture> cams = new ArrayList<>();
        try {
            for (SpecimCapture c : locate(dir)) {
                cams.add(CameraCapture.open(c, layout));
            }
            return replay(dir, cams, layout, settings, sink, tap, clock);
        } finally {
            cams.forEach(CameraCapture::close);
        }
    }

    private static ScanReport replay(Path dir, List<CameraCapture> cams, Optional<ThirdPartyLayout> layout,
                                     CalibrationSettings settings, ScanEventSink sink, FrameTap tap,
                                     InstantSource clock) {
        Optional<ScanStarted> recorded = cams.get(0).started();
        for (CameraCapture c : cams) {
            if (!c.started().map(ScanStarted::scanId).equals(recorded.map(ScanStarted::scanId))) {
                throw new AcquisitionException("captures in " + dir + " belong to different scans: "
                        + cams.get(0).capture().dataHeader() + " and " + c.capture().dataHeader());
            }
        }
        Instant start = recorded.map(ScanStarted::startedAt).orElse(clock.instant());
        Map<SensorKind, RadiometricCalibration> cal = new EnumMap<>(SensorKind.class);
        List<String> notes = new ArrayList<>();
        for (CameraCapture c : cams) {
            SensorKind kind = c.setup().sensor().kind();
            if (cal.containsKey(kind)) {
                throw new AcquisitionException("captures in " + dir + " hold two " + kind + " cameras");
            }
            double panel = c.header().field(CaptureKeys.PANEL_REFLECTANCE).map(Double::parseDouble)
                    .orElse(settings.panelReflectance());
            CalibrationSettings s = new CalibrationSettings(settings.referenceFrames(), panel, settings.minResponseDn(),
                    settings.maxBadElementFraction());
            try (EnviReader dark = c.capture().openDark(); EnviReader white = c.capture().openWhite()) {
                List<RawFrame> darkFrames = c.referenceFrames(dark, start);
                List<RawFrame> whiteFrames = c.referenceFrames(white, start);
                RadiometricCalibration rc = RadiometricCalibration.fromReferences(darkFrames, whiteFrames, s);
                tap.references(c.setup().sensor().id(), darkFrames, whiteFrames);
                cal.put(kind, rc);
                notes.addAll(rc.degradations());
            }
        }
        ScanStarted started = recorded.map(s -> withReplayProvenance(s, dir))
                .orElseGet(() -> thirdPartyStart(dir, cams, layout.orElseThrow(), cal, start));
        sink.publish(started);
        Map<SensorKind, Long> published = new EnumMap<>(SensorKind.class);
        long maxLines = cams.stream().mapToLong(CameraCapture::lines).max().orElse(0);
        for (int i = 0; i < maxLines; i++) {
            for (CameraCapture c : cams) {
                if (i < c.lines()) {
                    SensorKind kind = c.setup().sensor().kind();
                    RawFrame f = c.frame(i, start);
                    tap.frame(c.setup().sensor().id(), c.lineIndex(i), f);
                    sink.publish(cal.get(kind).apply(f, started.scanId(), c.lineIndex(i)));
                    published.merge(kind, 1L, Long::sum);
                }
            }
        }
        Optional<ScanCompleted> done = cams.get(0).completed();
        List<String> degradations = done.map(ScanCompleted::degradations).orElse(notes);
        sink.publish(new ScanCompleted(started.scanId(), published,
                done.map(ScanCompleted::completedAt).orElse(clock.instant()), degradations));
        sink.flush();
        LOG.info("Replayed scan {} from {}: {} lines", started.scanId(), dir, published);
        return new ScanReport(started.scanId(), maxLines, degradations);
    }

    private static ScanStarted withReplayProvenance(ScanStarted s, Path dir) {
        Map<String, String> p = new LinkedHashMap<>(s.provenance());
        p.put(CaptureKeys.REPLAYED_FROM.name(), dir.toAbsolutePath().normalize().getFileName().toString());
        return new ScanStarted(s.scanId(), s.tray(), s.cameras(), s.startedAt(), p);
    }

    private static ScanStarted thirdPartyStart(Path dir, List<CameraCapture> cams, ThirdPartyLayout layout,
                                               Map<SensorKind, RadiometricCalibration> cal, Instant start) {
        Provenance.Builder b = Provenance.builder().put(ProvenanceKeys.SOFTWARE_VERSION, HyclusVersion.get())
                .put(CaptureKeys.REPLAYED_FROM, dir.toAbsolutePath().normalize().getFileName().toString());
        List<CameraSetup> setups = new ArrayList<>();
        for (CameraCapture c : cams) {
            setups.add(c.setup());
            b.putAll(ProvenanceKeys.CALIBRATION.child(c.setup().sensor().id()), cal.get(c.setup().sensor().kind())
                    .provenance());
        }
        String scanId = (layout.tray().trayId() + "-" + cams.get(0).capture().name()).replaceAll("[^A-Za-z0-9._-]", "_");
        return new ScanStarted(scanId.length() > 128 ? scanId.substring(0, 128) : scanId, layout.tray(), setups, start,
                b.build().asMap());
    }
}
