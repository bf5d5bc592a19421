package io.hyclus.analysis.livemap;

import io.hyclus.analysis.embed.TransformSettings;
import io.hyclus.analysis.embed.TsneSettings;
import io.hyclus.core.scan.MapUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveMapTest {
    @TempDir
    Path dir;

    /** Fast settings: 150 points a sample, first fit after 3 samples, 500 t-SNE iterations, re-fit share 0.5. */
    static LiveMapSettings settings(Path mapDir) {
        return settings("localhost:1", mapDir);
    }

    static LiveMapSettings settings(String bootstrap, Path mapDir) {
        return LiveMapSettings.defaults(bootstrap, mapDir).withPointsPerSample(150).withFitAfter(3, 100_000)
                .withReservoir(2000, 0.5)
                .withTsne(TsneSettings.defaults(1, 2).withIterations(250, 250), TransformSettings.defaults(2));
    }

    private static int label(MapSample s) {
        return Integer.parseInt(s.metadata().plant().substring("Plant-".length())) - 1;
    }

    @Test
    void waitsForThreeSamples_fitsV1_addsByTransform_nearTheirCluster_refitsV2WhenDriftExceedsTheShare() {
        LiveMap map = new LiveMap(settings(dir));
        LiveMap.Step s1 = map.accept(ClusterCodes.assembled("A-0", 0, 400, "m@1", 10));
        LiveMap.Step s2 = map.accept(ClusterCodes.assembled("A-1", 1, 400, "m@1", 11));
        assertEquals(List.of(), s1.published());
        assertEquals(List.of(), s2.published());
        assertEquals(10, map.heldFrom(0).getAsLong(), "waiting samples hold the offsets back");
        LiveMap.Step s3 = map.accept(ClusterCodes.assembled("A-2", 2, 400, "m@1", 12));
        assertEquals(1, map.version());
        assertEquals(3, s3.published().size());
        assertTrue(map.heldFrom(0).isEmpty());
        assertTrue(s3.fitMillis() > 0);
        float[] refXy = new float[0];
        int[] refLabels = new int[0];
        for (LiveMap.Published p : s3.published()) {
            assertEquals(MapUpdate.FITTED, p.update());
            assertEquals(1, p.version());
            assertEquals(150, p.rows().length);
            assertArrayEquals(Subsample.rows(1, p.sample().key(), settings(dir).camera(), 400, 150), p.rows());
            refXy = concat(refXy, p.xy());
            refLabels = concat(refLabels, label(p.sample()), p.rows().length);
        }
        assertTrue(MapQuality.knnAccuracy(refXy, refLabels, refXy, refLabels, 10, true) >= 0.95);
        assertEquals(450, map.referencePoints());

        // 225 may be added (0.5 x 450) before a re-fit: B-0 (150) is added, B-1 takes it to 300 > 225
        LiveMap.Step s4 = map.accept(ClusterCodes.assembled("B-0", 0, 300, "m@1", 13));
        assertEquals(1, s4.published().size());
        LiveMap.Published added = s4.published().get(0);
        assertEquals(MapUpdate.ADDED, added.update());
        assertEquals(1, added.version());
        int[] addedLabels = concat(new int[0], 0, 150);
        double acc = MapQuality.knnAccuracy(added.xy(), addedLabels, refXy, refLabels, 10, false);
        assertTrue(acc >= 0.9, "added points among their cluster: " + acc);
        assertEquals(150, map.addedSinceFit());

        LiveMap.Step s5 = map.accept(ClusterCodes.assembled("B-1", 1, 300, "m@1", 14));
        assertEquals(2, map.version());
        assertEquals(0, map.addedSinceFit());
        assertEquals(MapUpdate.ADDED, s5.published().get(0).update());
        assertEquals(1, s5.published().get(0).version(), "B-1 is added to v1, then v2 is fitted");
        List<LiveMap.Published> v2 = s5.published().subList(1, s5.published().size());
        assertEquals(List.of("A-0", "A-1", "A-2", "B-0", "B-1"), v2.stream().map(p -> p.sample().metadata().sampleId())
                .toList());
        assertEquals(750, v2.stream().mapToInt(p -> p.rows().length).sum(), "all reservoir points re-published");
        assertEquals(750, map.referencePoints());
        float[] xy2 = new float[0];
        int[] labels2 = new int[0];
        for (LiveMap.Published p : v2) {
            assertEquals(MapUpdate.FITTED, p.update());
            assertEquals(2, p.version());
            xy2 = concat(xy2, p.xy());
            labels2 = concat(labels2, label(p.sample()), p.rows().length);
        }
        assertTrue(MapQuality.knnAccuracy(xy2, labels2, xy2, labels2, 10, true) >= 0.95);
    }

    @Test
    void anotherModel_startsANewMap_waitingForItsOwnFit_nextVersion() {
        LiveMap map = new LiveMap(settings(dir).withFitAfter(1, 100_000));
        map.accept(ClusterCodes.assembled("A-0", 0, 200, "m@1", 1));
        assertEquals(1, map.version());
        map.accept(ClusterCodes.assembled("A-1", 1, 200, "m@1", 2));
        assertEquals(2, map.version(), "150 added to 150 > 0.5 x 150: re-fitted");
        LiveMap.Step other = map.accept(ClusterCodes.assembled("C-0", 0, 200, "m@2", 3));
        assertEquals(3, map.version(), "fitted at once (fit after 1 sample) as the next version");
        assertEquals(150, map.referencePoints(), "the new map holds the new model's points only");
        assertEquals("m@2", other.published().get(0).sample().modelRef());
        assertEquals(MapUpdate.FITTED, other.published().get(0).update());
        assertEquals("m@2", map.state().modelRef());
    }

    @Test
    void modelChangesBeforeItsMapCouldBeFitted_waitingSamplesRefusedNamingThem() {
        LiveMap map = new LiveMap(settings(dir));
        map.accept(ClusterCodes.assembled("A-0", 0, 50, "m@1", 1));
        LiveMap.Step step = map.accept(ClusterCodes.assembled("C-0", 0, 200, "m@2", 2));
        assertEquals(Map.of(ClusterCodes.sample("A-0", 0, "m@1"), "sample A-0 (scan scan-1, m@1) is not on the map: "
                + "the codes topic moved on to m@2 before the map of m@1 had enough points to be fitted (50)"),
                step.refused());
        assertTrue(step.changed());
        assertEquals(2, map.heldFrom(0).getAsLong(), "only C-0 waits");
    }

    @Test
    void onlyTheMaterialMasksSpectraArePlaced_aSampleWithNoneIsRefused() {
        // rows 0, 3, 6, ... are the sample's material; the rest belt, tray or shadow (classes 1-4)
        MaterialSource everyThird = (codes, camera) -> {
            byte[] m = new byte[codes.rows()];
            for (int i = 0; i < m.length; i++) {
                m[i] = (byte) (i % 3 == 0 ? 0 : 1 + i % 4);
            }
            return codes.sample().metadata().sampleId().startsWith("N") ? new byte[codes.rows()] : m;
        };
        MaterialSource noMaterialForE = (codes, camera) -> codes.sample().metadata().sampleId().startsWith("E")
                ? new byte[] {2, 2, 3} : everyThird.classes(codes, camera);
        LiveMap map = new LiveMap(settings(dir).withFitAfter(1, 100_000), noMaterialForE);
        LiveMap.Step fitted = map.accept(ClusterCodes.assembled("A-0", 0, 900, "m@1", 1));
        assertEquals(150, fitted.published().get(0).rows().length);
        for (int r : fitted.published().get(0).rows()) {
            assertEquals(0, r % 3, "row " + r + " is not the sample's material");
        }
        LiveMap.Step added = map.accept(ClusterCodes.assembled("A-1", 1, 900, "m@1", 2));
        for (int r : added.published().get(0).rows()) {
            assertEquals(0, r % 3, "row " + r + " is not the sample's material");
        }
        LiveMap.Step none = map.accept(ClusterCodes.assembled("E-1", 1, 3, "m@1", 3));
        assertEquals(List.of(), none.published());
        assertEquals("codes of sample E-1 (scan scan-1) VNIR: the material mask kept none of its 3 spectra",
                none.refused().values().iterator().next());
    }

    @Test
    void codeSizeOtherThanTheMaps_refusedNamingSampleAndModel_mapUnchanged() {
        LiveMap map = new LiveMap(settings(dir).withFitAfter(1, 100_000));
        map.accept(ClusterCodes.assembled("A-0", 0, 200, "m@1", 1));
        AssembledCodes wide = new AssembledCodes(ClusterCodes.sample("W-1", 0, "m@1"), java.time.Instant.EPOCH, 4,
                new float[40], 0, 2, null);
        BadCodesException e = assertThrows(BadCodesException.class, () -> map.accept(wide));
        assertEquals("codes of sample W-1 (scan scan-1) VNIR have 4 numbers per spectrum; the map of m@1 holds codes "
                + "of 8", e.getMessage());
        assertEquals(1, map.version());
        assertEquals(0, map.addedSinceFit());
    }

    @Test
    void savedAndRestored_sameVersionReservoirAndMap_addsPointsExactlyAsTheOriginal() {
        LiveMapSettings s = settings(dir).withFitAfter(2, 100_000);
        LiveMap original = new LiveMap(s);
        original.accept(ClusterCodes.assembled("A-0", 0, 200, "m@1", 1));
        original.accept(ClusterCodes.assembled("A-1", 1, 200, "m@1", 2));
        LiveMapStateFile.save(dir, original.state(), true, Map.of(0, 3L), Map.of("livemap.seed", "1"));
        LiveMapStateFile.Saved saved = LiveMapStateFile.read(dir).orElseThrow();
        assertEquals(Map.of(0, 3L), saved.offsets());
        assertEquals(Map.of("livemap.seed", "1"), saved.provenance());
        LiveMap restored = LiveMap.restored(s, saved.state());
        assertEquals(1, restored.version());
        assertEquals(300, restored.referencePoints());
        LiveMap.Step a = original.accept(ClusterCodes.assembled("A-2", 1, 200, "m@1", 3));
        LiveMap.Step b = restored.accept(ClusterCodes.assembled("A-2", 1, 200, "m@1", 3));
        assertArrayEquals(a.published().get(0).xy(), b.published().get(0).xy());
        assertArrayEquals(original.state().reservoir().codes(), restored.state().reservoir().codes());
        assertEquals(List.of("map-v1.tsne", "live-map.state"), files());
    }

    private List<String> files() {
        List<String> out = new ArrayList<>();
        for (java.io.File f : dir.toFile().listFiles()) {
            out.add(f.getName());
        }
        out.sort(java.util.Comparator.comparing((String n) -> !n.endsWith(".tsne")));
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] concat(int[] a, int label, int n) {
        int[] out = java.util.Arrays.copyOf(a, a.length + n);
        java.util.Arrays.fill(out, a.length, out.length, label);
        return out;
    }
}
