package io.hyclus.report;

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
 * A small campaign written by the production container writer: VNIR spectra of {@value #BANDS} bands, seeded
 * mixtures of three smooth endmembers whose mean abundances depend on plant, month and size fraction (so the
 * classes are separable, not perfectly), plus noise; SWIR with two bands.
 */
final class SmallCampaign {
    static final int BANDS = 16;

    private SmallCampaign() {
    }

    static double[] grid(double shiftNm) {
        double[] wl = new double[BANDS];
        for (int b = 0; b < BANDS; b++) {
            wl[b] = 420 + 35 * b + shiftNm;
        }
        return wl;
    }

    /** Every combination of {@code plants} x months 1..{@code months} x both fractions, {@code n} spectra each. */
    static void write(Path samples, int plants, int months, int n) {
        for (int p = 1; p <= plants; p++) {
            for (int m = 1; m <= months; m++) {
                for (GrainSizeFraction f : GrainSizeFraction.values()) {
                    write(samples, "scan-" + p, p, m, f, n, 0);
                }
            }
        }
    }

    static Path write(Path samples, String scan, int plant, int month, GrainSizeFraction f, int n, double gridShift) {
        return write(samples, scan, plant, month, f, n, gridShift, new byte[n]);
    }

    /**
     * As above with the material mask's class of each VNIR spectrum (0 = the sample's material); spectra of another
     * class are set to 0.99 in every band, so a test can tell whether any was kept.
     */
    static Path write(Path samples, String scan, int plant, int month, GrainSizeFraction f, int n, double gridShift,
                      byte[] material) {
        String id = String.format("P%d-2025-%02d-%s", plant, month, f == GrainSizeFraction.MINUS_100 ? "M100" : "P100");
        Random r = new Random(1000L * plant + 10L * month + f.ordinal());
        double a0 = 0.2 + 0.25 * (plant - 1);
        double c0 = 0.1 + 0.05 * month;
        double brightness = f == GrainSizeFraction.MINUS_100 ? 1.0 : 0.85;
        float[][] s = new float[n][BANDS];
        for (int i = 0; i < n; i++) {
            double a = clamp(a0 + 0.12 * r.nextGaussian());
            double c = clamp(c0 + 0.1 * r.nextGaussian()) * (1 - a);
            double[] w = {a, c, 1 - a - c};
            for (int b = 0; b < BANDS; b++) {
                double v = 0;
                for (int e = 0; e < 3; e++) {
                    v += w[e] * (0.5 + 0.4 * Math.sin(0.3 * (b + 1) * (e + 1) + e));
                }
                s[i][b] = material[i] == 0 ? (float) (brightness * v + 0.01 * r.nextGaussian()) : 0.99f;
            }
        }
        double[] wl = grid(gridShift);
        double[] fwhm = new double[BANDS];
        java.util.Arrays.fill(fwhm, 10);
        Sensor vnir = new Sensor("VNIR-1", SensorKind.VNIR, new WavelengthGrid(wl, fwhm), 64);
        Sensor swir = new Sensor("SWIR-1", SensorKind.SWIR, new WavelengthGrid(new double[] {1200, 1700},
                new double[] {400, 400}), 8);
        return new SampleContainerWriter(samples).write(new SampleContainer(scan, "tray-" + plant, new TraySlot(1,
                new SampleMetadata(id, "Plant-" + plant, YearMonth.of(2025, month), f), new RegionMm(0, 0, 10, 10)),
                List.of(cube(vnir, s, material), cube(swir, new float[][] {{0.3f, 0.4f}, {0.2f, 0.5f}}, new byte[2])),
                Provenance.fromMap(Map.of("software.version", "test"))));
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    private static SampleCube cube(Sensor sensor, float[][] spectra, byte[] material) {
        int n = spectra.length;
        long[] lines = new long[n];
        int[] pixels = new int[n];
        double[][] pos = new double[n][];
        for (int i = 0; i < n; i++) {
            lines[i] = i / 32;
            pixels[i] = i % 32;
            pos[i] = new double[] {0.5 * pixels[i], lines[i]};
        }
        return new SampleCube(new CameraSetup(sensor, new AcrossTrackGeometry(1, 0.5, 0)), spectra, lines, pixels, pos,
                material);
    }
}
