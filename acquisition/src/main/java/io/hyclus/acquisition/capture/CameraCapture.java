package io.hyclus.acquisition.capture;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.envi.EnviHeader;
import io.hyclus.envi.EnviReader;
import io.hyclus.envi.SpecimCapture;
import io.hyclus.hardware.camera.RawFrame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One camera's capture opened for replay: its sensor and geometry (from HyClus's keys, or for other software's captures
 * from the wavelengths and a {@link ThirdPartyLayout}), its reference frames and its lines as raw frames. Bands outside
 * the camera kind's range (a VNIR camera's 397 nm band) are left out, since HyClus's sensors stay within it.
 */
final class CameraCapture implements AutoCloseable {
    private final SpecimCapture capture;
    private final EnviReader data;
    private final EnviHeader header;
    private final CameraSetup setup;
    private final int[] bands;
    private final long[] lineIndex;
    private final long[] encoderMicrons;
    private final double frameRateHz;
    private final float[] line;

    private CameraCapture(SpecimCapture capture, EnviReader data, CameraSetup setup, int[] bands, long[] lineIndex,
                          long[] encoderMicrons, double frameRateHz) {
        this.capture = capture;
        this.data = data;
        this.header = data.header();
        this.setup = setup;
        this.bands = bands;
        this.lineIndex = lineIndex;
        this.encoderMicrons = encoderMicrons;
        this.frameRateHz = frameRateHz;
        this.line = data.newLine();
    }

    static CameraCapture open(SpecimCapture capture, Optional<ThirdPartyLayout> layout) {
        EnviReader data = capture.openData();
        try {
            EnviHeader h = data.header();
            String where = capture.dataHeader().toString();
            if (!h.hasWavelengths()) {
                throw new AcquisitionException("capture " + where + " has no wavelength list: HyClus needs each band's "
                        + "centre to place the spectra");
            }
            if (h.field(CaptureKeys.FORMAT).isPresent()) {
                return hyclus(capture, data, h, where);
            }
            ThirdPartyLayout l = layout.orElseThrow(() -> new AcquisitionException("capture " + where + " was not "
                    + "written by HyClus (no '" + CaptureKeys.FORMAT + "' field): give the tray layout and geometry in a "
                    + "plan file"));
            return thirdParty(capture, data, h, l);
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }

    private static CameraCapture hyclus(SpecimCapture capture, EnviReader data, EnviHeader h, String where) {
        String version = h.field(CaptureKeys.FORMAT).orElseThrow();
        if (!version.equals(CaptureKeys.FORMAT_VERSION)) {
            throw new AcquisitionException("capture " + where + " is " + version + "; this HyClus reads "
                    + CaptureKeys.FORMAT_VERSION);
        }
        ScanStarted started = (ScanStarted) event(h, CaptureKeys.SCAN_STARTED, where);
        SensorKind kind = SensorKind.valueOf(field(h, CaptureKeys.SENSOR_KIND, where));
        CameraSetup setup = started.camera(kind).orElseThrow(() -> new AcquisitionException("capture " + where
                + " is camera " + kind + " but its scan's start event lists no such camera"));
        if (setup.sensor().pixels() != h.samples() || setup.sensor().bands() != h.bands()) {
            throw new AcquisitionException("capture " + where + " is " + h.samples() + " samples x " + h.bands()
                    + " bands but its scan's start event says camera " + kind + " is " + setup.sensor().pixels() + " x "
                    + setup.sensor().bands());
        }
        long[] index = longs(field(h, CaptureKeys.LINE_INDEX, where), CaptureKeys.LINE_INDEX, h.lines(), where);
        long[] enc = longs(field(h, CaptureKeys.ENCODER_UM, where), CaptureKeys.ENCODER_UM, h.lines(), where);
        double fps = Double.parseDouble(field(h, CaptureKeys.FRAME_RATE_HZ, where));
        return new CameraCapture(capture, data, setup, IntStream.range(0, h.bands()).toArray(), index, enc, fps);
    }

    private static CameraCapture thirdParty(SpecimCapture capture, EnviReader data, EnviHeader h, ThirdPartyLayout l) {
        double[] wl = h.wavelengthNm();
        double[] sorted = wl.clone();
        Arrays.sort(sorted);
        SensorKind kind = sorted[sorted.length / 2] < 1000 ? SensorKind.VNIR : SensorKind.SWIR;
        int[] keep = IntStream.range(0, wl.length).filter(b -> kind.covers(wl[b])).toArray();
        if (keep.length < 2) {
            throw new AcquisitionException("capture " + capture.dataHeader() + " has " + keep.length + " bands within "
                    + kind + "'s " + kind.minNm() + "-" + kind.maxNm() + " nm");
        }
        double[] centres = new double[keep.length];
        double[] fwhm = new double[keep.length];
        double[] given = h.fwhmNm();
        for (int i = 0; i < keep.length; i++) {
            centres[i] = wl[keep[i]];
            // without fwhm, the band spacing: touching bands, as a grating imager has
            fwhm[i] = given.length > 0 ? given[keep[i]] : Math.abs(wl[Math.min(keep[i] + 1, wl.length - 1)]
                    - wl[Math.max(keep[i] - 1, 0)]) / (keep[i] == 0 || keep[i] == wl.length - 1 ? 1 : 2);
        }
        Sensor sensor = new Sensor(kind.name().toLowerCase(java.util.Locale.ROOT), kind,
                new WavelengthGrid(centres, fwhm), h.samples());
        CameraSetup setup = new CameraSetup(sensor, new AcrossTrackGeometry(l.firstPixelCentreMm(), l.pixelPitchMm(), 0));
        long n = h.lines();
        long[] index = new long[(int) n];
        long[] enc = new long[(int) n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
            enc[i] = Math.round((i + 0.5) * l.linePitchMm() * 1000);
        }
        double fps = h.field("fps").map(Double::parseDouble).orElse(1.0);
        return new CameraCapture(capture, data, setup, keep, index, enc, fps);
    }

    static ScanEvent event(EnviHeader h, String key, String where) {
        try {
            return ScanEventCodec.decode(Base64.getDecoder().decode(field(h, key, where)), where + " '" + key + "'");
        } catch (IllegalArgumentException e) {
            throw new AcquisitionException("capture " + where + ": '" + key + "' is not a HyClus event: "
                    + e.getMessage(), e);
        }
    }

    static String field(EnviHeader h, String key, String where) {
        return h.field(key).orElseThrow(() -> new AcquisitionException("capture " + where + " lacks the field '" + key
                + "'"));
    }

    private static long[] longs(String v, String key, long lines, String where) {
        String[] parts = v.isBlank() ? new String[0] : v.split("\\s*,\\s*");
        if (parts.length != lines) {
            throw new AcquisitionException("capture " + where + ": '" + key + "' lists " + parts.length
                    + " values for " + lines + " lines");
        }
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i].trim());
        }
        return out;
    }

    SpecimCapture capture() {
        return capture;
    }

    EnviHeader header() {
        return header;
    }

    CameraSetup setup() {
        return setup;
    }

    long lines() {
        return header.lines();
    }

    long lineIndex(int rasterLine) {
        return lineIndex[rasterLine];
    }

    Optional<ScanStarted> started() {
        return header.field(CaptureKeys.SCAN_STARTED).map(v -> (ScanStarted) event(header, CaptureKeys.SCAN_STARTED,
                capture.dataHeader().toString()));
    }

    Optional<ScanCompleted> completed() {
        return header.field(CaptureKeys.SCAN_COMPLETED).map(v -> (ScanCompleted) event(header,
                CaptureKeys.SCAN_COMPLETED, capture.dataHeader().toString()));
    }

    /** Raster line {@code i} as the raw frame the camera delivered. */
    RawFrame frame(int i, Instant scanStart) {
        data.readLine(i, line);
        return toFrame(line, header, i, scanStart.plusNanos(Math.round(i * 1e9 / frameRateHz)), encoderMicrons[i],
                data.rasterFile().toString());
    }

    /** Every line of a reference raster as frames. */
    List<RawFrame> referenceFrames(EnviReader r, Instant at) {
        EnviHeader rh = r.header();
        if (rh.samples() != header.samples() || rh.bands() != header.bands()) {
            throw new AcquisitionException("reference " + r.headerFile() + " is " + rh.samples() + " samples x "
                    + rh.bands() + " bands but the capture " + capture.dataHeader() + " is " + header.samples() + " x "
                    + header.bands());
        }
        if (rh.lines() < 1) {
            throw new AcquisitionException("reference " + r.headerFile() + " holds no lines");
        }
        List<RawFrame> out = new ArrayList<>();
        float[] buf = r.newLine();
        for (int i = 0; i < rh.lines(); i++) {
            r.readLine(i, buf);
            out.add(toFrame(buf, rh, i, at, 0, r.rasterFile().toString()));
        }
        return out;
    }

    private RawFrame toFrame(float[] values, EnviHeader h, long seq, Instant time, long encoder, String file) {
        Sensor s = setup.sensor();
        short[] counts = new short[s.pixels() * bands.length];
        for (int p = 0; p < s.pixels(); p++) {
            for (int k = 0; k < bands.length; k++) {
                float v = values[p * h.bands() + bands[k]];
                if (!(v >= 0 && v <= RawFrame.MAX_COUNT)) {
                    throw new AcquisitionException(file + " line " + seq + " pixel " + p + " band " + bands[k] + ": "
                            + v + " is not a 12-bit raw count (0-" + RawFrame.MAX_COUNT + "), which HyClus's "
                            + "calibration expects");
                }
                counts[p * bands.length + k] = (short) Math.round(v);
            }
        }
        return RawFrame.wrapping(s.id(), s.kind(), seq, time, encoder, s.pixels(), bands.length, counts);
    }

    @Override
    public void close() {
        data.close();
    }
}
