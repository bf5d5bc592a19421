package io.hyclus.analysis.training;

import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.training.TrainingDataReader.SampleSubset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/** Splits the subsamples into training and validation spectra, and hashes them. */
final class Split {
    private Split() {
    }

    static TrainingData of(List<SampleSubset> subsets, double[] grid, TrainingDataSettings s, int accepted,
                           List<String> skipped) {
        String hash = sha256(subsets);
        return s.validation() == ValidationMode.SAMPLES
                ? bySample(subsets, grid, s, accepted, skipped, hash)
                : random(subsets, grid, s, accepted, skipped, hash);
    }

    private static TrainingData bySample(List<SampleSubset> subsets, double[] grid, TrainingDataSettings s,
                                         int accepted, List<String> skipped, String hash) {
        int n = subsets.size();
        if (n < 2) {
            throw new TrainingDataException("validation by whole samples needs at least 2 samples with " + s.camera()
                    + " spectra, found " + n + " (" + subsets.get(0).key() + ") under " + s.samples()
                    + "; select more samples or use random validation");
        }
        int held = (int) Math.max(1, Math.min(n - 1, Math.round(s.validationFraction() * n)));
        List<String> keys = new ArrayList<>(new TreeSet<>(subsets.stream().map(SampleSubset::key).toList()));
        SplittableRandom rnd = new SplittableRandom(s.seed());
        for (int i = keys.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            keys.set(j, keys.set(i, keys.get(j)));
        }
        Set<String> validation = new HashSet<>(keys.subList(0, held));
        List<SampleSubset> train = subsets.stream().filter(x -> !validation.contains(x.key())).toList();
        List<SampleSubset> val = subsets.stream().filter(x -> validation.contains(x.key())).toList();
        String how = String.format(Locale.ROOT, "whole samples: %d of %d held out (fraction %s, seed %d)", held, n,
                s.validationFraction(), s.seed());
        return new TrainingData(concat(train), concat(val), grid, keys(train), keys(val), hash, how, accepted, skipped);
    }

    private static TrainingData random(List<SampleSubset> subsets, double[] grid, TrainingDataSettings s,
                                       int accepted, List<String> skipped, String hash) {
        SpectraBlock all = concat(subsets);
        int n = all.rows();
        if (n < 2) {
            throw new TrainingDataException("random validation needs at least 2 spectra, found " + n + " under "
                    + s.samples());
        }
        int held = (int) Math.max(1, Math.min(n - 1, Math.round(s.validationFraction() * n)));
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(s.seed());
        boolean[] isVal = new boolean[n];
        for (int i = 0; i < held; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            isVal[idx[i]] = true;
        }
        int d = all.bands();
        float[] tv = new float[(n - held) * d];
        float[] vv = new float[held * d];
        Set<String> trainKeys = new TreeSet<>();
        Set<String> valKeys = new TreeSet<>();
        int row = 0;
        int ti = 0;
        int vi = 0;
        for (SampleSubset x : subsets) {
            for (int r = 0; r < x.rows(); r++, row++) {
                if (isVal[row]) {
                    System.arraycopy(x.values(), r * d, vv, vi++ * d, d);
                    valKeys.add(x.key());
                } else {
                    System.arraycopy(x.values(), r * d, tv, ti++ * d, d);
                    trainKeys.add(x.key());
                }
            }
        }
        String how = String.format(Locale.ROOT, "random spectra: %d of %d held out (fraction %s, seed %d)", held, n,
                s.validationFraction(), s.seed());
        return new TrainingData(new SpectraBlock(tv, n - held, d), new SpectraBlock(vv, held, d), grid,
                List.copyOf(trainKeys), List.copyOf(valKeys), hash, how, accepted, skipped);
    }

    private static List<String> keys(List<SampleSubset> subsets) {
        return List.copyOf(new TreeSet<>(subsets.stream().map(SampleSubset::key).toList()));
    }

    private static SpectraBlock concat(List<SampleSubset> subsets) {
        int d = subsets.get(0).bands();
        int rows = subsets.stream().mapToInt(SampleSubset::rows).sum();
        float[] v = new float[Math.multiplyExact(rows, d)];
        int at = 0;
        for (SampleSubset x : subsets) {
            System.arraycopy(x.values(), 0, v, at, x.values().length);
            at += x.values().length;
        }
        return new SpectraBlock(v, rows, d);
    }

    /** SHA-256 of every selected spectrum, sample by sample, as float32 little-endian. */
    static String sha256(List<SampleSubset> subsets) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (SampleSubset x : subsets) {
            ByteBuffer buf = ByteBuffer.allocate(x.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(x.values());
            md.update(buf.array());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
