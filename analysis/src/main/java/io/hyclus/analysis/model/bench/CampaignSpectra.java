package io.hyclus.analysis.model.bench;

import io.hyclus.analysis.embed.RawFloat32;
import io.hyclus.analysis.model.MinMaxScaler;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.core.spectral.SensorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes the benchmark's data file from a campaign's sample containers: up to {@code perSample} spectra of one camera
 * from every {@code *.h5} under the samples directory (files in name order, spectra drawn without replacement with a
 * seeded generator, kept in scan order), MinMax-scaled per band over all rows written, as raw little-endian float32.
 * Whole samples follow each other, so the peers' "last 10 %" validation is whole samples except, usually, one split
 * at the boundary.
 */
final class CampaignSpectra {
    private CampaignSpectra() {
    }

    /** @return the rows and bands written */
    static SpectraBlock write(Path samplesDir, SensorKind camera, int perSample, long seed, Path out) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(samplesDir)) {
            files = s.filter(p -> io.hyclus.container.SampleContainerFormat.isContainerFile(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no *.h5 sample containers under " + samplesDir);
        }
        Random rng = new Random(seed);
        List<float[]> rows = new ArrayList<>();
        for (Path f : files) {
            CameraSpectra c = SampleContainerReader.read(f).camera(camera).orElseThrow(
                    () -> new IllegalArgumentException(f + " has no " + camera + " spectra"));
            float[][] spectra = c.spectra();
            boolean[] take = pick(spectra.length, perSample, rng);
            for (int i = 0; i < spectra.length; i++) {
                if (take[i]) {
                    rows.add(spectra[i]);
                }
            }
        }
        SpectraBlock raw = SpectraBlock.of(rows.toArray(float[][]::new)).requireFinite(samplesDir.toString());
        SpectraBlock scaled = MinMaxScaler.fit(raw).transform(raw);
        RawFloat32.write(out, scaled.values());
        return scaled;
    }

    private static boolean[] pick(int n, int k, Random rng) {
        boolean[] take = new boolean[n];
        if (k >= n) {
            java.util.Arrays.fill(take, true);
            return take;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            take[idx[i]] = true;
        }
        return take;
    }
}
