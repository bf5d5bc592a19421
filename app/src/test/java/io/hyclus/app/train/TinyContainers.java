package io.hyclus.app.train;

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
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Tiny containers by the production writer: 8 VNIR bands of seeded two-endmember mixtures, 2 SWIR bands, and the
 * stitched group (the 8 VNIR bands then the 2 SWIR ones, 10 bands per spectrum).
 */
final class TinyContainers {
    static final int BANDS = 8;

    private TinyContainers() {
    }

    static double[] grid(double shift) {
        double[] wl = new double[BANDS];
        for (int b = 0; b < BANDS; b++) {
            wl[b] = 450 + 60 * b + shift;
        }
        return wl;
    }

    static Path write(Path samples, String scan, String id, String plant, int month, GrainSizeFraction f, int n,
                      long seed, double gridShift) {
        Random r = new Random(seed);
        float[][] s = new float[n][BANDS];
        for (int i = 0; i < n; i++) {
            double a = r.nextDouble();
            for (int b = 0; b < BANDS; b++) {
                s[i][b] = (float) (a * (0.2 + 0.08 * b) + (1 - a) * (0.8 - 0.05 * b) + 0.01 * r.nextGaussian());
            }
        }
        double[] wl = grid(gridShift);
        double[] fwhm = new double[BANDS];
        java.util.Arrays.fill(fwhm, 10);
        Sensor vnir = new Sensor("VNIR-1", SensorKind.VNIR, new WavelengthGrid(wl, fwhm), 32);
        Sensor swir = new Sensor("SWIR-1", SensorKind.SWIR, new WavelengthGrid(new double[] {1200, 1700},
                new double[] {400, 400}), 8);
        double[] stitchedWl = java.util.Arrays.copyOf(wl, BANDS + 2);
        stitchedWl[BANDS] = 1200;
        stitchedWl[BANDS + 1] = 1700;
        double[] stitchedFwhm = java.util.Arrays.copyOf(fwhm, BANDS + 2);
        stitchedFwhm[BANDS] = 400;
        stitchedFwhm[BANDS + 1] = 400;
        Sensor stitched = new Sensor("stitched", SensorKind.STITCHED, new WavelengthGrid(stitchedWl, stitchedFwhm), 32);
        float[][] st = new float[n][];
        for (int i = 0; i < n; i++) {
            st[i] = java.util.Arrays.copyOf(s[i], BANDS + 2);
            st[i][BANDS] = 0.3f;
            st[i][BANDS + 1] = 0.4f;
        }
        return new SampleContainerWriter(samples).write(new SampleContainer(scan, "tray-1", new TraySlot(1,
                new SampleMetadata(id, plant, YearMonth.of(2025, month), f), new RegionMm(0, 0, 10, 10)),
                List.of(cube(vnir, s), cube(swir, new float[][] {{0.3f, 0.4f}}), cube(stitched, st)),
                Provenance.fromMap(Map.of("software.version", "test"))));
    }

    private static SampleCube cube(Sensor sensor, float[][] spectra) {
        int n = spectra.length;
        long[] lines = new long[n];
        int[] pixels = new int[n];
        double[][] pos = new double[n][];
        for (int i = 0; i < n; i++) {
            lines[i] = i / 32;
            pixels[i] = i % 32;
            pos[i] = new double[] {0.5 * pixels[i], lines[i]};
        }
        return new SampleCube(new CameraSetup(sensor, new AcrossTrackGeometry(1, 0.5, 0)), spectra, lines, pixels, pos);
    }
}
