package io.hyclus.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Classifies a representation's codes by a category on a split, per spectrum and per sample. */
final class Classification {
    private Classification() {
    }

    /** Empty when the category has fewer than two classes or the split leaves nothing to test or train on. */
    static java.util.Optional<ClassificationResult> run(CameraData data, Representation rep, Category c, SplitKind kind,
                                                        ReportSettings s, List<String> notes) {
        List<String> labels = new ArrayList<>(data.rows());
        for (int r = 0; r < data.rows(); r++) {
            labels.add(data.label(r, c));
        }
        long classes = labels.stream().distinct().count();
        if (classes < 2) {
            notes.add(c.title() + " has one class only (" + labels.get(0) + "): no "
                    + c.title() + " classification");
            return java.util.Optional.empty();
        }
        boolean[] test = Splits.test(data, c, kind, s.testFraction(), s.seed(), notes);
        int nTest = 0;
        for (boolean t : test) {
            nTest += t ? 1 : 0;
        }
        if (nTest == 0 || nTest == data.rows()) {
            notes.add(c.title() + ", " + kind.title() + ": nothing to " + (nTest == 0 ? "test" : "train")
                    + " on; no table");
            return java.util.Optional.empty();
        }
        List<String> predicted = CodeClassifier.trainAndPredict(rep.codes(), labels, test, s.seed());
        int[] rows = new int[nTest];
        List<String> truth = new ArrayList<>(nTest);
        Map<Integer, Map<String, Integer>> votes = new TreeMap<>();
        for (int r = 0, i = 0; r < data.rows(); r++) {
            if (test[r]) {
                rows[i] = r;
                truth.add(labels.get(r));
                votes.computeIfAbsent(data.sampleOfRow()[r], k -> new TreeMap<>()).merge(predicted.get(i), 1, Integer::sum);
                i++;
            }
        }
        List<String[]> bySample = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Integer>> e : votes.entrySet()) {
            SampleInfo info = data.samples().get(e.getKey());
            int best = Collections.max(e.getValue().values());
            String vote = e.getValue().entrySet().stream().filter(x -> x.getValue() == best).findFirst().orElseThrow().getKey();
            bySample.add(new String[] {info.key(), info.label(c), vote});
        }
        bySample.sort((a, b) -> a[0].compareTo(b[0]));
        List<String> keys = bySample.stream().map(x -> x[0]).toList();
        List<String> sTruth = bySample.stream().map(x -> x[1]).toList();
        List<String> sPred = bySample.stream().map(x -> x[2]).toList();
        return java.util.Optional.of(new ClassificationResult(data.camera().name(), rep.title(), c, kind,
                ClassTable.of(truth, predicted), ClassTable.of(sTruth, sPred), rows, List.copyOf(predicted), keys,
                sTruth, sPred));
    }
}
