package io.hyclus.container;

import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TraySlot;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files written by earlier versions (see {@code fixtures/README.md}) still load with the values they were written with. */
class SampleContainerFixturesTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SampleContainerFixturesTest.class.getResource("/fixtures/" + name).toURI());
    }

    /** The synthetic scan's value at (line, pixel, band), computed as the scan that wrote the fixture did. */
    private static float value(long line, int pixel, int band) {
        return line * 0.01f + pixel * 0.001f + band * 0.0001f;
    }

    @Test
    void formatV1_bothCameras_loadsWithEveryValueWritten() throws Exception {
        SampleSpectra s = SampleContainerReader.read(fixture("sample-container-v1.h5"));

        assertEquals(SampleContainerFormat.FORMAT_V1, s.format());
        assertEquals("scan-v1", s.scanId());
        assertEquals("tray-7", s.trayId());
        assertEquals(new TraySlot(0, new SampleMetadata("A-1", "Plant-1", YearMonth.of(2025, 2), GrainSizeFraction.MINUS_100),
                new RegionMm(4, 6, 36, 30)), s.slot());
        assertEquals(Map.ofEntries(
                Map.entry("calibration.vnir.dark_frames", "16"),
                Map.entry("scan.completed_utc", "2026-11-25T01:00:05Z"),
                Map.entry("scan.line_pitch_mm", "2.0"),
                Map.entry("scan.started_utc", "2026-11-25T01:00:00Z"),
                Map.entry("segmentation.edge_margin_mm", "3.0"),
                Map.entry("segmentation.lines_received.swir", "18 of 18 published"),
                Map.entry("segmentation.lines_received.vnir", "18 of 18 published"),
                Map.entry("segmentation.scan_completed_at", "hyclus.scan-events/0@37"),
                Map.entry("segmentation.scan_started_at", "hyclus.scan-events/0@0"),
                Map.entry("segmentation.software_version", "0.1.0-SNAPSHOT"),
                Map.entry("segmentation.written_utc", "2026-11-25T02:00:00Z"),
                Map.entry("simulator.seed", "7"),
                Map.entry("software.version", "0.1.0-SNAPSHOT")), s.provenance());

        assertEquals(new SampleHeader(s.file(), s.format(), s.scanId(), s.trayId(), s.metadata()),
                SampleContainerReader.readHeader(s.file()), "the header alone, from the root attributes");

        CameraSpectra vnir = s.camera(SensorKind.VNIR).orElseThrow();
        assertEquals("vnir", vnir.sensorId());
        assertArrayEquals(new double[] {450, 550, 650, 750, 850}, vnir.wavelengthNm());
        assertArrayEquals(new double[] {100, 100, 100, 100, 100}, vnir.fwhmNm());
        assertCube(vnir, 3, 15, 1.0, 2.0, 0f);

        CameraSpectra swir = s.camera(SensorKind.SWIR).orElseThrow();
        assertEquals("swir", swir.sensorId());
        assertArrayEquals(new double[] {1000, 1500, 2000, 2500}, swir.wavelengthNm());
        assertArrayEquals(new double[] {500, 500, 500, 500}, swir.fwhmNm());
        assertCube(swir, 3, 10, 0.5, 3.0, 0.5f);
    }

    /** Lines 4..12 (y = 2 line + 1 mm) by pixels p0..p1 (x = x0 + pitch p mm), line-major. */
    private static void assertCube(CameraSpectra c, int p0, int p1, double x0, double pitch, float offset) {
        int bands = c.wavelengthNm().length;
        assertEquals(9 * (p1 - p0 + 1), c.size());
        int k = 0;
        for (long l = 4; l <= 12; l++) {
            for (int p = p0; p <= p1; p++, k++) {
                String at = c.sensorId() + " line " + l + " pixel " + p;
                assertEquals(l, c.lineIndex()[k], at);
                assertEquals(p, c.pixelIndex()[k], at);
                assertArrayEquals(new double[] {x0 + pitch * p, 2.0 * l + 1}, c.positionMm()[k], 1e-12, at);
                for (int b = 0; b < bands; b++) {
                    assertEquals(offset + value(l, p, b), c.spectra()[k][b], at + " band " + b);
                }
            }
        }
    }

    @Test
    void formatV1_cubesAreBuiltFromTheSpectra_asFormat3WritesThem() throws Exception {
        Map<SensorKind, HsiCube> cubes = SampleContainerReader.readCubes(fixture("sample-container-v1.h5"));

        HsiCube vnir = cubes.get(SensorKind.VNIR);
        assertEquals(List.of(4L, 3L, 9L, 13L, 5L), List.of(vnir.firstLine(), (long) vnir.firstPixel(), (long) vnir.rows(),
                (long) vnir.columns(), (long) vnir.bands()));
        assertEquals(9 * 13, vnir.filled());
        assertEquals(value(12, 15, 4), vnir.data()[8][12][4]);
        HsiCube swir = cubes.get(SensorKind.SWIR);
        assertEquals(List.of(4L, 3L, 9L, 8L, 4L), List.of(swir.firstLine(), (long) swir.firstPixel(), (long) swir.rows(),
                (long) swir.columns(), (long) swir.bands()));
        assertEquals(0.5f + value(4, 3, 0), swir.data()[0][0][0]);
    }

    @Test
    void formatV2_loadsWithEveryValueWritten_andItsCubeHasTheDroppedLineAndTheMissingPixelAsHoles() throws Exception {
        SampleSpectra s = SampleContainerReader.read(fixture("sample-container-v2.h5"));

        assertEquals(SampleContainerFormat.FORMAT_V2, s.format());
        assertEquals("scan-v2", s.scanId());
        assertEquals("tray-7", s.trayId());
        assertEquals(new TraySlot(0, new SampleMetadata("A-1", "Plant-1", YearMonth.of(2025, 2), GrainSizeFraction.MINUS_100),
                new RegionMm(4, 6, 36, 30)), s.slot());
        assertEquals("2000", s.provenance().get("scan.line_pitch_um"));
        assertEquals("17 of 18 published", s.provenance().get("segmentation.lines_received.vnir"));
        assertEquals("swir camera lost", s.provenance().get("scan.degradation.1"));
        assertEquals(9, s.provenance().size());

        CameraSpectra vnir = s.camera(SensorKind.VNIR).orElseThrow();
        assertArrayEquals(new double[] {450, 550, 650, 750, 850}, vnir.wavelengthNm());
        assertEquals(103, vnir.size());
        int k = 0;
        for (long l = 4; l <= 12; l++) {
            for (int p = 3; p <= 15; p++) {
                if (l == 8 || (l == 10 && p == 7)) {
                    continue;
                }
                assertEquals(l, vnir.lineIndex()[k]);
                assertEquals(p, vnir.pixelIndex()[k]);
                assertArrayEquals(new double[] {1 + 2.0 * p, 2.0 * l + 1}, vnir.positionMm()[k], 1e-12);
                assertEquals(value(l, p, 3), vnir.spectra()[k][3]);
                k++;
            }
        }
        CameraSpectra swir = s.camera(SensorKind.SWIR).orElseThrow();
        assertEquals(0, swir.size());
        assertArrayEquals(new double[] {1000, 1500, 2000, 2500}, swir.wavelengthNm());

        Map<SensorKind, HsiCube> cubes = SampleContainerReader.readCubes(fixture("sample-container-v2.h5"));
        HsiCube cube = cubes.get(SensorKind.VNIR);
        assertEquals(List.of(4L, 3L, 9L, 13L), List.of(cube.firstLine(), (long) cube.firstPixel(), (long) cube.rows(),
                (long) cube.columns()));
        assertEquals(103, cube.filled());
        for (int c = 0; c < 13; c++) {
            assertEquals(0, cube.mask()[4][c], "line 8 was dropped");
            assertTrue(Float.isNaN(cube.data()[4][c][0]));
        }
        assertEquals(0, cube.mask()[6][4], "line 10 pixel 7");
        assertTrue(Float.isNaN(cube.data()[6][4][2]));
        assertEquals(1, cube.mask()[6][5]);
        assertEquals(value(10, 8, 2), cube.data()[6][5][2]);
        assertTrue(cubes.get(SensorKind.SWIR).isEmpty());
    }

    @Test
    void formatV3_loadsWithEveryValueWritten_itsCubeAsStored_andEverySpectrumCountsAsMaterial() throws Exception {
        SampleSpectra s = SampleContainerReader.read(fixture("sample-container-v3.h5"));

        assertEquals(SampleContainerFormat.FORMAT_V3, s.format());
        assertEquals("scan-v3", s.scanId());
        assertEquals("17 of 18 published", s.provenance().get("segmentation.lines_received.vnir"));
        assertEquals(6, s.provenance().size());
        CameraSpectra vnir = s.camera(SensorKind.VNIR).orElseThrow();
        assertEquals(103, vnir.size());
        assertEquals(103, vnir.materialCount());
        assertEquals(103, vnir.materialSpectra().length);
        assertArrayEquals(new byte[103], SampleContainerReader.readMaterial(fixture("sample-container-v3.h5"), SensorKind.VNIR));
        assertNull(SampleContainerReader.readMaterial(fixture("sample-container-v3.h5"), SensorKind.STITCHED));
        // Spectrum 69 is line 10, pixel 8: after lines 4-7 and 9 (5 x 13 = 65) and pixels 3-6 of line 10.
        assertEquals(10, vnir.lineIndex()[69]);
        assertEquals(8, vnir.pixelIndex()[69]);
        assertEquals(value(10, 8, 2), vnir.spectra()[69][2]);
        assertEquals(0, s.camera(SensorKind.SWIR).orElseThrow().size());

        HsiCube cube = SampleContainerReader.readCubes(fixture("sample-container-v3.h5")).get(SensorKind.VNIR);
        assertEquals(List.of(4L, 3L, 9L, 13L), List.of(cube.firstLine(), (long) cube.firstPixel(), (long) cube.rows(),
                (long) cube.columns()));
        assertEquals(103, cube.filled());
        assertEquals(0, cube.mask()[6][4], "line 10 pixel 7");
        assertEquals(value(10, 8, 2), cube.data()[6][5][2]);
    }

    @Test
    void formatV1_announcedCameraWithoutSpectra_isRefusedNamingTheFile_neverReadHalfway() throws Exception {
        Path file = fixture("sample-container-v1-empty-swir.h5");

        ContainerException e = assertThrows(ContainerException.class, () -> SampleContainerReader.read(file));

        assertTrue(e.getMessage().startsWith("cannot read sample container " + file + ": "), e.getMessage());
    }
}
