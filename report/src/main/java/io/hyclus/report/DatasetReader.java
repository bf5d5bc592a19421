package io.hyclus.report;

import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleContainerFormat;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.spectral.SensorKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Reads a campaign's containers once, keeping per camera a seeded subsample of each sample's spectra — of those the
 * material mask kept, as training does (docs/material-mask.md; containers before format /4 have no mask and all their
 * spectra count). Containers of a
 * camera whose band centres differ from those of the most samples (mixed wavelength grids), containers that cannot be
 * read, samples without spectra of a camera and non-finite spectra are left out, each with a line in
 * {@link Dataset#problems()}; only a folder without any readable container fails.
 */
public final class DatasetReader {
    private DatasetReader() {
    }

    /** @param progress told the number of containers read so far */
    public static Dataset read(ReportSettings s, IntConsumer progress) {
        List<Path> files = containers(s.samples());
        List<String> problems = new ArrayList<>();
        List<SampleInfo> all = new ArrayList<>();
        Map<SensorKind, List<Part>> parts = new EnumMap<>(SensorKind.class);
        Map<SensorKind, List<String>> absent = new EnumMap<>(SensorKind.class);
        int done = 0;
        for (Path f : files) {
            try {
                SampleSpectra sample = SampleContainerReader.read(f);
                SampleInfo info = SampleInfo.of(sample.scanId(), sample.metadata(), f);
                all.add(info);
                for (SensorKind cam : s.cameras()) {
                    CameraSpectra c = sample.camera(cam).orElse(null);
                    if (c == null || c.size() == 0) {
                        absent.computeIfAbsent(cam, k -> new ArrayList<>()).add(f + ": sample " + info.key()
                                + " has no " + cam + " spectra, left out of " + cam);
                    } else if (!finite(c)) {
                        problems.add(f + ": sample " + info.key() + " has non-finite " + cam + " values, left out of " + cam);
                    } else if (c.materialCount() == 0) {
                        problems.add(f + ": sample " + info.key() + " has " + c.size() + " " + cam + " spectra but the "
                                + "material mask kept none, left out of " + cam);
                    } else {
                        parts.computeIfAbsent(cam, k -> new ArrayList<>()).add(new Part(info, c.wavelengthNm(),
                                subsample(info.key(), c.materialSpectra(), s.spectraPerSample(), s.seed())));
                    }
                }
            } catch (RuntimeException e) {
                problems.add(f + ": cannot be read (" + e.getMessage() + "), left out");
            }
            progress.accept(++done);
        }
        if (all.isEmpty()) {
            throw new ReportException("no readable sample container under " + s.samples());
        }
        Map<SensorKind, CameraData> cameras = new EnumMap<>(SensorKind.class);
        for (Map.Entry<SensorKind, List<Part>> e : parts.entrySet()) {
            cameras.put(e.getKey(), assemble(e.getKey(), e.getValue(), problems));
        }
        for (SensorKind cam : s.cameras()) {
            if (!cameras.containsKey(cam)) {
                // one line, not one per sample: e.g. every container written before stitching lacks STITCHED
                problems.add("no sample under " + s.samples() + " has " + cam + " spectra" + (cam == SensorKind.STITCHED
                        ? " (containers written before stitching, or scanned with --no-stitch)" : "")
                        + ": nothing reported for " + cam);
            } else {
                problems.addAll(absent.getOrDefault(cam, List.of()));
            }
        }
        return new Dataset(cameras, all, problems, hash(files));
    }

    private record Part(SampleInfo info, double[] grid, float[][] spectra) {
    }

    /** Keeps the samples on the grid most samples share; names every other one. */
    private static CameraData assemble(SensorKind cam, List<Part> parts, List<String> problems) {
        Map<Integer, List<Part>> byGrid = new LinkedHashMap<>();
        List<double[]> grids = new ArrayList<>();
        for (Part p : parts) {
            int g = -1;
            for (int i = 0; i < grids.size() && g < 0; i++) {
                if (sameGrid(grids.get(i), p.grid())) {
                    g = i;
                }
            }
            if (g < 0) {
                grids.add(p.grid());
                g = grids.size() - 1;
            }
            byGrid.computeIfAbsent(g, k -> new ArrayList<>()).add(p);
        }
        int best = byGrid.entrySet().stream().max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()))
                .orElseThrow().getKey();
        double[] grid = grids.get(best);
        for (Map.Entry<Integer, List<Part>> e : byGrid.entrySet()) {
            if (e.getKey() != best) {
                double[] g = grids.get(e.getKey());
                for (Part p : e.getValue()) {
                    problems.add(p.info().file() + ": " + cam + " wavelength grid differs (" + g.length + " bands, "
                            + g[0] + "-" + g[g.length - 1] + " nm; the other " + byGrid.get(best).size() + " samples: "
                            + grid.length + " bands, " + grid[0] + "-" + grid[grid.length - 1] + " nm), sample "
                            + p.info().key() + " left out of " + cam);
                }
            }
        }
        List<Part> kept = byGrid.get(best);
        int rows = kept.stream().mapToInt(p -> p.spectra().length).sum();
        float[] v = new float[Math.multiplyExact(rows, grid.length)];
        int[] sampleOfRow = new int[rows];
        List<SampleInfo> samples = new ArrayList<>();
        int r = 0;
        for (Part p : kept) {
            for (float[] spectrum : p.spectra()) {
                System.arraycopy(spectrum, 0, v, r * grid.length, grid.length);
                sampleOfRow[r++] = samples.size();
            }
            samples.add(p.info());
        }
        return new CameraData(cam, grid, new SpectraBlock(v, rows, grid.length), sampleOfRow, samples);
    }

    static boolean sameGrid(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= TrainedModel.GRID_TOLERANCE_NM)) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(CameraSpectra c) {
        for (float[] s : c.spectra()) {
            for (float x : s) {
                if (!Float.isFinite(x)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** At most {@code max} spectra without replacement, in file order, from a generator seeded by the seed and key. */
    static float[][] subsample(String key, float[][] spectra, int max, long seed) {
        int n = spectra.length;
        int k = Math.min(max, n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key.hashCode());
        for (int i = 0; i < k && k < n; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        Arrays.sort(idx, 0, k);
        float[][] out = new float[k][];
        for (int i = 0; i < k; i++) {
            out[i] = spectra[idx[i]];
        }
        return out;
    }

    static List<Path> containers(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ReportException("samples folder " + dir + " does not exist or is not a folder");
        }
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> files = all.filter(p -> SampleContainerFormat.isContainerFile(p) && Files.isRegularFile(p))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new ReportException("no sample containers (*.h5) under " + dir);
            }
            return files;
        } catch (IOException e) {
            throw new ReportException("cannot list sample containers under " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String hash(List<Path> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                md.update((f.getFileName() + "\t" + Files.size(f) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ReportException("cannot hash the container list: " + e.getMessage(), e);
        }
    }
}
