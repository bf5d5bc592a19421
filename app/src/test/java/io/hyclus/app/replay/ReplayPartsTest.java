package io.hyclus.app.replay;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.capture.CaptureCamera;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.app.AppException;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayPartsTest {
    private static final Sensor VNIR = new Sensor("vnir", SensorKind.VNIR, WavelengthGrid.uniform(450, 900, 4, 1.0), 2);

    private static ScanStarted started(Map<String, String> provenance) {
        SampleMetadata m = new SampleMetadata("A-1", "Plant-1", YearMonth.of(2025, 1), GrainSizeFraction.PLUS_100);
        return new ScanStarted("scan-1", new TrayLayout("t-1", 40, 100, List.of(new TraySlot(0, m,
                new RegionMm(5, 15, 35, 85)))), List.of(new CameraSetup(VNIR, new AcrossTrackGeometry(1, 2, 0))),
                Instant.EPOCH, provenance);
    }

    private static Scanline line(long i, Instant at) {
        return new Scanline("scan-1", SensorKind.VNIR, i, 0, at, 1, 1, new float[] {0.5f});
    }

    @Test
    void originalPace_waitsTheFrameTimeDifferences_fastDoesNot() {
        List<Long> slept = new ArrayList<>();
        long[] now = {1_000};
        List<ScanEvent> passed = new ArrayList<>();
        ScanEventSink into = new ScanEventSink() {
            @Override
            public void publish(ScanEvent event) {
                passed.add(event);
            }

            @Override
            public void flush() {
            }
        };
        PacedSink paced = new PacedSink(into, Pace.ORIGINAL, () -> now[0], n -> {
            slept.add(n);
            now[0] += n;
        });
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        paced.publish(started(Map.of()));
        paced.publish(line(0, t0));
        now[0] += 10_000_000; // calibrating took 10 ms
        paced.publish(line(1, t0.plusMillis(40)));
        paced.publish(line(2, t0.plusMillis(40))); // same time: no wait
        now[0] += 100_000_000; // late by 60 ms: no wait, no catching up by skipping
        paced.publish(line(3, t0.plusMillis(80)));
        assertEquals(List.of(30_000_000L), slept);
        assertEquals(5, passed.size());

        slept.clear();
        PacedSink fast = new PacedSink(into, Pace.AS_FAST_AS_POSSIBLE, () -> now[0], n -> slept.add(n));
        fast.publish(line(0, t0));
        fast.publish(line(1, t0.plusSeconds(5)));
        assertEquals(List.of(), slept);
    }

    @Test
    void calibrationSettings_comeFromTheScansProvenance_restFromBase() {
        ScanStarted s = started(Map.of("calibration.vnir.panel_reflectance", "0.95",
                "calibration.vnir.min_response_dn", "55.0"));
        CalibrationSettings c = KafkaScanRecalibration.settings(s, "vnir", 8, CalibrationSettings.defaults());
        assertEquals(new CalibrationSettings(8, 0.95, 55, 0.01), c);
        CalibrationSettings none = KafkaScanRecalibration.settings(started(Map.of()), "vnir", 16,
                CalibrationSettings.defaults());
        assertEquals(CalibrationSettings.defaults(), none);
        AppException e = assertThrows(AppException.class, () -> KafkaScanRecalibration.settings(
                started(Map.of("calibration.vnir.panel_reflectance", "high")), "vnir", 8, CalibrationSettings.defaults()));
        assertEquals("scan scan-1: provenance calibration.vnir.panel_reflectance is not a number: 'high'",
                e.getMessage());
    }

    @Test
    void exportCamera_fromTheScansProvenance() {
        ScanStarted s = started(Map.of("scan.camera.vnir", "CameraIdentity[kind=VNIR, model=HX-VNIR, "
                + "serialNumber=SIM-0001, firmware=1.0, sensorPixels=1024, sensorBands=224], CameraSettings["
                + "integrationMicros=5400, frameRateHz=25.0, spectralBinning=1, spatialBinning=1, roiFirstPixel=0, "
                + "roiPixels=1024, shutterOpen=true, acquiring=true]"));
        assertEquals(new CaptureCamera(VNIR, "HX-VNIR SIM-0001", 5400, 25.0),
                EnviScanExport.camera(s, s.cameras().get(0)));
        AppException e = assertThrows(AppException.class, () -> EnviScanExport.camera(started(Map.of()),
                s.cameras().get(0)));
        assertEquals("scan scan-1 cannot be exported: its provenance has no 'scan.camera.vnir' (the camera's identity "
                + "and settings)", e.getMessage());
        AppException bad = assertThrows(AppException.class, () -> EnviScanExport.camera(started(Map.of(
                "scan.camera.vnir", "model=X, serialNumber=Y")), s.cameras().get(0)));
        assertTrue(bad.getMessage().contains("does not name integrationMicros"), bad.getMessage());
    }
}
