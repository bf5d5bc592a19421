package io.hyclus.report;

import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's dataset: seeded subsample of the spectra the material mask kept, labels, problems named. */
class DatasetReaderTest {
    @TempDir
    Path dir;

    @Test
    void read_keepsOnlyMaterialSpectra_andNamesASampleWithNone() {
        Path samples = dir.resolve("samples");
        byte[] half = new byte[40];
        Arrays.fill(half, 0, 20, (byte) 1);
        SmallCampaign.write(samples, "scan-1", 1, 1, GrainSizeFraction.MINUS_100, 40, 0, half);
        SmallCampaign.write(samples, "scan-1", 1, 1, GrainSizeFraction.PLUS_100, 40, 0, new byte[40]);
        byte[] none = new byte[40];
        Arrays.fill(none, (byte) 2);
        Path masked = SmallCampaign.write(samples, "scan-1", 1, 2, GrainSizeFraction.PLUS_100, 40, 0, none);
        ReportSettings s = StudyReportIT.settings(samples, dir.resolve("out"), java.util.Optional.empty(), true,
                ReportSettings.studyModels());
        Dataset d = DatasetReader.read(s, n -> { });
        CameraData vnir = d.cameras().get(SensorKind.VNIR);
        assertEquals(List.of("scan-1/P1-2025-01-M100", "scan-1/P1-2025-01-P100"),
                vnir.samples().stream().map(SampleInfo::key).toList());
        assertEquals(20 + 40, vnir.rows(), "60 per sample asked; 20 and 40 material spectra there");
        for (float v : vnir.spectra().values()) {
            assertTrue(v != 0.99f, "a masked spectrum was kept");
        }
        assertEquals("Minus 100", vnir.label(0, Category.GRAIN_SIZE));
        assertEquals("Plus 100", vnir.label(59, Category.GRAIN_SIZE));
        assertEquals(List.of(masked + ": sample scan-1/P1-2025-02-P100 has 40 VNIR spectra but the material mask kept"
                + " none, left out of VNIR"), d.problems());
        assertEquals(3, d.containers().size());
    }

    @Test
    void read_namesACameraNoContainerHolds_onceNotPerSample() {
        Path samples = dir.resolve("samples");
        SmallCampaign.write(samples, "scan-1", 1, 1, GrainSizeFraction.MINUS_100, 20, 0);
        SmallCampaign.write(samples, "scan-1", 1, 1, GrainSizeFraction.PLUS_100, 20, 0);
        ReportSettings s = new ReportSettings(samples, dir.resolve("out"), java.util.Optional.empty(), true,
                List.of(SensorKind.VNIR, SensorKind.STITCHED), ReportSettings.studyModels(), 60, 2, 200, 0.25, 3, 1);
        Dataset d = DatasetReader.read(s, n -> { });
        assertEquals(40, d.cameras().get(SensorKind.VNIR).rows());
        assertEquals(List.of("no sample under " + samples + " has STITCHED spectra (containers written before "
                + "stitching, or scanned with --no-stitch): nothing reported for STITCHED"), d.problems(),
                "one line for a camera no container holds, not one per sample");
    }

    @Test
    void subsample_isSeededPerSample_withoutReplacement_inFileOrder() {
        float[][] spectra = new float[100][];
        for (int i = 0; i < spectra.length; i++) {
            spectra[i] = new float[] {i};
        }
        float[][] a = DatasetReader.subsample("s/1", spectra, 10, 7);
        float[][] b = DatasetReader.subsample("s/1", spectra, 10, 7);
        float[][] c = DatasetReader.subsample("s/2", spectra, 10, 7);
        assertEquals(10, a.length);
        assertTrue(Arrays.deepEquals(a, b));
        assertTrue(!Arrays.deepEquals(a, c));
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i][0] > a[i - 1][0], "file order, no repeats");
        }
        assertEquals(100, DatasetReader.subsample("s/1", spectra, 500, 7).length);
    }
}
