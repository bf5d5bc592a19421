package io.hyclus.analysis.live;

import io.hyclus.analysis.model.ModelRef;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.core.codec.SampleCodesCodec;
import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.kafka.topic.HyclusTopics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The benchmark's body (package access to the encoder's parts); see {@code bench.LiveEncoderBenchmark}. */
public final class LiveEncoderProbe {
    private LiveEncoderProbe() {
    }

    public static void run(Path scratch, int runs) throws Exception {
        Files.createDirectories(scratch);
        Sensor vnir = new Sensor("VNIR-1", SensorKind.VNIR, WavelengthGrid.uniform(400, 1000, 224, 1.2), 1024);
        Sensor swir = new Sensor("SWIR-1", SensorKind.SWIR, WavelengthGrid.uniform(1000, 2500, 256, 1.0), 384);
        SampleContainerWritten w = Samples.write(scratch, "scan-bench", "P1-2025-01-M100",
                List.of(Samples.cube(vnir, 22208, 1, -1), Samples.cube(swir, 5552, 2, -1)));
        TestCatalog catalog = new TestCatalog()
                .add(LinearProjection.trained(new ModelRef("pca-16-vnir", 1), SensorKind.VNIR, vnir.grid().centresNm(), 16, 0.3))
                .add(LinearProjection.trained(new ModelRef("pca-16-swir", 1), SensorKind.SWIR, swir.grid().centresNm(), 16, 0.5))
                .promote(SensorKind.VNIR, new ModelRef("pca-16-vnir", 1)).promote(SensorKind.SWIR, new ModelRef("pca-16-swir", 1));
        SampleEncoder encoder = new SampleEncoder(new PromotedModels(catalog), 4096);
        long[][] t = new long[runs + 1][4];
        for (int run = 0; run <= runs; run++) {
            long t0 = System.nanoTime();
            SampleContainerReader.read(Path.of(w.file()));
            long t1 = System.nanoTime();
            EncodedSample s = encoder.encode(w, "bench/0@0", Instant.EPOCH).orElseThrow(); // reads the container again
            long t2 = System.nanoTime();
            CodesFile.write(s);
            long t3 = System.nanoTime();
            long bytes = 0;
            for (CameraCodes c : s.cameras()) {
                for (SampleCodes chunk : SampleCodes.split(s.scanId(), s.metadata(), c.camera(), c.modelRef(), "f",
                        s.encodedAt(), c.codes(), c.codeSize(), HyclusTopics.MAX_CODES_BYTES)) {
                    bytes += SampleCodesCodec.encode(chunk).length;
                }
            }
            long t4 = System.nanoTime();
            t[run] = new long[] {t1 - t0, t2 - t1 - (t1 - t0), t3 - t2, t4 - t3};
            if (run == 0) {
                System.out.printf("sample: VNIR 22208 x 224, SWIR 5552 x 256 (%.1f MB of spectra); codes k=16: %d record "
                        + "bytes; codes file %d bytes%n", (22208 * 224 + 5552 * 256) * 4 / 1e6, bytes,
                        Files.size(CodesFile.siblingOf(Path.of(w.file()))));
            }
        }
        String[] names = {"read container", "checks + encode loop (linear model)", "write codes file", "split + codec"};
        for (int i = 0; i < 4; i++) {
            long[] v = new long[runs];
            for (int r = 1; r <= runs; r++) {
                v[r - 1] = t[r][i];
            }
            Arrays.sort(v);
            System.out.printf("%-40s median %7.1f ms over %d runs%n", names[i], v[runs / 2] / 1e6, runs);
        }
    }
}
