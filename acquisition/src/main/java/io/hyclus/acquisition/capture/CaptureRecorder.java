package io.hyclus.acquisition.capture;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.acquisition.sync.RawFrameTap;
import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.envi.EnviByteOrder;
import io.hyclus.envi.EnviDataType;
import io.hyclus.envi.EnviHeader;
import io.hyclus.envi.EnviWriter;
import io.hyclus.envi.Interleave;
import io.hyclus.envi.SpecimCaptureWriter;
import io.hyclus.hardware.camera.RawFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps a scan as one Specim-style capture per camera while passing its events on: {@code DIR/<cameraId>/capture/
 * <scanId>_<cameraId>.hdr|.raw} (raw counts, uint16, BIL, little-endian, as Specim cameras record) with
 * {@code DARKREF_} and {@code WHITEREF_} beside it, headers carrying wavelengths, fwhm and the {@link CaptureKeys}.
 * Everything is written into temporary folders; {@link #commit()} (after the scan succeeded) moves them into place,
 * {@link #close()} without a commit deletes them, so a failed scan leaves no half capture.
 */
public final class CaptureRecorder implements ScanEventSink, RawFrameTap, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureRecorder.class);

    private final Path dir;
    private final ScanEventSink delegate;
    private final double panelReflectance;
    private final Map<String, References> references = new LinkedHashMap<>();
    private final Map<String, Camera> cameras = new LinkedHashMap<>();
    private ScanStarted started;
    private ScanCompleted completed;

    private record References(CaptureCamera camera, List<RawFrame> dark, List<RawFrame> white) {
    }

    /** One camera's capture being written. */
    private static final class Camera {
        final CaptureCamera rig;
        final SpecimCaptureWriter writer;
        final EnviWriter data;
        final EnviHeader header;
        final List<Long> lineIndex = new ArrayList<>();
        final List<Long> encoder = new ArrayList<>();
        final float[] line;

        Camera(CaptureCamera rig, SpecimCaptureWriter writer, EnviWriter data, EnviHeader header) {
            this.rig = rig;
            this.writer = writer;
            this.data = data;
            this.header = header;
            this.line = new float[header.samples() * header.bands()];
        }
    }

    /**
     * @param dir              captures go below it, one folder per camera; it must not hold them already
     * @param delegate         where the scan's events go on to
     * @param panelReflectance the white panel's reflectance, recorded so a replay calibrates the same way
     */
    public CaptureRecorder(Path dir, ScanEventSink delegate, double panelReflectance) {
        this.dir = dir;
        this.delegate = delegate;
        this.panelReflectance = panelReflectance;
    }

    @Override
    public void references(RigCamera camera, List<RawFrame> dark, List<RawFrame> white) {
        references(CaptureCamera.of(camera), dark, white);
    }

    /** A camera's dark and white reference frames, before the scan's start event. */
    public void references(CaptureCamera camera, List<RawFrame> dark, List<RawFrame> white) {
        references.put(camera.sensor().id(), new References(camera, List.copyOf(dark), List.copyOf(white)));
    }

    @Override
    public void publish(ScanEvent event) {
        if (event instanceof ScanStarted s) {
            start(s);
        } else if (event instanceof ScanCompleted c) {
            completed = c;
        }
        delegate.publish(event);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void frame(RigCamera camera, long line, RawFrame frame) {
        frame(camera.sensor().id(), line, frame);
    }

    /** Line {@code line} of camera {@code cameraId}, after the scan's start event. */
    public void frame(String cameraId, long line, RawFrame frame) {
        Camera c = cameras.get(cameraId);
        if (c == null) {
            throw new AcquisitionException("capture of camera " + cameraId + " got line " + line
                    + " before the scan started");
        }
        for (int i = 0; i < c.line.length; i++) {
            c.line[i] = frame.countAt(i);
        }
        c.data.writeLine(c.line);
        c.lineIndex.add(line);
        c.encoder.add(frame.encoderMicrons());
    }

    private void start(ScanStarted s) {
        started = s;
        for (References r : references.values()) {
            String id = r.camera.sensor().id();
            SpecimCaptureWriter w = SpecimCaptureWriter.create(dir.resolve(id), s.scanId() + "_" + id);
            try {
                EnviHeader base = header(r.camera, s);
                write(w.dark(base.withDescription("HyClus dark reference (shutter closed), scan " + s.scanId() + ", camera "
                        + id)), r.dark);
                write(w.white(base.withDescription("HyClus white reference, scan " + s.scanId() + ", camera " + id)),
                        r.white);
                cameras.put(id, new Camera(r.camera, w, w.data(base), base));
            } catch (RuntimeException e) {
                w.close();
                throw e;
            }
        }
    }

    private EnviHeader header(CaptureCamera c, ScanStarted s) {
        WavelengthGrid grid = c.sensor().grid();
        int bands = grid.bands();
        return EnviHeader.of(c.sensor().pixels(), 0, bands, EnviDataType.UINT16, Interleave.BIL,
                        EnviByteOrder.LITTLE_ENDIAN)
                .withWavelengths(grid.centresNm(), grid.fwhmNm())
                .withDefaultBands(Math.max(1, bands * 3 / 4), Math.max(1, bands / 2), Math.max(1, bands / 4))
                .withDescription("HyClus capture of scan " + s.scanId() + ", camera " + c.sensor().id())
                .withField("sensor type", c.sensorType())
                .withField("tint", String.format(Locale.ROOT, "%.3f", c.integrationMicros() / 1000.0))
                .withField("fps", Double.toString(c.frameRateHz()))
                .withField(CaptureKeys.FORMAT, CaptureKeys.FORMAT_VERSION)
                .withField(CaptureKeys.SCAN_ID, s.scanId())
                .withField(CaptureKeys.CAMERA_ID, c.sensor().id())
                .withField(CaptureKeys.SENSOR_KIND, c.sensor().kind().name())
                .withField(CaptureKeys.TRAY_ID, s.tray().trayId())
                .withField(CaptureKeys.FRAME_RATE_HZ, Double.toString(c.frameRateHz()))
                .withField(CaptureKeys.INTEGRATION_US, Integer.toString(c.integrationMicros()))
                .withField(CaptureKeys.PANEL_REFLECTANCE, Double.toString(panelReflectance))
                .withField(CaptureKeys.SCAN_STARTED, base64(ScanEventCodec.encode(s)));
    }

    private static void write(EnviWriter w, List<RawFrame> frames) {
        float[] line = new float[frames.get(0).pixels() * frames.get(0).bands()];
        for (RawFrame f : frames) {
            for (int i = 0; i < line.length; i++) {
                line[i] = f.countAt(i);
            }
            w.writeLine(line);
        }
        w.close();
    }

    /** Finishes every camera's capture (headers with lines, encoder positions, completion) and moves it into place. */
    public List<Path> commit() {
        if (started == null || completed == null) {
            throw new AcquisitionException("capture in " + dir + " cannot be kept: the scan "
                    + (started == null ? "never started" : started.scanId() + " never completed"));
        }
        // every camera's files are finished first, so a failure there keeps none; then the renames
        for (Camera c : cameras.values()) {
            c.data.close(c.header
                    .withField(CaptureKeys.LINE_INDEX, join(c.lineIndex))
                    .withField(CaptureKeys.ENCODER_UM, join(c.encoder))
                    .withField(CaptureKeys.SCAN_COMPLETED, base64(ScanEventCodec.encode(completed))));
        }
        List<Path> out = new ArrayList<>();
        for (Camera c : cameras.values()) {
            out.add(c.writer.commit().dataHeader());
            LOG.info("Kept scan {} of camera {} as ENVI capture {} ({} lines)", started.scanId(), c.rig.sensor().id(),
                    out.get(out.size() - 1), c.lineIndex.size());
        }
        return out;
    }

    private static String join(List<Long> v) {
        return v.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    /** Deletes every capture not committed. */
    @Override
    public void close() {
        for (Camera c : cameras.values()) {
            c.writer.close();
        }
    }
}
