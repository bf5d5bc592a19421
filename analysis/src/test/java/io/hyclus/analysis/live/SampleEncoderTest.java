package io.hyclus.analysis.live;

import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleEncoderTest {
    private static final ModelRef VNIR_1 = new ModelRef("pca-4-vnir", 1);
    private static final ModelRef VNIR_2 = new ModelRef("pca-4-vnir", 2);
    private static final ModelRef SWIR_1 = new ModelRef("pca-3-swir", 1);
    private static final Instant AT = Instant.parse("2025-03-04T05:06:07Z");

    private final TrainedModel vnir1 = LinearProjection.trained(VNIR_1, SensorKind.VNIR, Samples.VNIR.grid().centresNm(), 4, 0.3);
    private final TrainedModel vnir2 = LinearProjection.trained(VNIR_2, SensorKind.VNIR, Samples.VNIR.grid().centresNm(), 4, 0.7);
    private final TrainedModel swir1 = LinearProjection.trained(SWIR_1, SensorKind.SWIR, Samples.SWIR.grid().centresNm(), 3, 0.5);
    private final TestCatalog catalog = new TestCatalog().add(vnir1).add(vnir2).add(swir1)
            .promote(SensorKind.VNIR, VNIR_1).promote(SensorKind.SWIR, SWIR_1);

    @TempDir
    Path dir;

    private SampleEncoder encoder(int batchRows) {
        return new SampleEncoder(new PromotedModels(catalog), batchRows);
    }

    @Test
    void encode_inBatches_equalsTheModelOnAllSpectra_withProvenance() {
        SampleContainerWritten w = Samples.write(dir, "scan-1", "A-1", 37, 11, 5);
        EncodedSample s = encoder(8).encode(w, "hyclus.sample-containers/0@4", AT).orElseThrow();
        assertEquals("A-1", s.metadata().sampleId());
        assertEquals(AT, s.encodedAt());
        CameraCodes v = s.camera(SensorKind.VNIR).orElseThrow();
        CameraCodes sw = s.camera(SensorKind.SWIR).orElseThrow();
        assertEquals(37, v.rows());
        assertEquals(4, v.codeSize());
        assertEquals("pca-4-vnir@1", v.modelRef());
        assertArrayEquals(Samples.expectedCodes(vnir1, Path.of(w.file()), SensorKind.VNIR), v.codes());
        assertEquals(11, sw.rows());
        assertArrayEquals(Samples.expectedCodes(swir1, Path.of(w.file()), SensorKind.SWIR), sw.codes());
        Map<String, String> p = s.provenance().asMap();
        assertEquals("pca-4-vnir@1", p.get("encoder.model.VNIR"));
        assertEquals("pca-3-swir@1", p.get("encoder.model.SWIR"));
        assertEquals("sha256-of-pca-4-vnir", p.get("encoder.model_training_data_sha256.VNIR"));
        assertEquals("8", p.get("encoder.batch_rows"));
        assertEquals("hyclus.sample-containers/0@4", p.get("encoder.source"));
        assertEquals("hyclus-sample-container/4", p.get("encoder.container_format"));
    }

    @Test
    void promotion_takesEffectFromTheNextSample_andEachVersionIsLoadedOnce() {
        SampleEncoder e = encoder(4096);
        SampleContainerWritten a = Samples.write(dir, "scan-1", "A-1", 5, 5, 1);
        SampleContainerWritten b = Samples.write(dir, "scan-1", "B-2", 5, 5, 2);
        assertEquals("pca-4-vnir@1", e.encode(a, "t/0@0", AT).orElseThrow().cameras().get(0).modelRef());
        catalog.promote(SensorKind.VNIR, VNIR_2);
        EncodedSample sb = e.encode(b, "t/0@1", AT).orElseThrow();
        assertEquals("pca-4-vnir@2", sb.cameras().get(0).modelRef());
        assertArrayEquals(Samples.expectedCodes(vnir2, Path.of(b.file()), SensorKind.VNIR), sb.cameras().get(0).codes());
        e.encode(a, "t/0@2", AT);
        assertEquals(3, catalog.loads.get(), "vnir@1, swir@1, vnir@2, each once");
    }

    @Test
    void noPromotedModel_skipsTheCamera_andRecordsWhy() {
        catalog.demote(SensorKind.SWIR);
        EncodedSample s = encoder(64).encode(Samples.write(dir, "scan-1", "A-1", 6, 6, 1), "t/0@0", AT).orElseThrow();
        assertEquals(List.of(SensorKind.VNIR), s.cameras().stream().map(CameraCodes::camera).toList());
        assertEquals("no promoted model", s.provenance().asMap().get("encoder.skipped.SWIR"));
        catalog.demote(SensorKind.VNIR);
        assertTrue(encoder(64).encode(Samples.write(dir, "scan-1", "B-2", 6, 6, 1), "t/0@1", AT).isEmpty());
    }

    @Test
    void cameraWithoutSpectra_isSkipped_otherCameraEncoded() {
        EncodedSample s = encoder(64).encode(Samples.write(dir, "scan-1", "A-1", 9, 0, 1), "t/0@0", AT).orElseThrow();
        assertEquals(List.of(SensorKind.VNIR), s.cameras().stream().map(CameraCodes::camera).toList());
        assertEquals("no spectra", s.provenance().asMap().get("encoder.skipped.SWIR"));
    }

    @Test
    void emptySample_isBad() {
        SampleContainerWritten w = Samples.write(dir, "scan-1", "E-0", 0, 0, 1);
        BadSampleException e = assertThrows(BadSampleException.class, () -> encoder(64).encode(w, "t/0@0", AT));
        assertEquals("sample E-0 (scan scan-1): container " + w.file() + " holds no spectra (cameras [VNIR, SWIR])",
                e.getMessage());
    }

    @Test
    void nanSpectrum_isBad_namingFileCameraSpectrumAndBand() {
        SampleContainerWritten w = Samples.write(dir, "scan-1", "N-1", List.of(Samples.cube(Samples.VNIR, 20, 3, 13),
                Samples.cube(Samples.SWIR, 4, 4, -1)));
        BadSampleException e = assertThrows(BadSampleException.class, () -> encoder(64).encode(w, "t/0@0", AT));
        assertEquals(w.file() + " /vnir: spectrum 13 band 3 (563.6 nm) is NaN; spectra must be finite", e.getMessage());
    }

    @Test
    void otherWavelengthGrid_isBad_namingTheBand() {
        Sensor shifted = new Sensor("VNIR-2", SensorKind.VNIR, WavelengthGrid.uniform(402, 1000, 12, 1.2), 64);
        SampleContainerWritten w = Samples.write(dir, "scan-1", "G-1", List.of(Samples.cube(shifted, 5, 3, -1)));
        BadSampleException e = assertThrows(BadSampleException.class, () -> encoder(64).encode(w, "t/0@0", AT));
        assertEquals(w.file() + " /vnir: band 0 is at 402.0 nm; model pca-4-vnir@1 has it at 400.0 nm (a different "
                + "wavelength grid)", e.getMessage());
    }

    @Test
    void missingOrUnreadableContainer_isBad_namingTheFile() throws Exception {
        SampleContainerWritten missing = new SampleContainerWritten("scan-1", "M-1", dir.resolve("M-1.h5").toString(),
                Map.of(SensorKind.VNIR, 3L), AT);
        assertEquals("sample M-1 (scan scan-1): no sample container at " + dir.resolve("M-1.h5"),
                assertThrows(BadSampleException.class, () -> encoder(64).encode(missing, "t/0@0", AT)).getMessage());
        Files.writeString(dir.resolve("J-1.h5"), "not hdf5");
        SampleContainerWritten junk = new SampleContainerWritten("scan-1", "J-1", dir.resolve("J-1.h5").toString(),
                Map.of(SensorKind.VNIR, 3L), AT);
        String msg = assertThrows(BadSampleException.class, () -> encoder(64).encode(junk, "t/0@1", AT)).getMessage();
        assertTrue(msg.startsWith("sample J-1 (scan scan-1): cannot read sample container " + dir.resolve("J-1.h5")), msg);
    }

    @Test
    void recordNamingAnotherSample_isBad() {
        SampleContainerWritten w = Samples.write(dir, "scan-1", "A-1", 3, 3, 1);
        SampleContainerWritten lie = new SampleContainerWritten("scan-1", "B-2", w.file(), w.spectra(), AT);
        assertEquals("container " + w.file() + " holds sample A-1 of scan scan-1, the record names sample B-2 of scan "
                + "scan-1", assertThrows(BadSampleException.class, () -> encoder(64).encode(lie, "t/0@0", AT)).getMessage());
    }

    @Test
    void modelThatFailsToLoad_isBad_namingItsFile() {
        ModelRef broken = new ModelRef("dense-ae-16-swir", 3);
        catalog.addBroken(broken, "/models/dense-ae-16-swir/3/model.bin").promote(SensorKind.SWIR, broken);
        SampleContainerWritten w = Samples.write(dir, "scan-1", "A-1", 3, 3, 1);
        BadSampleException e = assertThrows(BadSampleException.class, () -> encoder(64).encode(w, "t/0@0", AT));
        assertEquals(w.file() + ": the promoted SWIR model cannot be loaded: model file "
                + "/models/dense-ae-16-swir/3/model.bin is truncated: expected 4096 bytes, found 1000", e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
