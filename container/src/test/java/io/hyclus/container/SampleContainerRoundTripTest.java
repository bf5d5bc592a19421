package io.hyclus.container;

import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.spectral.MaterialClass;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TraySlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static io.hyclus.container.SampleContainerFormat.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jhdf writes a container; the reader (jhdf) and h5py read every field back with the values written. */
class SampleContainerRoundTripTest {
    private static final Sensor VNIR = new Sensor("VNIR-1", SensorKind.VNIR, WavelengthGrid.uniform(400, 1000, 6, 1.2), 64);
    private static final Sensor SWIR = new Sensor("SWIR-1", SensorKind.SWIR, WavelengthGrid.uniform(1000, 2500, 4, 1.0), 32);
    private static final TraySlot SLOT = new TraySlot(3, new SampleMetadata("P2-2025-07-P100", "Plant-2",
            YearMonth.of(2025, 7), GrainSizeFraction.PLUS_100), new RegionMm(12.5, 40.25, 60.75, 88.0));
    private static final Provenance PROV = Provenance.builder()
            .put(ProvenanceKeys.SOFTWARE_VERSION, "0.1.0-SNAPSHOT")
            .put(ProvenanceKeys.SIMULATOR.child("seed"), 42)
            .put(ProvenanceKeys.CALIBRATION.child("VNIR-1").child("dark_frames"), 16)
            .put(ProvenanceKeys.SEGMENTATION.child("edge_margin_mm"), 3.0)
            .put(ProvenanceKey.of("segmentation.lines_received.vnir"), "250 of 250 published")
            .put(ProvenanceKey.of("scan.degradation.1"), "SWIR-1: 2 of 250 lines dropped at hyclus.scan-events/0@17")
            .build();

    @TempDir
    Path dir;

    private static SampleCube cube(Sensor sensor, int n, long seed) {
        Random r = new Random(seed);
        float[][] spectra = new float[n][sensor.bands()];
        long[] lines = new long[n];
        int[] pixels = new int[n];
        double[][] pos = new double[n][2];
        byte[] material = new byte[n];
        for (int i = 0; i < n; i++) {
            material[i] = (byte) (i % MaterialClass.values().length);
            for (int b = 0; b < sensor.bands(); b++) {
                spectra[i][b] = r.nextFloat();
            }
            lines[i] = 10_000_000_000L + i / 3;
            pixels[i] = 2 + (i % 3) * 5 + (int) ((i / 3) % 2);      // three per line, holes between and around them
            pos[i][0] = r.nextDouble() * 100;
            pos[i][1] = r.nextDouble() * 100;
        }
        return new SampleCube(new CameraSetup(sensor, new AcrossTrackGeometry(1.0, 0.5, 0)), spectra, lines, pixels, pos,
                material);
    }

    private SampleContainer container(int vnirSpectra, int swirSpectra) {
        return new SampleContainer("scan-20251125-01", "tray-A7", SLOT,
                List.of(cube(VNIR, vnirSpectra, 1), cube(SWIR, swirSpectra, 2)), PROV);
    }

    @Test
    void write_thenReadByJhdfAndH5py_everyFieldHasTheValueWritten() {
        SampleContainer written = container(7, 3);
        Path file = new SampleContainerWriter(dir).write(written);

        assertEquals(dir.resolve("scan-20251125-01/P2-2025-07-P100.h5").toAbsolutePath(), file);
        assertJhdfReadsBack(written, SampleContainerReader.read(file));
        assertJhdfReadsCubes(written, SampleContainerReader.readCubes(file));
        assertH5pyReadsBack(written, H5py.read(file));
    }

    /** The stitched stream (docs/stitching.md) is one more group, {@code /stitched}, of the same format /4. */
    @Test
    void stitchedGroup_writtenBesideTheCameras_readByJhdfAndH5py() {
        Sensor stitched = new Sensor("stitched", SensorKind.STITCHED, new WavelengthGrid(
                new double[] {400, 700, 1000, 1500, 2000, 2500}, new double[] {12, 12, 12, 30, 30, 30}), 64);
        SampleContainer written = new SampleContainer("scan-20251125-01", "tray-A7", SLOT,
                List.of(cube(VNIR, 7, 1), cube(SWIR, 3, 2), cube(stitched, 7, 3)), PROV);
        Path file = new SampleContainerWriter(dir).write(written);

        SampleSpectra read = SampleContainerReader.read(file);
        assertEquals(CURRENT, read.format());
        assertEquals(7, read.camera(SensorKind.STITCHED).orElseThrow().size());
        assertEquals(2500, read.camera(SensorKind.STITCHED).orElseThrow().wavelengthNm()[5]);
        assertJhdfReadsBack(written, read);
        assertJhdfReadsCubes(written, SampleContainerReader.readCubes(file));
        assertH5pyReadsBack(written, H5py.read(file));
    }

    @Test
    void defaultStorage_largeDatasetsChunkedShuffledDeflated_h5pyReadsThem_bandAxesContiguous() {
        SampleContainer written = container(700, 300);
        Path file = new SampleContainerWriter(dir).write(written);

        H5py h = H5py.read(file);
        assertH5pyReadsBack(written, h);
        for (String cam : List.of("/vnir/", "/swir/")) {
            for (String d : List.of(SPECTRA, LINE_INDEX, PIXEL_INDEX, POSITION_MM, HSI_DATA, HSI_MASK)) {
                H5py.Storage s = h.storage(cam + d);
                assertEquals("gzip", s.compression(), cam + d);
                assertTrue(s.shuffle(), cam + d);
                assertTrue(s.chunks().startsWith("("), cam + d + " chunks " + s.chunks());
            }
            assertEquals(new H5py.Storage("None", false, "None"), h.storage(cam + WAVELENGTH_NM));
        }
        assertEquals("(700, 6)", h.storage("/vnir/" + SPECTRA).chunks(), "whole spectra, all rows within 256 KiB");
    }

    @Test
    void uncompressedStorage_sameContent_contiguous() {
        SampleContainer written = container(40, 9);
        Path file = new SampleContainerWriter(dir, ContainerStorage.UNCOMPRESSED).write(written);

        assertJhdfReadsBack(written, SampleContainerReader.read(file));
        assertJhdfReadsCubes(written, SampleContainerReader.readCubes(file));
        H5py h = H5py.read(file);
        assertH5pyReadsBack(written, h);
        assertEquals(new H5py.Storage("None", false, "None"), h.storage("/vnir/" + HSI_DATA));
    }

    @Test
    void chunkShape_keepsWholeTrailingDimensionsWithinTheTarget_cutsTheFirstThatDoesNot() {
        assertArrayEquals(new int[] {292, 224}, ContainerStorage.chunk(new int[] {22208, 224}, 4, 256 * 1024));
        assertArrayEquals(new int[] {3, 347, 224}, ContainerStorage.chunk(new int[] {64, 347, 224}, 4, 1024 * 1024));
        assertArrayEquals(new int[] {1, 292, 224}, ContainerStorage.chunk(new int[] {64, 347, 224}, 4, 256 * 1024));
        assertArrayEquals(new int[] {1, 1, 256}, ContainerStorage.chunk(new int[] {2, 2, 5000}, 4, 1024));
        assertArrayEquals(new int[] {7}, ContainerStorage.chunk(new int[] {7}, 8, 1024));
    }

    @Test
    void twoSpectraAtOneLineAndPixel_refusedNamingThem_noFileLeft() throws Exception {
        SampleCube c = cube(VNIR, 2, 1);
        SampleCube dup = new SampleCube(c.camera(), c.spectra(), new long[] {5, 5}, new int[] {9, 9}, c.positionMm());
        SampleContainerWriter writer = new SampleContainerWriter(dir);
        ContainerException e = assertThrows(ContainerException.class, () -> writer.write(
                new SampleContainer("scan-1", "tray-1", SLOT, List.of(dup), PROV)));
        assertTrue(e.getMessage().endsWith("two spectra at line 5, pixel 9 (spectra 0 and 1)"), e.getMessage());
        try (var files = Files.list(dir.resolve("scan-1"))) {
            assertEquals(List.of(), files.toList());
        }
    }

    @ParameterizedTest
    @EnumSource(value = SensorKind.class, names = {"VNIR", "SWIR"})
    void cameraThatSawNothing_keepsItsBandAxis_andTheFileStaysReadableByBoth(SensorKind empty) {
        SampleContainer written = container(empty == SensorKind.VNIR ? 0 : 5, empty == SensorKind.SWIR ? 0 : 4);
        Path file = new SampleContainerWriter(dir).write(written);

        SampleSpectra read = SampleContainerReader.read(file);
        assertJhdfReadsBack(written, read);
        assertJhdfReadsCubes(written, SampleContainerReader.readCubes(file));
        assertEquals(0, read.camera(empty).orElseThrow().size());
        assertH5pyReadsBack(written, H5py.read(file));
    }

    @Test
    void write_replacesAnEarlierFile_andLeavesNoPartialFileBehind() throws Exception {
        SampleContainerWriter writer = new SampleContainerWriter(dir);
        writer.write(container(2, 2));
        Path file = writer.write(container(5, 1));

        assertEquals(5, SampleContainerReader.read(file).camera(SensorKind.VNIR).orElseThrow().size());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file.getFileName().toString()), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** A process killed while writing leaves a .partial; the next write starts from an empty file, not on top of it. */
    @Test
    void write_overAStalePartialFile_writesTheSameBytesAsIntoACleanFolder() throws Exception {
        Path clean = new SampleContainerWriter(dir.resolve("clean")).write(container(5, 1));
        SampleContainerWriter writer = new SampleContainerWriter(dir.resolve("crashed"));
        Path stale = writer.partialFileFor("scan-20251125-01", SLOT.sample().sampleId());
        Files.createDirectories(stale.getParent());
        Files.write(stale, new byte[3 * (int) Files.size(clean)]); // larger than the container that follows

        Path file = writer.write(container(5, 1));

        assertEquals(Files.size(clean), Files.size(file));
        assertFalse(Files.exists(stale));
        assertEquals(Map.of(SensorKind.VNIR, 5L, SensorKind.SWIR, 1L), SampleContainerReader.spectraCounts(file));
        assertH5pyReadsBack(container(5, 1), H5py.read(file));
    }

    @Test
    void read_missingFile_namesIt() {
        Path nowhere = dir.resolve("nope.h5");
        ContainerException e = assertThrows(ContainerException.class, () -> SampleContainerReader.read(nowhere));
        assertEquals("no sample container at " + nowhere, e.getMessage());
    }

    @Test
    void read_fileOfAnotherFormat_namesFileAndFormats() {
        Path file = dir.resolve("other.h5");
        try (var hdf = io.jhdf.HdfFile.write(file)) {
            hdf.putAttribute(FORMAT, "something-else/3");
        }
        ContainerException e = assertThrows(ContainerException.class, () -> SampleContainerReader.read(file));
        assertEquals(file + " has format 'something-else/3', expected one of " + READABLE, e.getMessage());
    }

    @Test
    void read_datasetOfTheWrongLength_namesFileGroupAndShapes() {
        Path file = dir.resolve("bad.h5");
        try (var hdf = io.jhdf.HdfFile.write(file)) {
            hdf.putAttribute(FORMAT, CURRENT);
            hdf.putAttribute(SAMPLE_ID, "S-1");
            hdf.putAttribute(PLANT, "Plant-1");
            hdf.putAttribute(MONTH, "2025-01");
            hdf.putAttribute(GRAIN_SIZE_FRACTION, "Plus 100");
            hdf.putAttribute(SCAN_ID, "scan-1");
            hdf.putAttribute(TRAY_ID, "tray-1");
            hdf.putAttribute(SLOT_INDEX, 0);
            hdf.putAttribute(SAMPLE_REGION_MM, new double[] {0, 0, 10, 10});
            hdf.putGroup(PROVENANCE).putAttribute("software.version", "x");
            var g = hdf.putGroup("vnir");
            g.putAttribute(SENSOR_ID, "VNIR-1");
            g.putAttribute(SENSOR_KIND, "VNIR");
            g.putAttribute(SPECTRA_COUNT, 2L);
            g.putDataset(WAVELENGTH_NM, new double[] {500, 600});
            g.putDataset(FWHM_NM, new double[] {10, 10});
            g.putDataset(SPECTRA, new float[][] {{0.1f, 0.2f}, {0.3f, 0.4f}});
            g.putDataset(LINE_INDEX, new long[] {0, 1, 2});
            g.putDataset(PIXEL_INDEX, new int[] {0, 1});
            g.putDataset(POSITION_MM, new double[][] {{0, 0}, {1, 1}});
        }
        ContainerException e = assertThrows(ContainerException.class, () -> SampleContainerReader.read(file));
        assertEquals(file + " /vnir/line_index is 3 x 1, expected 2 x 1", e.getMessage());
    }

    private static void assertJhdfReadsCubes(SampleContainer w, Map<SensorKind, HsiCube> cubes) {
        for (SampleCube c : w.cubes()) {
            HsiCube got = cubes.get(c.camera().sensor().kind());
            String what = c.camera().sensor().id();
            if (c.size() == 0) {
                assertTrue(got.isEmpty(), what);
                continue;
            }
            ExpectedCube e = ExpectedCube.of(c);
            int bands = c.camera().sensor().bands();
            assertEquals(List.of(e.firstLine(), (long) e.firstPixel(), (long) e.rows(), (long) e.cols(), (long) bands),
                    List.of(got.firstLine(), (long) got.firstPixel(), (long) got.rows(), (long) got.columns(),
                            (long) got.bands()), what);
            for (int r = 0; r < e.rows(); r++) {
                for (int col = 0; col < e.cols(); col++) {
                    int cell = r * e.cols() + col;
                    assertEquals(e.mask()[cell], got.mask()[r][col], what + " mask " + r + "," + col);
                    for (int b = 0; b < bands; b++) {
                        assertEquals(e.data()[cell * bands + b], got.data()[r][col][b], what + " " + r + "," + col + "," + b);
                    }
                }
            }
        }
    }

    private static void assertJhdfReadsBack(SampleContainer w, SampleSpectra r) {
        assertEquals(CURRENT, r.format());
        assertEquals(w.scanId(), r.scanId());
        assertEquals(w.trayId(), r.trayId());
        assertEquals(w.slot(), r.slot());
        assertEquals(w.provenance().asMap(), r.provenance());
        assertEquals(Map.of(SensorKind.VNIR, true, SensorKind.SWIR, true),
                Map.of(SensorKind.VNIR, r.camera(SensorKind.VNIR).isPresent(), SensorKind.SWIR, r.camera(SensorKind.SWIR).isPresent()));
        for (SampleCube c : w.cubes()) {
            CameraSpectra got = r.camera(c.camera().sensor().kind()).orElseThrow();
            String what = c.camera().sensor().id();
            assertEquals(c.camera().sensor().id(), got.sensorId());
            assertArrayEquals(c.camera().sensor().grid().centresNm(), got.wavelengthNm(), what);
            assertArrayEquals(c.camera().sensor().grid().fwhmNm(), got.fwhmNm(), what);
            assertEquals(c.size(), got.size(), what);
            for (int i = 0; i < c.size(); i++) {
                assertArrayEquals(c.spectra()[i], got.spectra()[i], what + " spectrum " + i);
                assertArrayEquals(c.positionMm()[i], got.positionMm()[i], what + " position " + i);
            }
            assertArrayEquals(c.lineIndex(), got.lineIndex(), what);
            assertArrayEquals(c.pixelIndex(), got.pixelIndex(), what);
            assertArrayEquals(c.material(), got.material(), what);
            assertArrayEquals(c.material(), SampleContainerReader.readMaterial(r.file(), c.camera().sensor().kind()),
                    what + ": the material classes alone");
        }
    }

    private static void assertH5pyReadsBack(SampleContainer w, H5py h) {
        Set<String> expected = new TreeSet<>();
        h.assertText("/@" + FORMAT, CURRENT);
        h.assertText("/@" + SAMPLE_ID, w.slot().sample().sampleId());
        h.assertText("/@" + PLANT, w.slot().sample().plant());
        h.assertText("/@" + MONTH, w.slot().sample().month().toString());
        h.assertText("/@" + GRAIN_SIZE_FRACTION, w.slot().sample().fraction().label());
        h.assertText("/@" + SCAN_ID, w.scanId());
        h.assertText("/@" + TRAY_ID, w.trayId());
        h.assertIntegers("/@" + SLOT_INDEX, "<i4", "", w.slot().index());
        RegionMm region = w.slot().region();
        h.assertNumbers("/@" + SAMPLE_REGION_MM, "<f8", "4", region.x0(), region.y0(), region.x1(), region.y1());
        for (String a : List.of(FORMAT, SAMPLE_ID, PLANT, MONTH, GRAIN_SIZE_FRACTION, SCAN_ID, TRAY_ID, SLOT_INDEX, SAMPLE_REGION_MM)) {
            expected.add("/@" + a);
        }
        w.provenance().asMap().forEach((k, v) -> {
            h.assertText("/" + PROVENANCE + "@" + k, v);
            expected.add("/" + PROVENANCE + "@" + k);
        });
        for (SampleCube c : w.cubes()) {
            String g = "/" + cameraGroup(c.camera().sensor().kind());
            int n = c.size();
            int bands = c.camera().sensor().bands();
            h.assertText(g + "@" + SENSOR_ID, c.camera().sensor().id());
            h.assertText(g + "@" + SENSOR_KIND, c.camera().sensor().kind().name());
            h.assertIntegers(g + "@" + SPECTRA_COUNT, "<i8", "", n);
            h.assertNumbers(g + "/" + WAVELENGTH_NM, "<f8", "" + bands, c.camera().sensor().grid().centresNm());
            h.assertText(g + "/" + WAVELENGTH_NM + "@" + UNITS, UNITS_NM);
            h.assertNumbers(g + "/" + FWHM_NM, "<f8", "" + bands, c.camera().sensor().grid().fwhmNm());
            h.assertText(g + "/" + FWHM_NM + "@" + UNITS, UNITS_NM);
            expected.addAll(List.of(g + "@" + SENSOR_ID, g + "@" + SENSOR_KIND, g + "@" + SPECTRA_COUNT, g + "/" + WAVELENGTH_NM,
                    g + "/" + WAVELENGTH_NM + "@" + UNITS, g + "/" + FWHM_NM, g + "/" + FWHM_NM + "@" + UNITS));
            if (n == 0) {
                continue;
            }
            h.assertNumbers(g + "/" + SPECTRA, "<f4", n + "x" + bands, flatten(c.spectra()));
            h.assertText(g + "/" + SPECTRA + "@" + UNITS, UNITS_REFLECTANCE);
            h.assertIntegers(g + "/" + LINE_INDEX, "<i8", "" + n, c.lineIndex());
            h.assertIntegers(g + "/" + PIXEL_INDEX, "<i4", "" + n, java.util.Arrays.stream(c.pixelIndex()).asLongStream().toArray());
            h.assertNumbers(g + "/" + POSITION_MM, "<f8", n + "x2", flatten(c.positionMm()));
            h.assertText(g + "/" + POSITION_MM + "@" + UNITS, UNITS_MM);
            long[] material = new long[n];
            for (int i = 0; i < n; i++) {
                material[i] = c.material()[i];
            }
            h.assertIntegers(g + "/" + MATERIAL, "|u1", "" + n, material);
            h.assertText(g + "/" + MATERIAL + "@" + MATERIAL_CLASSES,
                    "0 material, 1 flagged, 2 dark, 3 bright, 4 off-spectrum");
            expected.addAll(List.of(g + "/" + SPECTRA, g + "/" + SPECTRA + "@" + UNITS, g + "/" + LINE_INDEX,
                    g + "/" + PIXEL_INDEX, g + "/" + POSITION_MM, g + "/" + POSITION_MM + "@" + UNITS,
                    g + "/" + MATERIAL, g + "/" + MATERIAL + "@" + MATERIAL_CLASSES));
            ExpectedCube cube = ExpectedCube.of(c);
            h.assertNumbers(g + "/" + HSI_DATA, "<f4", cube.rows + "x" + cube.cols + "x" + bands, cube.data);
            h.assertText(g + "/" + HSI_DATA + "@" + UNITS, UNITS_REFLECTANCE);
            h.assertIntegers(g + "/" + HSI_DATA + "@" + FIRST_LINE_INDEX, "<i8", "", cube.firstLine);
            h.assertIntegers(g + "/" + HSI_DATA + "@" + FIRST_PIXEL_INDEX, "<i4", "", cube.firstPixel);
            h.assertIntegers(g + "/" + HSI_MASK, "|u1", cube.rows + "x" + cube.cols, cube.mask);
            expected.addAll(List.of(g + "/" + HSI_DATA, g + "/" + HSI_DATA + "@" + UNITS,
                    g + "/" + HSI_DATA + "@" + FIRST_LINE_INDEX, g + "/" + HSI_DATA + "@" + FIRST_PIXEL_INDEX,
                    g + "/" + HSI_MASK));
        }
        assertEquals(expected, h.paths(), "h5py saw exactly the fields written");
    }

    /**
     * The cube a container's spectra make, computed independently of {@link HsiCube}: rows = lines min..max, columns =
     * pixels min..max, NaN and mask 0 where no spectrum.
     */
    record ExpectedCube(long firstLine, int firstPixel, int rows, int cols, double[] data, long[] mask) {
        static ExpectedCube of(SampleCube c) {
            long l0 = java.util.Arrays.stream(c.lineIndex()).min().orElseThrow();
            long l1 = java.util.Arrays.stream(c.lineIndex()).max().orElseThrow();
            int p0 = java.util.Arrays.stream(c.pixelIndex()).min().orElseThrow();
            int p1 = java.util.Arrays.stream(c.pixelIndex()).max().orElseThrow();
            int rows = (int) (l1 - l0 + 1), cols = p1 - p0 + 1, bands = c.camera().sensor().bands();
            double[] data = new double[rows * cols * bands];
            java.util.Arrays.fill(data, Double.NaN);
            long[] mask = new long[rows * cols];
            for (int i = 0; i < c.size(); i++) {
                int cell = (int) (c.lineIndex()[i] - l0) * cols + (c.pixelIndex()[i] - p0);
                mask[cell] = 1;
                for (int b = 0; b < bands; b++) {
                    data[cell * bands + b] = c.spectra()[i][b];
                }
            }
            return new ExpectedCube(l0, p0, rows, cols, data, mask);
        }
    }

    private static double[] flatten(float[][] a) {
        List<Double> out = new ArrayList<>();
        for (float[] row : a) {
            for (float x : row) {
                out.add((double) x);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] flatten(double[][] a) {
        return java.util.Arrays.stream(a).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void formatConstants_nameEachCameraGroupOnce() {
        assertEquals("vnir", cameraGroup(SensorKind.VNIR));
        assertEquals(SensorKind.SWIR, cameraOfGroup("swir").orElseThrow());
        assertFalse(cameraOfGroup(PROVENANCE).isPresent());
        assertTrue(READABLE.contains(CURRENT));
    }
}
