package io.hyclus.acquisition.capture;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
import io.hyclus.envi.EnviByteOrder;
import io.hyclus.envi.EnviDataType;
import io.hyclus.envi.EnviFormatException;
import io.hyclus.envi.EnviHeader;
import io.hyclus.envi.EnviWriter;
import io.hyclus.envi.Interleave;
import io.hyclus.envi.SpecimCaptureWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Captures from other software replayed with a layout, and captures that cannot be replayed. */
class CaptureReplayTest {
    private static final TrayLayout TRAY = new TrayLayout("tp", 10, 5, List.of(new TraySlot(0,
            new SampleMetadata("S-1", "Plant-1", YearMonth.of(2025, 1), GrainSizeFraction.PLUS_100),
            new RegionMm(0.5, 0.5, 3.5, 2.5))));
    private static final ThirdPartyLayout LAYOUT = new ThirdPartyLayout(TRAY, 0.5, 1.0, 1.0);
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2025-05-05T10:00:00Z"));
    private static final int SAMPLES = 4;

    @TempDir
    Path dir;

    private static final class Collect implements ScanEventSink {
        final List<ScanEvent> events = new ArrayList<>();

        @Override
        public void publish(ScanEvent event) {
            events.add(event);
        }

        @Override
        public void flush() {
        }
    }

    /** Specim-style FX10 capture: 397 nm (outside VNIR, left out), 500 nm, 900 nm; dark 100, white 1100, scene 600. */
    private Path specimCapture(double[] wavelengths, int darkSamples) {
        Path cap = dir.resolve("fx10");
        EnviHeader h = EnviHeader.of(SAMPLES, 0, 3, EnviDataType.UINT16, Interleave.BIL, EnviByteOrder.LITTLE_ENDIAN)
                .withField("sensor type", "SPECIM FX10").withField("fps", "50");
        if (wavelengths != null) {
            h = h.withWavelengths(wavelengths, new double[0]);
        }
        try (SpecimCaptureWriter w = SpecimCaptureWriter.create(cap, "scan_0001")) {
            EnviHeader dh = EnviHeader.of(darkSamples, 0, 3, EnviDataType.UINT16, Interleave.BIL,
                    EnviByteOrder.LITTLE_ENDIAN);
            write(w.dark(dh), darkSamples, 100, 2);
            write(w.white(h), SAMPLES, 1100, 2);
            write(w.data(h), SAMPLES, 600, 3);
            w.commit();
        }
        return cap;
    }

    private static void write(EnviWriter w, int samples, float value, int lines) {
        float[] line = new float[samples * 3];
        java.util.Arrays.fill(line, value);
        for (int i = 0; i < lines; i++) {
            w.writeLine(line);
        }
    }

    @Test
    void replay_thirdPartyWithLayout_calibratesEveryLine() {
        Path cap = specimCapture(new double[] {397.66, 500, 900}, SAMPLES);
        Collect sink = new Collect();
        CaptureReplay.replay(cap, Optional.of(LAYOUT), CalibrationSettings.defaults(), sink, CLOCK);
        ScanStarted s = assertInstanceOf(ScanStarted.class, sink.events.get(0));
        assertEquals("tp-scan_0001", s.scanId());
        assertEquals(SensorKind.VNIR, s.cameras().get(0).sensor().kind());
        assertArrayEquals(new double[] {500, 900}, s.cameras().get(0).sensor().grid().centresNm(), 0.0);
        assertEquals("fx10", s.provenance().get(CaptureKeys.REPLAYED_FROM.name()));
        assertEquals(5, sink.events.size());
        Scanline l = assertInstanceOf(Scanline.class, sink.events.get(2));
        assertEquals(1, l.lineIndex());
        assertEquals(1500, l.encoderMicrons());
        assertEquals(2, l.bands());
        assertEquals(0.5 * 0.99, l.value(3, 1), 1e-6, "(600 - 100) / (1100 - 100) x 0.99 panel");
        ScanCompleted c = assertInstanceOf(ScanCompleted.class, sink.events.get(4));
        assertEquals(Map.of(SensorKind.VNIR, 3L), c.linesPublished());
    }

    @Test
    void replay_thirdPartyWithoutLayout_asksForPlan() {
        Path cap = specimCapture(new double[] {397.66, 500, 900}, SAMPLES);
        var e = assertThrows(AcquisitionException.class, () -> CaptureReplay.replay(cap, Optional.empty(),
                CalibrationSettings.defaults(), new Collect(), CLOCK));
        assertEquals("capture " + cap.resolve("capture/scan_0001.hdr") + " was not written by HyClus (no 'hyclus capture "
                + "format' field): give the tray layout and geometry in a plan file", e.getMessage());
    }

    @Test
    void replay_headerWithoutWavelengths_namesFile() {
        Path cap = specimCapture(null, SAMPLES);
        var e = assertThrows(AcquisitionException.class, () -> CaptureReplay.replay(cap, Optional.of(LAYOUT),
                CalibrationSettings.defaults(), new Collect(), CLOCK));
        assertEquals("capture " + cap.resolve("capture/scan_0001.hdr") + " has no wavelength list: HyClus needs each "
                + "band's centre to place the spectra", e.getMessage());
    }

    @Test
    void replay_darkOfAnotherSize_namesBothFiles() {
        Path cap = specimCapture(new double[] {397.66, 500, 900}, SAMPLES + 1);
        var e = assertThrows(AcquisitionException.class, () -> CaptureReplay.replay(cap, Optional.of(LAYOUT),
                CalibrationSettings.defaults(), new Collect(), CLOCK));
        assertEquals("reference " + cap.resolve("capture/DARKREF_scan_0001.hdr") + " is 5 samples x 3 bands but the "
                + "capture " + cap.resolve("capture/scan_0001.hdr") + " is 4 x 3", e.getMessage());
    }

    @Test
    void replay_truncatedRaster_nothingPublished() throws IOException {
        Path cap = specimCapture(new double[] {397.66, 500, 900}, SAMPLES);
        try (RandomAccessFile f = new RandomAccessFile(cap.resolve("capture/scan_0001.raw").toFile(), "rw")) {
            f.setLength(f.length() - 1);
        }
        Collect sink = new Collect();
        var e = assertThrows(EnviFormatException.class, () -> CaptureReplay.replay(cap, Optional.of(LAYOUT),
                CalibrationSettings.defaults(), sink, CLOCK));
        assertTrue(e.getMessage().startsWith("ENVI raster " + cap.resolve("capture/scan_0001.raw") + " is truncated: 71 "
                + "bytes"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; only 2 complete lines"), e.getMessage());
        assertEquals(List.of(), sink.events);
    }

    @Test
    void locate_emptyFolder_explainsLayout() {
        var e = assertThrows(AcquisitionException.class, () -> CaptureReplay.locate(dir));
        assertEquals("no capture in " + dir + ": expected " + dir + "/capture/ or " + dir
                + "/<camera>/capture/ (Specim layout)", e.getMessage());
    }
}
