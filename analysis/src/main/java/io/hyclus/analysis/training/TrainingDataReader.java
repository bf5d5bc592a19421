package io.hyclus.analysis.training;

import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Reads training data from a folder of sample containers, one container at a time, keeping only each sample's
 * subsample, drawn from the spectra the material mask kept (belt, walls, shadows, glints and saturated pixels are left
 * out; containers before format /4 have no mask and all their spectra count). Containers are taken in path order;
 * those the filter refuses are not kept. A container without spectra of the camera, or with none the mask kept, is
 * skipped with a warning naming it. Every container's band centres must equal the first's (within
 * {@link TrainedModel#GRID_TOLERANCE_NM}), and every spectrum of the camera must be finite: otherwise a
 * {@link TrainingDataException} names the files, the spectrum and the band. The subsample of a sample depends only on
 * the seed and the sample's {@code scanId/sampleId}, not on which other samples are selected.
 */
public final class TrainingDataReader {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingDataReader.class);

    private TrainingDataReader() {
    }

    public static TrainingData read(TrainingDataSettings s) {
        List<SampleSubset> subsets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        Path gridFile = null;
        double[] grid = null;
        int accepted = 0;
        for (Path file : containers(s.samples())) {
            if (!s.filter().accepts(SampleContainerReader.readHeader(file))) {
                continue; // chosen from the root attributes: the spectra of other samples are never read
            }
            SampleSpectra sample = SampleContainerReader.read(file);
            accepted++;
            String key = sample.scanId() + "/" + sample.metadata().sampleId();
            Path before = seen.put(key, file);
            if (before != null) {
                throw new TrainingDataException("sample " + key + " is in two containers: " + before + " and " + file);
            }
            CameraSpectra cam = sample.camera(s.camera()).orElse(null);
            if (cam == null || cam.size() == 0) {
                String why = file + ": sample " + key + " has no " + s.camera() + " spectra, skipped";
                LOG.warn("{}", why);
                skipped.add(why);
                continue;
            }
            if (grid == null) {
                grid = cam.wavelengthNm().clone();
                gridFile = file;
            } else {
                checkGrid(grid, gridFile, cam.wavelengthNm(), file, s);
            }
            checkFinite(cam, file, key);
            float[][] material = cam.materialSpectra();
            if (material.length == 0) {
                String why = file + ": sample " + key + " has " + cam.size() + " " + s.camera()
                        + " spectra but the material mask kept none, skipped";
                LOG.warn("{}", why);
                skipped.add(why);
                continue;
            }
            subsets.add(SampleSubset.of(key, material, s.spectraPerSample(), s.seed()));
        }
        if (subsets.isEmpty()) {
            throw new TrainingDataException("no sample under " + s.samples() + " matching " + s.filter().describe()
                    + " has " + s.camera() + " spectra (" + accepted + " containers matched the filter)");
        }
        return Split.of(subsets, grid, s, accepted, skipped);
    }

    /** Every {@code *.h5} under {@code dir}, recursively, in path order. */
    static List<Path> containers(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TrainingDataException("samples folder " + dir + " does not exist or is not a folder");
        }
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> files = all.filter(p -> io.hyclus.container.SampleContainerFormat.isContainerFile(p) && Files.isRegularFile(p))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new TrainingDataException("no sample containers (*.h5) under " + dir);
            }
            return files;
        } catch (IOException e) {
            throw new TrainingDataException("cannot list sample containers under " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void checkGrid(double[] first, Path firstFile, double[] wl, Path file, TrainingDataSettings s) {
        if (wl.length != first.length) {
            throw new TrainingDataException(file + " has " + wl.length + " " + s.camera() + " bands, " + firstFile
                    + " has " + first.length + " (a different wavelength grid)");
        }
        for (int b = 0; b < wl.length; b++) {
            if (!(Math.abs(wl[b] - first[b]) <= TrainedModel.GRID_TOLERANCE_NM)) {
                throw new TrainingDataException(file + ": " + s.camera() + " band " + b + " is at " + wl[b] + " nm, in "
                        + firstFile + " at " + first[b] + " nm (a different wavelength grid)");
            }
        }
    }

    private static void checkFinite(CameraSpectra cam, Path file, String key) {
        float[][] spectra = cam.spectra();
        for (int i = 0; i < spectra.length; i++) {
            for (int b = 0; b < spectra[i].length; b++) {
                if (!Float.isFinite(spectra[i][b])) {
                    throw new TrainingDataException(file + ": sample " + key + ", " + cam.kind() + " spectrum " + i
                            + " band " + b + " (" + cam.wavelengthNm()[b] + " nm) is " + spectra[i][b]
                            + "; spectra must be finite");
                }
            }
        }
    }

    /** One sample's subsample, row-major. */
    record SampleSubset(String key, float[] values, int rows, int bands) {
        /**
         * At most {@code max} spectra drawn without replacement, in file order, from a generator seeded by {@code seed}
         * and the key.
         */
        static SampleSubset of(String key, float[][] spectra, int max, long seed) {
            int n = spectra.length;
            int bands = spectra[0].length;
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            int k = Math.min(max, n);
            if (k < n) {
                SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key.hashCode());
                for (int i = 0; i < k; i++) {
                    int j = i + rnd.nextInt(n - i);
                    int t = idx[i];
                    idx[i] = idx[j];
                    idx[j] = t;
                }
                java.util.Arrays.sort(idx, 0, k);
            }
            float[] v = new float[k * bands];
            for (int i = 0; i < k; i++) {
                System.arraycopy(spectra[idx[i]], 0, v, i * bands, bands);
            }
            return new SampleSubset(key, v, k, bands);
        }
    }
}
