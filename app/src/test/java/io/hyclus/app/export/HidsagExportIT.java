package io.hyclus.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyclus.app.Main;
import io.hyclus.container.SafeFileNames;
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
import io.hyclus.testkit.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hyclus export --format hidsag}: containers written by the production writer become HIDSAG's layout; the JSON
 * is parsed back with the values the containers' provenance holds, and h5py reads every image cell by cell.
 */
class HidsagExportIT {
    private static final Sensor VNIR = new Sensor("VNIR-1", SensorKind.VNIR, new WavelengthGrid(
            new double[] {450, 550, 650}, new double[] {90, 90, 90}), 16);
    private static final Sensor SWIR = new Sensor("SWIR-1", SensorKind.SWIR, new WavelengthGrid(
            new double[] {1200, 1700}, new double[] {400, 400}), 8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int rc, String out) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        return new Run(cl.execute(args), out.toString());
    }

    /** Reflectance of the synthetic sample at a line, pixel and band, distinct per sample and scan. */
    private static float value(int seed, long line, int pixel, int band) {
        return seed * 0.1f + line * 0.01f + pixel * 0.001f + band * 0.0001f;
    }

    /** Lines 3..6 by pixels 4..8 (x = 1 + 0.5 p mm), less pixel 6 of line 5; {@code n = 0} for a camera that saw nothing. */
    private static SampleCube cube(Sensor sensor, int seed, boolean empty) {
        List<float[]> s = new ArrayList<>();
        List<long[]> at = new ArrayList<>();
        for (long l = 3; l <= 6 && !empty; l++) {
            for (int p = 4; p <= 8; p++) {
                if (l == 5 && p == 6) {
                    continue;
                }
                float[] v = new float[sensor.bands()];
                for (int b = 0; b < v.length; b++) {
                    v[b] = value(seed, l, p, b);
                }
                s.add(v);
                at.add(new long[] {l, p});
            }
        }
        return new SampleCube(new CameraSetup(sensor, new AcrossTrackGeometry(1, 0.5, 0)), s.toArray(new float[0][]),
                at.stream().mapToLong(a -> a[0]).toArray(), at.stream().mapToInt(a -> (int) a[1]).toArray(),
                at.stream().map(a -> new double[] {1 + 0.5 * a[1], 2.0 * a[0]}).toArray(double[][]::new));
    }

    private static SampleContainer container(String scanId, String sampleId, int seed, boolean swirEmpty) {
        Map<String, String> prov = new TreeMap<>(Map.of("software.version", "t", "scan.line_pitch_um", "2000",
                "scan.belt_speed_mm_s", "40.0", "scan.camera.VNIR-1", "CameraIdentity[kind=VNIR], CameraSettings["
                        + "integrationMicros=12500, frameRateHz=20.0, spectralBinning=2, spatialBinning=1, roiPixels=16]"));
        return new SampleContainer(scanId, "tray-1", new TraySlot(1, new SampleMetadata(sampleId, "Plant-2",
                YearMonth.of(2025, 3), GrainSizeFraction.PLUS_100), new RegionMm(2, 4, 6, 14)),
                List.of(cube(VNIR, seed, false), cube(SWIR, seed, swirEmpty)), Provenance.fromMap(prov));
    }

    @Test
    void export_hidsag_foldersJsonAndImages_withTheContainersValues_rerunWritesTheSameBytes() throws Exception {
        Path samples = dir.resolve("samples");
        SampleContainerWriter writer = new SampleContainerWriter(samples);
        writer.write(container("scan-1", "A-1", 1, false));
        writer.write(container("scan-2", "A-1", 2, true));
        writer.write(container("scan-1", "CON", 3, false));
        Path out = dir.resolve("hidsag");

        Run r = run("export", "--format", "hidsag", "--samples", samples.toString(), out.toString());

        assertEquals(0, r.rc(), r.out());
        assertTrue(r.out().contains("Exported 3 containers of 2 samples as HIDSAG to " + out + ": 5 images"), r.out());
        String con = SafeFileNames.of("CON");
        assertEquals(List.of("A-1/metadata.json", "A-1/scan-1_swir.h5", "A-1/scan-1_vnir.h5", "A-1/scan-2_vnir.h5",
                con + "/metadata.json", con + "/scan-1_swir.h5", con + "/scan-1_vnir.h5", "wavelengths.json"), files(out));

        JsonNode wl = JSON.readTree(out.resolve("wavelengths.json").toFile());
        assertEquals(JSON.readTree("{\"swir\": [1200.0, 1700.0], \"vnir\": [450.0, 550.0, 650.0]}"), wl);

        JsonNode a1 = JSON.readTree(out.resolve("A-1/metadata.json").toFile());
        assertEquals("A-1", a1.get("sample_id").asText());
        assertEquals("Plant-2", a1.get("plant").asText());
        assertEquals("2025-03", a1.get("month").asText());
        assertEquals("Plus 100", a1.get("grain_size_fraction").asText());
        assertEquals(2, a1.get("crops").size());
        JsonNode crop = a1.get("crops").get(0);
        assertEquals("scan-1", crop.get("scan_id").asText());
        assertEquals("scan-1/A-1.h5", crop.get("source").asText());
        assertEquals(JSON.readTree("[2.0, 4.0, 6.0, 14.0]"), crop.get("region_mm"));
        JsonNode vnir = crop.get("images").get(0);
        assertEquals("scan-1_vnir.h5", vnir.get("path_hsi").asText());
        assertEquals(JSON.readTree("[4, 5, 3]"), vnir.get("image_dims"));
        assertEquals(JSON.readTree("[8.0, 2.5]"), vnir.get("real_dims"), "4 lines of 2 mm, 5 pixels of 0.5 mm");
        assertEquals(JSON.readTree("{\"spatial\": 1, \"spectral\": 2}"), vnir.get("binning"));
        assertEquals(20.0, vnir.get("sample_frequency").asDouble());
        assertEquals(12.5, vnir.get("integration_time").asDouble());
        assertEquals(40.0, vnir.get("dolly_speed").asDouble());
        assertEquals("vnir", vnir.get("wavelengths").asText());
        assertEquals(19, vnir.get("spectra").asInt());
        assertEquals(0, vnir.get("notes").size());
        JsonNode swir = crop.get("images").get(1);
        assertEquals("SWIR", swir.get("sensor").asText());
        assertTrue(swir.get("integration_time").isNull() && swir.get("sample_frequency").isNull()
                && swir.get("binning").get("spatial").isNull(), "the containers record no SWIR camera settings");
        assertTrue(swir.get("notes").get(0).asText().contains("scan.camera.SWIR-1"), swir.toString());
        assertEquals(40.0, swir.get("dolly_speed").asDouble());
        assertEquals(1, a1.get("crops").get(1).get("images").size(), "scan-2 saw A-1 with VNIR only");

        assertImage(out.resolve("A-1/scan-1_vnir.h5"), 1, VNIR.bands());
        assertImage(out.resolve("A-1/scan-2_vnir.h5"), 2, VNIR.bands());
        assertImage(out.resolve(con + "/scan-1_swir.h5"), 3, SWIR.bands());
        assertEquals("CON", JSON.readTree(out.resolve(con + "/metadata.json").toFile()).get("sample_id").asText());

        Map<String, byte[]> first = contents(out);
        Run again = run("export", "--format", "hidsag", "--samples", samples.toString(), out.toString());
        assertEquals(0, again.rc(), again.out());
        Map<String, byte[]> second = contents(out);
        assertEquals(first.keySet(), second.keySet());
        first.forEach((f, bytes) -> assertArrayEquals(bytes, second.get(f), f + " differs after a re-run"));
    }

    /** h5py reads {@code /hsi_data} (4 lines x 5 pixels x bands, NaN at line 5 pixel 6) and its mask cell by cell. */
    private static void assertImage(Path file, int seed, int bands) throws Exception {
        JsonNode h = JSON.readTree(Python.run(String.join("\n",
                "import sys, json, numpy as np, h5py",
                "f = h5py.File(sys.argv[1], 'r')",
                "d = f['hsi_data']",
                "print(json.dumps({'shape': list(d.shape), 'dtype': d.dtype.str, 'compression': d.compression,",
                "  'data': [None if np.isnan(x) else float(x) for x in d[()].ravel()],",
                "  'mask': [int(x) for x in f['hsi_mask'][()].ravel()], 'mask_dtype': f['hsi_mask'].dtype.str,",
                "  'first_line': int(d.attrs['first_line_index']), 'first_pixel': int(d.attrs['first_pixel_index'])}))"),
                file.toString()));
        assertEquals(JSON.readTree("[4, 5, " + bands + "]"), h.get("shape"), file.toString());
        assertEquals("<f4", h.get("dtype").asText());
        assertEquals("|u1", h.get("mask_dtype").asText());
        assertEquals("gzip", h.get("compression").asText());
        assertEquals(3, h.get("first_line").asInt());
        assertEquals(4, h.get("first_pixel").asInt());
        int k = 0;
        for (long l = 3; l <= 6; l++) {
            for (int p = 4; p <= 8; p++) {
                boolean hole = l == 5 && p == 6;
                assertEquals(hole ? 0 : 1, h.get("mask").get((int) (l - 3) * 5 + (p - 4)).asInt());
                for (int b = 0; b < bands; b++, k++) {
                    JsonNode v = h.get("data").get(k);
                    if (hole) {
                        assertTrue(v.isNull(), file + " line " + l + " pixel " + p + " is NaN");
                    } else {
                        assertEquals(value(seed, l, p, b), (float) v.asDouble(), file + " line " + l + " pixel " + p);
                    }
                }
            }
        }
    }

    @Test
    void export_unknownFormat_exit2_nothingWritten() {
        Path out = dir.resolve("out");
        Run r = run("export", "--format", "xml", "--samples", dir.toString(), out.toString());
        assertEquals(2, r.rc(), r.out());
        assertTrue(r.out().startsWith("--format must be one of [hidsag, envi]: 'xml'"), r.out());
        Run envi = run("export", "--format", "envi", "--samples", dir.toString(), out.toString());
        assertEquals(2, envi.rc(), envi.out());
        assertTrue(envi.out().startsWith("--format envi exports a scan recorded on Kafka: give --scan ID"), envi.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void export_outDirInsideSamples_exit2() {
        Run r = run("export", "--format", "hidsag", "--samples", dir.toString(), dir.resolve("x").toString());
        assertEquals(2, r.rc(), r.out());
        assertTrue(r.out().contains("must not contain one another"), r.out());
    }

    @Test
    void export_noContainers_exit1_sayingWhere() {
        Run r = run("export", "--format", "hidsag", "--samples", dir.toString(), dir.resolveSibling(dir.getFileName()
                + "-out").toString());
        assertEquals(1, r.rc(), r.out());
        assertTrue(r.out().contains("no sample container (*.h5) under " + dir.toAbsolutePath()), r.out());
    }

    private static List<String> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static Map<String, byte[]> contents(Path root) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        for (String f : files(root)) {
            m.put(f, Files.readAllBytes(root.resolve(f)));
        }
        return m;
    }
}
