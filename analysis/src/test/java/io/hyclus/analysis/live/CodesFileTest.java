package io.hyclus.analysis.live;

import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.testkit.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CodesFileTest {
    private static final SampleMetadata SAMPLE = new SampleMetadata("P1-2025-01-M100", "Plant-1", YearMonth.of(2025, 1),
            GrainSizeFraction.MINUS_100);

    @TempDir
    Path dir;

    private EncodedSample sample(float offset) {
        float[] v = new float[300 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * 0.01) * 3 + offset;
        }
        float[] s = new float[7 * 16];
        for (int i = 0; i < s.length; i++) {
            s[i] = i * 0.25f - 5;
        }
        Provenance p = Provenance.builder().put(ProvenanceKeys.SOFTWARE_VERSION, "0.1.0-test")
                .put(EncoderProvenance.MODEL.child("VNIR"), "pca-4-vnir@1")
                .put(EncoderProvenance.MODEL.child("SWIR"), "dense-ae-16-swir@2").build();
        return new EncodedSample("scan-7", SAMPLE, dir.resolve("P1-2025-01-M100.h5"), Instant.parse("2025-02-03T04:05:06.789Z"),
                List.of(new CameraCodes(SensorKind.VNIR, "pca-4-vnir@1", 4, v),
                        new CameraCodes(SensorKind.SWIR, "dense-ae-16-swir@2", 16, s)), p);
    }

    @Test
    void siblingOf_replacesTheContainersSuffix() {
        assertEquals(dir.resolve("A-1.codes.h5"), CodesFile.siblingOf(dir.resolve("A-1.h5")));
        assertEquals(dir.resolve("odd.name.codes.h5"), CodesFile.siblingOf(dir.resolve("odd.name")));
    }

    @Test
    void write_thenRead_givesTheSameCodesAndAttributes_noPartialLeft() throws Exception {
        EncodedSample s = sample(0);
        Path f = CodesFile.write(s);
        assertEquals(dir.resolve("P1-2025-01-M100.codes.h5"), f);
        assertFalse(Files.exists(dir.resolve("P1-2025-01-M100.codes.h5.partial")));
        EncodedSample back = CodesFile.read(f);
        assertEquals(s.scanId(), back.scanId());
        assertEquals(s.metadata(), back.metadata());
        assertEquals(s.container(), back.container());
        assertEquals(s.encodedAt(), back.encodedAt());
        assertEquals(s.provenance(), back.provenance());
        assertEquals(2, back.cameras().size());
        for (int i = 0; i < 2; i++) {
            assertEquals(s.cameras().get(i).camera(), back.cameras().get(i).camera());
            assertEquals(s.cameras().get(i).modelRef(), back.cameras().get(i).modelRef());
            assertEquals(s.cameras().get(i).codeSize(), back.cameras().get(i).codeSize());
            assertArrayEquals(s.cameras().get(i).codes(), back.cameras().get(i).codes());
        }
    }

    @Test
    void sameCodesWrittenTwice_areTheSameBytes_otherCodesReplaceThem() throws Exception {
        Path f = CodesFile.write(sample(0));
        byte[] first = Files.readAllBytes(f);
        CodesFile.write(sample(0));
        assertArrayEquals(first, Files.readAllBytes(f));
        CodesFile.write(sample(1));
        assertEquals(1f + (float) Math.sin(0.01) * 3, CodesFile.read(f).cameras().get(0).codes()[1]);
    }

    @Test
    void h5py_readsTheDocumentedLayout() {
        Path f = CodesFile.write(sample(0));
        String out = Python.run(String.join("\n",
                "import sys, h5py, numpy as np",
                "f = h5py.File(sys.argv[1], 'r')",
                "t = lambda v: v.decode('utf-8') if isinstance(v, bytes) else str(v)",
                "a = f.attrs",
                "print(*[t(a[k]) for k in ('format', 'scan_id', 'sample_id', 'plant', 'month', 'grain_size_fraction',",
                "      'container_file', 'encoded_at')], sep='|')",
                "print(t(f['provenance'].attrs['software.version']), t(f['provenance'].attrs['encoder.model.SWIR']), sep='|')",
                "for g in ('vnir', 'swir'):",
                "    d = f[g]['codes']",
                "    print(g, t(f[g].attrs['sensor_kind']), t(f[g].attrs['model_ref']), int(f[g].attrs['code_size']),",
                "          int(f[g].attrs['spectra']), d.dtype.str, 'x'.join(map(str, d.shape)), d.compression, d.shuffle,",
                "          repr(float(d[1, 0])), repr(float(d[-1, -1])), sep='|')"), f.toString());
        float[] v = sample(0).cameras().get(0).codes();
        assertEquals(List.of(
                "hyclus-sample-codes/1|scan-7|P1-2025-01-M100|Plant-1|2025-01|Minus 100|P1-2025-01-M100.h5|2025-02-03T04:05:06.789Z",
                "0.1.0-test|dense-ae-16-swir@2",
                "vnir|VNIR|pca-4-vnir@1|4|300|<f4|300x4|gzip|True|" + (double) v[4] + "|" + (double) v[v.length - 1],
                "swir|SWIR|dense-ae-16-swir@2|16|7|<f4|7x16|gzip|True|" + (double) (16 * 0.25f - 5) + "|" + (double) (111 * 0.25f - 5)),
                out.lines().toList());
    }

    @Test
    void read_aContainerOrAMissingFile_failsNamingIt() throws Exception {
        assertEquals("no codes file at " + dir.resolve("none.codes.h5"),
                assertThrows(LiveEncoderException.class, () -> CodesFile.read(dir.resolve("none.codes.h5"))).getMessage());
        Path container = Path.of(Samples.write(dir, "scan-1", "A-1", 2, 2, 1).file());
        assertEquals(container + " has format 'hyclus-sample-container/4', expected 'hyclus-sample-codes/1'",
                assertThrows(LiveEncoderException.class, () -> CodesFile.read(container)).getMessage());
    }
}
