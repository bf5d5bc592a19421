package io.hyclus.app.scan;

import io.hyclus.acquisition.publish.LineEncoding;
import io.hyclus.app.Main;
import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.envi.EnviReader;
import io.hyclus.envi.SpecimCapture;
import io.hyclus.testkit.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hyclus scan --save-envi} on simulated devices, the capture opened by Spectral Python, then
 * {@code hyclus scan --from-envi} on that capture into another work directory: the same samples, pixel counts and
 * spectra. Spectra are compared for exact equality: the replay recalibrates the very same 12-bit counts (stored
 * losslessly as uint16) with the same arithmetic, in the same frame order, so every float must come out bit for bit;
 * both publish their lines COMPACT (the default), and equal floats quantise to equal values.
 */
@Timeout(600)
class ScanEnviIT {
    @TempDir
    Path dir;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        assertEquals(0, rc, out + "\n" + err);
        return out.toString();
    }

    @Test
    void saveEnvi_thenFromEnvi_sameContainers() throws IOException {
        Path plan = dir.resolve("tray-e.csv");
        Files.writeString(plan, """
                sample_id,plant,month,fraction,x0_mm,y0_mm,x1_mm,y1_mm,minerals
                E-1,Plant-1,2025-03,Plus 100,20,15,130,60,Quartz:0.7;Kaolinite:0.3
                E-2,Plant-2,2025-03,Minus 100,150,15,260,60,
                """);
        Path envi = dir.resolve("envi");
        String live = run("scan", "--plan", plan.toString(), "--work-dir", dir.resolve("w1").toString(), "--save-envi",
                envi.toString(), "--vnir", "256x60", "--swir", "128x75", "--line-pitch-mm", "2", "--timeout-seconds", "180");
        assertTrue(Pattern.compile("Auto-exposure vnir: \\d+ us, white peak \\d+ DN \\(8[2-8]\\.\\d %").matcher(live).find(),
                live);
        assertTrue(live.contains("[##############################] 37/37 lines  74.0/74.0 mm"), live);
        Matcher m = Pattern.compile("Scan (tray-e-\\S+): 37 lines, 2 sample containers in (\\S+)").matcher(live);
        assertTrue(m.find(), live);
        String scanId = m.group(1);

        SpecimCapture vnir = SpecimCapture.locate(envi.resolve("vnir"));
        assertEquals(scanId + "_vnir", vnir.name());
        assertSpectralPythonReads(vnir, 256, 60);
        assertFalse(hasPartial(envi.resolve("vnir")), "no temporary capture left behind");

        String replay = run("scan", "--from-envi", envi.toString(), "--work-dir", dir.resolve("w2").toString(),
                "--timeout-seconds", "180");
        assertTrue(replay.contains("Replaying scan " + scanId + " of tray tray-e (2 samples)"), replay);

        for (String sample : List.of("E-1", "E-2")) {
            SampleSpectra a = SampleContainerReader.read(dir.resolve("w1/samples/" + scanId + "/" + sample + ".h5"));
            SampleSpectra b = SampleContainerReader.read(dir.resolve("w2/samples/" + scanId + "/" + sample + ".h5"));
            assertEquals(a.metadata(), b.metadata());
            for (SensorKind k : SensorKind.values()) {
                CameraSpectra ca = a.camera(k).orElseThrow();
                CameraSpectra cb = b.camera(k).orElseThrow();
                assertTrue(ca.size() > 100, sample + " " + k + " has " + ca.size() + " spectra");
                assertEquals(ca.size(), cb.size(), sample + " " + k + " pixel count");
                assertArrayEquals(ca.wavelengthNm(), cb.wavelengthNm(), 0.0);
                assertArrayEquals(ca.lineIndex(), cb.lineIndex());
                assertArrayEquals(ca.pixelIndex(), cb.pixelIndex());
                for (int i = 0; i < ca.size(); i++) {
                    assertArrayEquals(ca.spectra()[i], cb.spectra()[i], 0f, sample + " " + k + " spectrum " + i);
                }
            }
            assertEquals("envi", b.provenance(io.hyclus.acquisition.capture.CaptureKeys.REPLAYED_FROM).orElseThrow());
            // the default encoding, recorded by the publisher in the scan's start and carried into the containers
            assertEquals("compact", a.provenance(LineEncoding.PROVENANCE).orElseThrow(), sample + " live scan");
            assertEquals("compact", b.provenance(LineEncoding.PROVENANCE).orElseThrow(), sample + " --from-envi");
            assertStitchedGroup(dir.resolve("w1/samples/" + scanId + "/" + sample + ".h5"));
            assertStitchedGroup(dir.resolve("w2/samples/" + scanId + "/" + sample + ".h5"));
        }
    }

    /**
     * h5py reads the container's {@code stitched} group: one spectrum per VNIR spectrum (same lines and pixels) spanning
     * 400-2500 nm on the native grid (60 VNIR bands to 1000 nm, then 74 SWIR bands above it); at VNIR bands the stitched
     * values are the VNIR's exactly; at SWIR bands their sample mean is the SWIR camera's within 2 % (the SWIR is
     * gain-matched to the VNIR at 1000 nm and resampled onto the VNIR's smaller pixels); across the junction the mean
     * spectrum has no step larger than between the SWIR's own neighbouring bands.
     */
    private static void assertStitchedGroup(Path container) {
        String out = Python.run("""
                import sys, h5py, numpy as np
                f = h5py.File(sys.argv[1], 'r')
                st, v, s = f['stitched'], f['vnir'], f['swir']
                wl, vw, sw = st['wavelength_nm'][:], v['wavelength_nm'][:], s['wavelength_nm'][:]
                S, V, W = st['spectra'][:], v['spectra'][:], s['spectra'][:]
                print(st.attrs['sensor_kind'].decode(), len(wl), '%.1f %.1f' % (wl[0], wl[-1]), S.shape[0] == V.shape[0],
                      bool((st['line_index'][:] == v['line_index'][:]).all() and (st['pixel_index'][:] == v['pixel_index'][:]).all()))
                for nm in (450, 650, 900):
                    b, k = np.argmin(abs(vw - nm)), np.argmin(abs(wl - nm))
                    print('vnir', nm, wl[k] == vw[b], float(abs(S[:, k] - V[:, b]).max()))
                for nm in (1400, 1900, 2200):
                    b, k = np.argmin(abs(sw - nm)), np.argmin(abs(wl - nm))
                    print('swir', nm, wl[k] == sw[b], '%.4f' % abs(S[:, k].mean() / W[:, b].mean() - 1))
                m = S.mean(axis=0)
                j = int(np.argmax(wl > 1000))
                print('junction %.5f %.5f' % (abs(m[j] - m[j - 1]), abs(np.diff(W.mean(axis=0))[:5]).max() * 2))
                print(f['provenance'].attrs['scan.stitch.grid'].decode())
                """, container.toString());
        String[] l = out.strip().split("\n");
        assertEquals("STITCHED 134 400.0 2500.0 True True", l[0], out);
        for (int i = 1; i <= 3; i++) {
            assertTrue(l[i].matches("vnir \\d+ True 0\\.0"), out);
        }
        for (int i = 4; i <= 6; i++) {
            String[] f = l[i].split(" ");
            assertEquals("True", f[2], out);
            assertTrue(Double.parseDouble(f[3]) < 0.02, "stitched vs SWIR mean at " + f[1] + " nm: " + out);
        }
        String[] j = l[7].split(" ");
        assertTrue(Double.parseDouble(j[1]) <= Double.parseDouble(j[2]), "step at the junction: " + out);
        assertEquals("native", l[8], out);
    }

    private static boolean hasPartial(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(".capture-partial"));
        }
    }

    /** Spectral Python opens the capture HyClus wrote: shape, interleave, wavelengths and the sum of every count. */
    private static void assertSpectralPythonReads(SpecimCapture c, int samples, int bands) {
        String out = Python.run("""
                import sys, numpy as np, spectral
                img = spectral.envi.open(sys.argv[1], sys.argv[2])
                a = np.asarray(img.load(), dtype=np.float64)
                print(img.nrows, img.ncols, img.nbands, img.metadata['interleave'], np.dtype(img.dtype).str)
                print('%.4f %.4f' % (float(img.metadata['wavelength'][0]), float(img.metadata['wavelength'][-1])))
                print('%.0f' % a.sum())
                d = spectral.envi.open(sys.argv[3], sys.argv[4])
                print(d.nrows, d.ncols, d.nbands)
                """, c.dataHeader().toString(), c.dataRaster().toString(), c.darkHeader().toString(),
                c.darkRaster().toString());
        String[] lines = out.split("\n");
        try (EnviReader r = c.openData()) {
            long lines37 = r.header().lines();
            assertEquals(lines37 + " " + samples + " " + bands + " bil <u2", lines[0]);
            double[] wl = r.header().wavelengthNm();
            assertEquals(String.format(Locale.ROOT, "%.4f %.4f", wl[0], wl[wl.length - 1]), lines[1]);
            float[] buf = r.newLine();
            double sum = 0;
            for (int i = 0; i < lines37; i++) {
                r.readLine(i, buf);
                for (float v : buf) {
                    sum += v;
                }
            }
            assertEquals(String.format(Locale.ROOT, "%.0f", sum), lines[2]);
            assertTrue(sum > 0);
        }
        assertEquals("16 " + samples + " " + bands, lines[3], "dark reference: 16 frames");
    }
}
