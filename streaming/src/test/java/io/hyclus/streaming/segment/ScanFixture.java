package io.hyclus.streaming.segment;

import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.ScanCompleted;
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

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A small synthetic scan whose every value is known: 40 pixels of 2 mm from x = 1 mm, 5 bands, one line per
 * 2 mm; two samples side by side; the value at (line, pixel, band) is {@link #value}.
 */
final class ScanFixture {
    static final int PIXELS = 40;
    static final int BANDS = 5;
    static final long ORIGIN = 500_000;
    static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");

    static final TrayLayout TRAY = new TrayLayout("tray-7", 80, 40, List.of(
            new TraySlot(0, new SampleMetadata("A-1", "Plant-1", YearMonth.of(2025, 2), GrainSizeFraction.MINUS_100),
                    new RegionMm(4, 6, 36, 30)),
            new TraySlot(1, new SampleMetadata("B-2", "Plant-3", YearMonth.of(2025, 11), GrainSizeFraction.PLUS_100),
                    new RegionMm(44, 6, 76, 30))));
    static final Sensor SENSOR = new Sensor("vnir", SensorKind.VNIR, WavelengthGrid.uniform(450, 850, BANDS, 1), PIXELS);
    static final AcrossTrackGeometry GEOMETRY = new AcrossTrackGeometry(1.0, 2.0, ORIGIN);

    private ScanFixture() {
    }

    static float value(long line, int pixel, int band) {
        return line * 0.01f + pixel * 0.001f + band * 0.0001f;
    }

    static ScanStarted start(String scanId) {
        return new ScanStarted(scanId, TRAY, List.of(new CameraSetup(SENSOR, GEOMETRY)), T0, Map.of("software.version", "test"));
    }

    /** Line {@code i} looks at y = 2 i + 1 mm. */
    static Scanline line(String scanId, long i) {
        float[] v = new float[PIXELS * BANDS];
        for (int p = 0; p < PIXELS; p++) {
            for (int b = 0; b < BANDS; b++) {
                v[p * BANDS + b] = value(i, p, b);
            }
        }
        return new Scanline(scanId, SensorKind.VNIR, i, GEOMETRY.encoderMicronsAt(2 * i + 1), T0.plusMillis(20 * i),
                PIXELS, BANDS, v);
    }

    static ScanCompleted completed(String scanId, long lines) {
        return new ScanCompleted(scanId, Map.of(SensorKind.VNIR, lines), T0.plusSeconds(5), List.of("none really"));
    }
}
