package io.hyclus.app.report;

import io.hyclus.app.Main;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hyclus report} on containers written by the test: exit codes, progress, warnings. */
class ReportCommandTest {
    @TempDir
    Path dir;

    record Run(int rc, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    /** Plants 1..plants x months 1..2 x both fractions, 40 spectra of 10 VNIR bands each. */
    private Path samples(int plants) {
        Path samples = dir.resolve("samples");
        for (int p = 1; p <= plants; p++) {
            for (int m = 1; m <= 2; m++) {
                for (GrainSizeFraction f : GrainSizeFraction.values()) {
                    write(samples, p, m, f);
                }
            }
        }
        return samples;
    }

    private static void write(Path samples, int plant, int month, GrainSizeFraction f) {
        write(samples, plant, month, f, SensorKind.VNIR);
    }

    /** One container whose only group is {@code kind}: VNIR bands 450-900 nm, or STITCHED bands 450-2250 nm. */
    private static void write(Path samples, int plant, int month, GrainSizeFraction f, SensorKind kind) {
        Random r = new Random(100L * plant + 10L * month + f.ordinal());
        int bands = 10;
        float[][] s = new float[40][bands];
        for (int i = 0; i < s.length; i++) {
            double a = Math.max(0, Math.min(1, 0.3 * plant + 0.1 * month + 0.1 * r.nextGaussian()));
            for (int b = 0; b < bands; b++) {
                s[i][b] = (float) (a * (0.2 + 0.06 * b) + (1 - a) * (0.8 - 0.05 * b) + (f.ordinal() * 0.05)
                        + 0.01 * r.nextGaussian());
            }
        }
        double[] wl = new double[bands];
        double[] fwhm = new double[bands];
        for (int b = 0; b < bands; b++) {
            wl[b] = 450 + (kind == SensorKind.STITCHED ? 200 : 50) * b;
            fwhm[b] = 10;
        }
        Sensor vnir = new Sensor(kind + "-1", kind, new WavelengthGrid(wl, fwhm), 32);
        String id = "P" + plant + "-0" + month + "-" + (f == GrainSizeFraction.MINUS_100 ? "M" : "P");
        new SampleContainerWriter(samples).write(new SampleContainer("scan-" + plant, "tray-1", new TraySlot(1,
                new SampleMetadata(id, "Plant-" + plant, YearMonth.of(2025, month), f), new RegionMm(0, 0, 10, 10)),
                List.of(cube(vnir, s)), Provenance.fromMap(Map.of("software.version", "test"))));
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

    @Test
    void report_pcaOnly_writesTheReport_withProgressLines() throws Exception {
        Path samples = samples(2);
        Path out = dir.resolve("out");
        Run r = run("report", "--samples", samples.toString(), "--out", out.toString(), "--camera", "VNIR",
                "--models", "pca-3", "--spectra-per-sample", "30", "--map-points", "100", "--seed", "2", "--threads", "1");
        assertEquals(0, r.rc(), r.err() + r.out());
        assertTrue(r.out().contains("] 1/7 reading containers under " + samples), r.out());
        assertTrue(r.out().contains("] 3/7 VNIR: t-SNE, k-means, Ward and SOM of PCA-3"), r.out());
        assertTrue(r.out().contains("Report written to " + out.resolve("report.html") + ": 6 classification tables, "),
                r.out());
        assertFalse(r.out().contains("warning:"), r.out());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("hyclus report --samples " + samples));
        assertTrue(Files.size(out.resolve("predictions.csv")) > 100);
    }

    @Test
    void report_stitched_readsTheStitchedGroup() throws Exception {
        Path samples = dir.resolve("stitched");
        for (int p = 1; p <= 2; p++) {
            for (int m = 1; m <= 2; m++) {
                for (GrainSizeFraction f : GrainSizeFraction.values()) {
                    write(samples, p, m, f, SensorKind.STITCHED);
                }
            }
        }
        Path out = dir.resolve("out-stitched");
        Run r = run("report", "--samples", samples.toString(), "--out", out.toString(), "--camera", "stitched",
                "--models", "pca-3", "--spectra-per-sample", "30", "--map-points", "100", "--seed", "2", "--threads", "1");
        assertEquals(0, r.rc(), r.err() + r.out());
        assertTrue(r.out().contains("] 3/7 STITCHED: t-SNE, k-means, Ward and SOM of PCA-3"), r.out());
        assertTrue(r.out().contains("Report written to " + out.resolve("report.html") + ": 6 classification tables, "),
                r.out());
        assertFalse(r.out().contains("warning:"), r.out());
    }

    @Test
    void report_onePlant_exitsZero_withAWarningLine() {
        Path samples = samples(1);
        Run r = run("report", "--samples", samples.toString(), "--out", dir.resolve("out").toString(), "--camera",
                "VNIR", "--models", "pca-3", "--spectra-per-sample", "30", "--map-points", "100");
        assertEquals(0, r.rc(), r.err() + r.out());
        assertTrue(r.out().contains("warning: VNIR: plant has one class only (Plant-1): no plant classification"), r.out());
        assertTrue(r.out().contains(": 4 classification tables, "), r.out());
        assertTrue(r.out().contains("(1 warning, listed in the report)"), r.out());
    }

    @Test
    void report_noContainers_exitsOne_namingTheFolder() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Run r = run("report", "--samples", empty.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.rc(), r.out());
        assertTrue(r.err().contains("error: no sample containers (*.h5) under " + empty + "; no report written"), r.err());
    }

    @Test
    void report_badOptions_exitTwo() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("s"));
        String out = dir.resolve("out").toString();
        Run bad = run("report", "--samples", samples.toString(), "--out", out, "--models", "svm-3");
        assertEquals(2, bad.rc());
        assertTrue(bad.err().contains("--models takes pca-K, dense-ae-K or conv-ae-K: 'svm-3'"), bad.err());
        Run noReg = run("report", "--samples", samples.toString(), "--out", out, "--no-training");
        assertEquals(2, noReg.rc());
        assertTrue(noReg.err().contains("--no-training needs --registry"), noReg.err());
        Run cam = run("report", "--samples", samples.toString(), "--out", out, "--camera", "VNIR+SWIR");
        assertEquals(2, cam.rc());
        assertTrue(cam.err().contains("--camera must be VNIR, SWIR and/or STITCHED"), cam.err());
    }
}
