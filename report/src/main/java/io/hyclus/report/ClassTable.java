package io.hyclus.report;

import java.util.List;

/**
 * A classification report in the study's (scikit-learn's) format: per class precision, recall, F1 and support,
 * accuracy, macro and support-weighted averages; and the confusion matrix. A class never predicted has precision 0,
 * a class never true recall 0 (as scikit-learn with {@code zero_division=0}).
 *
 * @param classes   sorted union of the true and predicted classes
 * @param confusion [true class][predicted class] counts, in {@code classes} order
 */
public record ClassTable(List<String> classes, double[] precision, double[] recall, double[] f1, int[] support,
                         double accuracy, double[] macro, double[] weighted, int[][] confusion, int total) {

    /** Tabulates predictions against the truth. */
    public static ClassTable of(List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size() || truth.isEmpty()) {
            throw new IllegalArgumentException("need as many predictions as true labels, at least one: " + truth.size()
                    + " and " + predicted.size());
        }
        java.util.TreeSet<String> all = new java.util.TreeSet<>(truth);
        all.addAll(predicted);
        List<String> classes = List.copyOf(all);
        int k = classes.size();
        int[][] cm = new int[k][k];
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            int t = classes.indexOf(truth.get(i));
            int p = classes.indexOf(predicted.get(i));
            cm[t][p]++;
            correct += t == p ? 1 : 0;
        }
        double[] prec = new double[k];
        double[] rec = new double[k];
        double[] f = new double[k];
        int[] sup = new int[k];
        double[] macro = new double[3];
        double[] weighted = new double[3];
        for (int c = 0; c < k; c++) {
            int tp = cm[c][c];
            int predictedC = 0;
            for (int[] row : cm) {
                predictedC += row[c];
            }
            for (int x : cm[c]) {
                sup[c] += x;
            }
            prec[c] = predictedC == 0 ? 0 : tp / (double) predictedC;
            rec[c] = sup[c] == 0 ? 0 : tp / (double) sup[c];
            f[c] = prec[c] + rec[c] == 0 ? 0 : 2 * prec[c] * rec[c] / (prec[c] + rec[c]);
            double[] v = {prec[c], rec[c], f[c]};
            for (int m = 0; m < 3; m++) {
                macro[m] += v[m] / k;
                weighted[m] += v[m] * sup[c] / truth.size();
            }
        }
        return new ClassTable(classes, prec, rec, f, sup, correct / (double) truth.size(), macro, weighted, cm,
                truth.size());
    }
}
