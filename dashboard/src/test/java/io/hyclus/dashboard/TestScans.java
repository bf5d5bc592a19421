package io.hyclus.dashboard;

import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.MapUpdate;
import io.hyclus.core.scan.SampleMapPoints;
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
 * A small synthetic scan whose values are known: a VNIR camera of 40 pixels of 2 mm from x = 1 mm, bands 460, 550 and
 * 640 nm (so blue, green, red are bands 0, 1, 2), one line per mm; two samples side by side.
 */
public final class TestScans {
    public static final int PIXELS = 40;
    public static final long ORIGIN = 500_000;
    public static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    public static final SampleMetadata A = new SampleMetadata("A-1", "Plant-1", YearMonth.of(2025, 2), GrainSizeFraction.MINUS_100);
    public static final SampleMetadata B = new SampleMetadata("B-2", "Plant-3", YearMonth.of(2025, 11), GrainSizeFraction.PLUS_100);
    public static final TrayLayout TRAY = new TrayLayout("tray-7", 80, 40, List.of(
            new TraySlot(0, A, new RegionMm(4, 6, 36, 30)), new TraySlot(1, B, new RegionMm(44, 6, 76, 30))));
    public static final Sensor SENSOR = new Sensor("vnir", SensorKind.VNIR,
            new WavelengthGrid(new double[] {460, 550, 640}, new double[] {10, 10, 10}), PIXELS);
    public static final AcrossTrackGeometry GEOMETRY = new AcrossTrackGeometry(1.0, 2.0, ORIGIN);
    public static final CameraSetup CAMERA = new CameraSetup(SENSOR, GEOMETRY);

    private TestScans() {
    }

    public static ScanStarted start(String scanId) {
        return new ScanStarted(scanId, TRAY, List.of(CAMERA), T0, Map.of("scan.belt_speed_mm_s", "25"));
    }

    /** Line {@code i} looks at y = i + 0.5 mm; pixel p has reflectance (red, green, blue) = (p/40, 0.25, 0.04). */
    public static Scanline line(String scanId, long i) {
        float[] v = new float[PIXELS * 3];
        for (int p = 0; p < PIXELS; p++) {
            v[p * 3] = 0.04f;
            v[p * 3 + 1] = 0.25f;
            v[p * 3 + 2] = p / 40f;
        }
        return new Scanline(scanId, SensorKind.VNIR, i, GEOMETRY.encoderMicronsAt(i + 0.5), T0.plusMillis(40 * i),
                PIXELS, 3, v);
    }

    public static ScanCompleted completed(String scanId, long lines) {
        return new ScanCompleted(scanId, Map.of(SensorKind.VNIR, lines), T0.plusSeconds(5), List.of("1 frame late"));
    }

    /** {@code n} points of a sample on map {@code version}, in one chunk, at (i, -i). */
    public static SampleMapPoints points(int version, MapUpdate update, String scanId, SampleMetadata m, int n) {
        int[] rows = new int[n];
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            xy[2 * i] = i;
            xy[2 * i + 1] = -i;
        }
        return new SampleMapPoints(version, update, scanId, m, SensorKind.VNIR, "dense-ae-16-vnir@1", T0, 0, 1, n, 0,
                rows, xy);
    }
}
