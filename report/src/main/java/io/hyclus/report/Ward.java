package io.hyclus.report;

/**
 * Ward's hierarchical clustering (written here: neither Tribuo nor commons-math3 has it), by the Lance-Williams update
 * on squared Euclidean distances, O(n³) — meant for the report's sample means (tens of points). Merges follow
 * SciPy's linkage layout: merge {@code i} joins clusters {@code left[i]} and {@code right[i]} (ids below n are points,
 * n + j is the cluster of merge j) at {@code height[i]} = the Ward distance (Euclidean scale), into {@code size[i]}
 * points. Ties go to the lowest pair of ids.
 */
public record Ward(int n, int[] left, int[] right, double[] height, int[] size) {

    static Ward of(double[][] points) {
        int n = points.length;
        if (n < 2) {
            throw new IllegalArgumentException("Ward clustering needs at least 2 points, got " + n);
        }
        double[][] d2 = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < points[i].length; k++) {
                    double x = points[i][k] - points[j][k];
                    s += x * x;
                }
                d2[i][j] = s;
            }
        }
        boolean[] active = new boolean[2 * n];
        int[] count = new int[2 * n];
        for (int i = 0; i < n; i++) {
            active[i] = true;
            count[i] = 1;
        }
        int[] left = new int[n - 1];
        int[] right = new int[n - 1];
        double[] height = new double[n - 1];
        int[] size = new int[n - 1];
        for (int m = 0; m < n - 1; m++) {
            int bi = -1;
            int bj = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n + m; i++) {
                for (int j = i + 1; active[i] && j < n + m; j++) {
                    if (active[j] && d2[i][j] < best) {
                        best = d2[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            int c = n + m;
            count[c] = count[bi] + count[bj];
            for (int k = 0; k < c; k++) {
                if (active[k] && k != bi && k != bj) {
                    double v = ((count[bi] + count[k]) * d2[bi][k] + (count[bj] + count[k]) * d2[bj][k]
                            - count[k] * d2[bi][bj]) / (count[bi] + count[bj] + count[k]);
                    d2[c][k] = v;
                    d2[k][c] = v;
                }
            }
            active[bi] = false;
            active[bj] = false;
            active[c] = true;
            left[m] = bi;
            right[m] = bj;
            height[m] = Math.sqrt(Math.max(0, best));
            size[m] = count[c];
        }
        return new Ward(n, left, right, height, size);
    }

    /** Leaves in dendrogram order (left subtree first). */
    int[] leafOrder() {
        int[] out = new int[n];
        int[] at = {0};
        visit(n + left.length - 1, out, at);
        return out;
    }

    private void visit(int id, int[] out, int[] at) {
        if (id < n) {
            out[at[0]++] = id;
            return;
        }
        visit(left[id - n], out, at);
        visit(right[id - n], out, at);
    }
}
