package io.hyclus.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Seeded test/train splits of one camera's rows. */
final class Splits {
    private Splits() {
    }

    /**
     * Which rows are tested on. Random spectra: round(fraction × rows) rows drawn without replacement. Held-out samples:
     * per class of {@code c}, round(fraction × its samples) whole samples (at least 1), drawn from the class's samples
     * in key order; a class with a single sample cannot be held out and stays in training (a note says so).
     */
    static boolean[] test(CameraData data, Category c, SplitKind kind, double fraction, long seed, List<String> notes) {
        boolean[] test = new boolean[data.rows()];
        SplittableRandom rnd = new SplittableRandom(seed ^ (31L * c.ordinal() + kind.ordinal()));
        if (kind == SplitKind.RANDOM_SPECTRA) {
            int n = data.rows();
            int k = (int) Math.round(fraction * n);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            for (int i = 0; i < k; i++) {
                int j = i + rnd.nextInt(n - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
                test[idx[i]] = true;
            }
            return test;
        }
        Map<String, List<Integer>> byClass = new TreeMap<>();
        for (int s = 0; s < data.samples().size(); s++) {
            byClass.computeIfAbsent(data.samples().get(s).label(c), k -> new ArrayList<>()).add(s);
        }
        Set<Integer> held = new HashSet<>();
        for (Map.Entry<String, List<Integer>> e : byClass.entrySet()) {
            List<Integer> members = new ArrayList<>(e.getValue());
            if (members.size() < 2) {
                notes.add(c.title() + " class " + e.getKey() + " has only one sample ("
                        + data.samples().get(members.get(0)).key() + "): it cannot be held out and is only trained on");
                continue;
            }
            int k = (int) Math.max(1, Math.min(members.size() - 1, Math.round(fraction * members.size())));
            for (int i = members.size() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                members.set(j, members.set(i, members.get(j)));
            }
            held.addAll(members.subList(0, k));
        }
        for (int r = 0; r < data.rows(); r++) {
            test[r] = held.contains(data.sampleOfRow()[r]);
        }
        return test;
    }
}
