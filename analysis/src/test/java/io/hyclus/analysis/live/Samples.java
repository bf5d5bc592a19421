package io.hyclus.analysis.live;

import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.container.SampleContainer;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleContainerWriter;
import io.hyclus.container.SampleCube;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TraySlot;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small sample containers written with the production writer, and the records streaming would publish for them. */
final class Samples {
    static final Sensor VNIR = new Sensor("VNIR-1", SensorKind.VNIR, WavelengthGrid.uniform(400, 1000, 12, 1.2), 64);
    static final Sensor SWIR = new Sensor("SWIR-1", SensorKind.SWIR, WavelengthGrid.uniform(1000, 2500, 8, 1.0), 32);

    private Samples() {
    }

    /** Writes a container of {@code vnir} and {@code swir} spectra (uniform in [0, 1), seeded) and returns its record. */
    static SampleContainerWritten write(Path outputDir, String scanId, String sampleId, int vnir, int swir, long seed) {
        return write(outputDir, scanId, sampleId, List.of(cube(VNIR, vnir, seed, -1), cube(SWIR, swir, seed + 1, -1)));
    }

    static SampleContainerWritten write(Path outputDir, String scanId, String sampleId, List<SampleCube> cubes) {
        SampleMetadata m = new SampleMetadata(sampleId, "Plant-" + (1 + Math.abs(sampleId.hashCode()) % 3),
                YearMonth.of(2025, 1 + Math.abs(sampleId.hashCode()) % 12), GrainSizeFraction.MINUS_100);
        SampleContainer c = new SampleContainer(scanId, "tray-1", new TraySlot(0, m, new RegionMm(0, 0, 50, 50)), cubes,
                Provenance.builder().put(ProvenanceKeys.SOFTWARE_VERSION, "test").build());
        Path file = new SampleContainerWriter(outputDir).write(c);
        Map<SensorKind, Long> counts = new EnumMap<>(SensorKind.class);
        cubes.forEach(cube -> counts.put(cube.camera().sensor().kind(), (long) cube.size()));
        return new SampleContainerWritten(scanId, sampleId, file.toString(), counts, Instant.parse("2025-02-01T10:00:00Z"));
    }

    /** {@code n} spectra in [0, 1); spectrum {@code nanAt} (if >= 0) has a NaN in band 3. */
    static SampleCube cube(Sensor sensor, int n, long seed, int nanAt) {
        Random r = new Random(seed);
        float[][] spectra = new float[n][sensor.bands()];
        long[] lines = new long[n];
        int[] pixels = new int[n];
        double[][] pos = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < sensor.bands(); b++) {
                spectra[i][b] = r.nextFloat();
            }
            lines[i] = i / 8;
            pixels[i] = i % 8;
            pos[i][0] = i % 8;
            pos[i][1] = i / 8;
        }
        if (nanAt >= 0) {
            spectra[nanAt][3] = Float.NaN;
        }
        return new SampleCube(new CameraSetup(sensor, new AcrossTrackGeometry(0.5, 1.0, 0)), spectra, lines, pixels, pos);
    }

    /** What the model makes of the container's spectra of {@code kind}, all at once. */
    static float[] expectedCodes(TrainedModel model, Path container, SensorKind kind) {
        float[][] spectra = SampleContainerReader.read(container).camera(kind).orElseThrow().spectra();
        List<float[]> rows = new ArrayList<>(List.of(spectra));
        return model.encode(SpectraBlock.of(rows.toArray(new float[0][]))).values();
    }
}
