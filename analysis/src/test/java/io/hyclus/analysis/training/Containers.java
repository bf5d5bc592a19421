package io.hyclus.analysis.training;

import io.hyclus.container.SampleContainer;
import io.hyclus.container.SampleContainerWriter;
import io.hyclus.container.SampleCube;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TraySlot;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small sample containers written by the production writer: VNIR spectra that are seeded mixtures of three smooth
 * endmembers (rank 3 plus noise), so PCA has something to find; SWIR with two bands.
 */
public final class Containers {
    public static final int VNIR_BANDS = 12;

    private Containers() {
    }

    public static double[] vnirGrid(double shiftNm) {
        double[] wl = new double[VNIR_BANDS];
        for (int b = 0; b < wl.length; b++) {
            wl[b] = 400 + 50 * b + shiftNm;
        }
        return wl;
    }

    /** The reflectance of endmember {@code e} at band {@code b}: smooth, in (0.1, 0.9). */
    public static double endmember(int e, int b) {
        return 0.5 + 0.4 * Math.sin(0.3 * (b + 1) * (e + 1) + e);
    }

    /** {@code n} spectra of seeded endmember mixtures plus uniform noise of amplitude {@code noise}. */
    public static float[][] mixtures(int n, long seed, double noise) {
        Random r = new Random(seed);
        float[][] s = new float[n][VNIR_BANDS];
        for (int i = 0; i < n; i++) {
            double a = r.nextDouble();
            double c = r.nextDouble() * (1 - a);
            double[] w = {a, c, 1 - a - c};
            for (int b = 0; b < VNIR_BANDS; b++) {
                double v = 0;
                for (int e = 0; e < 3; e++) {
                    v += w[e] * endmember(e, b);
                }
                s[i][b] = (float) (v + noise * (r.nextDouble() - 0.5));
            }
        }
        return s;
    }

    /** Writes one container under {@code samples} and returns its file. */
    public static Path write(Path samples, String scanId, String sampleId, String plant, YearMonth month,
                             GrainSizeFraction fraction, float[][] vnir, double[] vnirGrid) {
        Sensor v = new Sensor("VNIR-1", SensorKind.VNIR, new WavelengthGrid(vnirGrid, fill(vnirGrid.length, 10)), 64);
        Sensor s = new Sensor("SWIR-1", SensorKind.SWIR, new WavelengthGrid(new double[] {1200, 1700},
                new double[] {400, 400}), 8);
        SampleContainer c = new SampleContainer(scanId, "tray-1", new TraySlot(1, new SampleMetadata(sampleId, plant,
                month, fraction), new RegionMm(0, 0, 10, 10)),
                List.of(cube(v, vnir), cube(s, new float[][] {{0.2f, 0.3f}, {0.4f, 0.5f}})),
                Provenance.fromMap(Map.of("software.version", "test")));
        return new SampleContainerWriter(samples).write(c);
    }

    /** A container with {@code n} mixtures seeded by {@code seed}, standard grid. */
    public static Path write(Path samples, String scanId, String sampleId, String plant, int month,
                             GrainSizeFraction fraction, int n, long seed) {
        return write(samples, scanId, sampleId, plant, YearMonth.of(2025, month), fraction, mixtures(n, seed, 0.01),
                vnirGrid(0));
    }

    private static double[] fill(int n, double v) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, v);
        return d;
    }

    /** One spectrum per (line, pixel), 64 pixels a line. */
    private static SampleCube cube(Sensor sensor, float[][] spectra) {
        List<long[]> at = new ArrayList<>();
        for (int i = 0; i < spectra.length; i++) {
            at.add(new long[] {i / 64, i % 64});
        }
        return new SampleCube(new CameraSetup(sensor, new AcrossTrackGeometry(1, 0.5, 0)), spectra,
                at.stream().mapToLong(a -> a[0]).toArray(), at.stream().mapToInt(a -> (int) a[1]).toArray(),
                at.stream().map(a -> new double[] {0.5 * a[1], a[0]}).toArray(double[][]::new));
    }
}
