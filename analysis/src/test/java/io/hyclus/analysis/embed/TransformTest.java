package io.hyclus.analysis.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransformTest {
    @TempDir
    Path dir;

    /** 4 clusters in 10-d: the first 400 points fit the map, the last 80 are held out. */
    private static final Clusters ALL = Clusters.of(4, 120, 10, 6, 33);
    private static final int FIT = 400;

    private static Points rows(int from, int to) {
        int d = ALL.points().d();
        return Points.of(to - from, d, Arrays.copyOfRange(ALL.points().values(), from * d, to * d));
    }

    private static TsneMap fitted() {
        return TsneFit.fit(rows(0, FIT), TsneSettings.defaults(3, 2).withPerplexity(20).withIterations(250, 500));
    }

    @Test
    void transform_heldOutPoints_landAmongTheirClusters_referenceUnchanged() {
        TsneMap map = fitted();
        float[] before = map.positions();
        float[] y = map.transform(rows(FIT, ALL.labels().length), TransformSettings.defaults(2));
        int[] refLabels = Arrays.copyOfRange(ALL.labels(), 0, FIT);
        int[] newLabels = Arrays.copyOfRange(ALL.labels(), FIT, ALL.labels().length);
        double acc = Clusters.knnAccuracy(y, newLabels, map.positions(), refLabels, 10, false);
        assertTrue(acc >= 0.95, "held-out points' 10 nearest reference labels agree: " + acc);
        assertArrayEquals(before, map.positions());
    }

    @Test
    void bothStarts_landAmongTheirClusters_andTheDefaultStaysOnItsLeash() {
        TsneMap map = fitted();
        Points held = rows(FIT, ALL.labels().length);
        int[] refLabels = Arrays.copyOfRange(ALL.labels(), 0, FIT);
        int[] newLabels = Arrays.copyOfRange(ALL.labels(), FIT, ALL.labels().length);
        float[] median = map.transform(held, TransformSettings.openTsne(2));
        assertTrue(Clusters.knnAccuracy(median, newLabels, map.positions(), refLabels, 10, false) >= 0.95);
        float[] start = map.transform(held, TransformSettings.defaults(2).withIterations(0));
        float[] placed = map.transform(held, TransformSettings.defaults(2));
        double[] refY = new double[map.positions().length];
        for (int e = 0; e < refY.length; e++) {
            refY[e] = map.positions()[e];
        }
        double radius = MapScale.neighbourRadius(refY, FIT, Transform.RADIUS_NEIGHBOURS);
        assertTrue(radius > 0);
        double farthest = 0;
        for (int i = 0; i < held.n(); i++) {
            farthest = Math.max(farthest, Math.hypot(placed[2 * i] - start[2 * i], placed[2 * i + 1] - start[2 * i + 1]));
        }
        assertTrue(farthest <= TransformSettings.LEASH * radius * (1 + 1e-5) + 1e-6,
                "moved " + farthest + " from the start, leash " + TransformSettings.LEASH * radius);
        assertTrue(farthest > 0, "the descent ran");
        assertTrue(Clusters.knnAccuracy(placed, newLabels, map.positions(), refLabels, 10, false) >= 0.95);
    }

    @Test
    void densestStart_isWhereMostNeighboursAre_notTheMedianBetweenThem() {
        // 3 neighbours near (0, 0), 4 near (10, 10), 3 near (20, 0): the coordinate-wise median is (10, 0), where
        // none of them is; the densest spot is the group of 4
        double[] xs = {0, 10, 20, 0.1, 10.1, 20.1, 9.9, 0.2, 20.2, 10.0};
        double[] ys = {0, 10, 0, 0.1, 10.1, 0.1, 9.9, 0.2, 0.2, 10.2};
        double[] c = Transform.densest(xs, ys, 1.0);
        assertEquals(10.0, c[0], 0.1);
        assertEquals(10.05, c[1], 0.1);
        double[] alone = Transform.densest(xs, ys, 0);
        assertArrayEquals(new double[] {0, 0}, alone, 0, "no radius: the nearest neighbour's position");
    }

    @Test
    void mapScale_equalsBruteForce_andALatticesTenthNeighbour() {
        // a 30 x 30 unit lattice: an inner point's 10th nearest is at distance 2 (4 at 1, 4 at sqrt 2, 4 at 2)
        double[] lattice = new double[2 * 900];
        for (int i = 0; i < 900; i++) {
            lattice[2 * i] = i % 30;
            lattice[2 * i + 1] = i / 30;
        }
        assertEquals(2.0, MapScale.neighbourRadius(lattice, 900, 10), 1e-12);
        java.util.Random r = new java.util.Random(5);
        int n = 3000;
        double[] y = new double[2 * n];
        for (int e = 0; e < y.length; e++) {
            y[e] = r.nextGaussian() * (e % 2 == 0 ? 3 : 1) + (e % 4 < 2 ? 0 : 20);
        }
        int stride = Math.max(1, n / MapScale.SAMPLE);
        int samples = (n + stride - 1) / stride;
        double[] kth = new double[samples];
        for (int s = 0; s < samples; s++) {
            int i = s * stride;
            double[] d = new double[n - 1];
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    d[c++] = Math.hypot(y[2 * i] - y[2 * j], y[2 * i + 1] - y[2 * j + 1]);
                }
            }
            Arrays.sort(d);
            kth[s] = d[9];
        }
        Arrays.sort(kth);
        double expected = samples % 2 == 1 ? kth[samples / 2] : (kth[samples / 2 - 1] + kth[samples / 2]) / 2;
        assertEquals(expected, MapScale.neighbourRadius(y, n, 10), 1e-9);
        assertEquals(0.0, MapScale.neighbourRadius(y, 10, 10), 0.0, "too few points");
    }

    @Test
    void transform_isIndependentOfBatching() {
        TsneMap map = fitted();
        float[] all = map.transform(rows(FIT, FIT + 20), TransformSettings.defaults(2));
        float[] one = map.transform(rows(FIT + 5, FIT + 6), TransformSettings.defaults(1));
        assertEquals(all[10], one[0], 0f);
        assertEquals(all[11], one[1], 0f);
    }

    @Test
    void saveLoad_roundTrip_keepsEverything_andTransformsTheSame() throws Exception {
        TsneMap map = fitted();
        Path file = dir.resolve("map.tsne");
        TsneMapFile.write(file, map);
        TsneMap back = TsneMapFile.read(file);
        assertArrayEquals(map.reference().values(), back.reference().values());
        assertArrayEquals(map.positions(), back.positions());
        assertEquals(map.provenance(), back.provenance());
        assertEquals(map.provenance().inputSha256(), back.reference().sha256());
        Points fresh = rows(FIT, FIT + 30);
        assertArrayEquals(map.transform(fresh, TransformSettings.defaults(2)),
                back.transform(fresh, TransformSettings.defaults(2)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void read_damagedFile_failsWithChecksum() throws Exception {
        Path file = dir.resolve("map.tsne");
        TsneMapFile.write(file, fitted());
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 1;
        Files.write(file, b);
        MapFileException e = assertThrows(MapFileException.class, () -> TsneMapFile.read(file));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void read_notAMap_failsWithMagic() throws Exception {
        Path file = dir.resolve("junk.tsne");
        Files.writeString(file, "definitely not a t-SNE map file at all");
        MapFileException e = assertThrows(MapFileException.class, () -> TsneMapFile.read(file));
        assertTrue(e.getMessage().contains("not a HyClus t-SNE map"), e.getMessage());
    }

    @Test
    void transform_dimensionMismatch_throwsBeforeAnyWork() {
        TsneMap map = fitted();
        EmbeddingInputException e = assertThrows(EmbeddingInputException.class,
                () -> map.transform(Points.of(2, 3, new float[6]), TransformSettings.defaults(1)));
        assertEquals("the map was fitted on D = 10 dimensions but the new points have D = 3", e.getMessage());
    }

    @Test
    void write_failure_leavesExistingMapIntact() throws Exception {
        TsneMap map = fitted();
        Path file = dir.resolve("map.tsne");
        TsneMapFile.write(file, map);
        byte[] good = Files.readAllBytes(file);
        Path missingDir = dir.resolve("no-such-dir").resolve("map.tsne");
        assertThrows(MapFileException.class, () -> TsneMapFile.write(missingDir, map));
        assertFalse(Files.exists(missingDir));
        assertArrayEquals(good, Files.readAllBytes(file));
    }

    @Test
    void saveLoad_storesTheRepulsionField_bitForBit() throws Exception {
        TsneMap map = fitted();
        Path file = dir.resolve("map.tsne");
        TsneMapFile.write(file, map);
        TsneMap back = TsneMapFile.read(file);
        try (Parallel par = new Parallel(1)) {
            KernelPotentials a = map.field(par).potentials();
            KernelPotentials b = back.field(par).potentials();
            assertEquals(a.boxes(), b.boxes());
            assertEquals(a.side(), b.side(), 0.0);
            for (int c = 0; c < KernelPotentials.CHANNELS; c++) {
                assertArrayEquals(a.potential(c), b.potential(c), 0.0, "channel " + c);
            }
        }
    }

    /** A map saved by the format-1 writer (commit 27e9775: 150 points, D = 5) and what it placed 12 new points at. */
    @Test
    void read_version1File_stillLoads_andTransformsAsItDid() throws Exception {
        Path res = Path.of(TransformTest.class.getResource("map-v1.tsne").toURI()).getParent();
        TsneMap map = TsneMapFile.read(res.resolve("map-v1.tsne"));
        assertEquals(150, map.reference().n());
        assertEquals(5, map.reference().d());
        Points fresh = RawFloat32.read(res.resolve("new12x5.f32"), 12, 5);
        float[] before = RawFloat32.read(res.resolve("new-v1.emb"), 12, 2).values();
        // placed then with openTSNE's median start (the default start is now the densest spot)
        float[] now = map.transform(fresh, TransformSettings.openTsne(1));
        // the field's potentials are now rounded to float32 (as saved), so positions agree closely, not bit for bit
        assertArrayEquals(before, now, 1e-3f);
    }

    @Test
    void read_unknownVersion_failsNamingTheVersionsRead() throws Exception {
        Path file = dir.resolve("map.tsne");
        TsneMapFile.write(file, fitted());
        byte[] b = Files.readAllBytes(file);
        b[TsneMapFile.MAGIC.length] = 9;
        Files.write(file, b);
        MapFileException e = assertThrows(MapFileException.class, () -> TsneMapFile.read(file));
        assertTrue(e.getMessage().endsWith("map format version 9, this build reads versions 1 and 2"), e.getMessage());
    }
}
