package io.hyclus.container.bench;

import io.hyclus.container.CameraSpectra;
import io.hyclus.container.ContainerStorage;
import io.hyclus.container.SampleContainer;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleContainerWriter;
import io.hyclus.container.SampleCube;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.WavelengthGrid;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: writes one real sample (read from a container, e.g. one of {@code hyclus demo}'s) with each storage
 * setting and prints file size and write time (median of the runs after one warm-up), and the time jhdf takes to read
 * it back. Usage: {@code ContainerWriteBenchmark <container.h5> <scratch dir> [runs]}.
 */
public final class ContainerWriteBenchmark {
    private ContainerWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SampleContainer sample = rebuild(SampleContainerReader.read(Path.of(args[0])));
        Path scratch = Files.createDirectories(Path.of(args[1]));
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long raw = sample.cubes().stream().mapToLong(c -> (long) c.size() * c.camera().sensor().bands() * 4).sum();
        System.out.printf("sample %s: %s, %.1f MB of float32 spectra%n", sample.slot().sample().sampleId(),
                sample.cubes().stream().map(c -> c.camera().sensor().kind() + " " + c.size() + " x "
                        + c.camera().sensor().bands()).toList(), raw / 1e6);
        System.out.println("storage                      file MB   write ms (median)   MB/s of spectra   jhdf read ms");
        List<ContainerStorage> settings = List.of(ContainerStorage.UNCOMPRESSED, ContainerStorage.DEFAULT,
                new ContainerStorage(4, 256 * 1024), new ContainerStorage(6, 256 * 1024), new ContainerStorage(9, 256 * 1024),
                new ContainerStorage(1, 64 * 1024), new ContainerStorage(1, 1024 * 1024));
        for (ContainerStorage s : settings) {
            Path dir = scratch.resolve("level" + s.deflateLevel() + "-" + s.chunkBytes());
            SampleContainerWriter writer = new SampleContainerWriter(dir, s);
            Path file = writer.write(sample);
            long[] ms = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                writer.write(sample);
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            Arrays.sort(ms);
            long t0 = System.nanoTime();
            SampleContainerReader.readCubes(file);
            long readMs = (System.nanoTime() - t0) / 1_000_000;
            double mb = Files.size(file) / 1e6;
            System.out.printf("deflate %d, chunks %4d KiB   %7.2f   %8d            %8.1f          %6d%n", s.deflateLevel(),
                    s.chunkBytes() / 1024, mb, ms[runs / 2], raw / 1e6 / (ms[runs / 2] / 1000.0), readMs);
        }
    }

    /** The container as the writer took it; each camera's geometry from two spectra's positions. */
    static SampleContainer rebuild(SampleSpectra s) {
        List<SampleCube> cubes = new ArrayList<>();
        s.cameras().forEach((kind, c) -> {
            int pixels = Arrays.stream(c.pixelIndex()).max().orElse(0) + 1;
            Sensor sensor = new Sensor(c.sensorId(), kind, new WavelengthGrid(c.wavelengthNm(), c.fwhmNm()), pixels);
            cubes.add(new SampleCube(new CameraSetup(sensor, geometry(c)), c.spectra(), c.lineIndex(), c.pixelIndex(),
                    c.positionMm()));
        });
        return new SampleContainer(s.scanId(), s.trayId(), s.slot(), cubes, Provenance.fromMap(s.provenance()));
    }

    private static AcrossTrackGeometry geometry(CameraSpectra c) {
        for (int i = 1; i < c.size(); i++) {
            if (c.pixelIndex()[i] != c.pixelIndex()[0]) {
                double pitch = (c.positionMm()[i][0] - c.positionMm()[0][0]) / (c.pixelIndex()[i] - c.pixelIndex()[0]);
                return new AcrossTrackGeometry(c.positionMm()[0][0] - pitch * c.pixelIndex()[0], pitch, 0);
            }
        }
        return new AcrossTrackGeometry(0, 1, 0);
    }
}
