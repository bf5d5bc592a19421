package io.hyclus.analysis.embed;

/**
 * Symmetric joint affinities P in compressed sparse rows: row i holds columns {@code column[rowStart[i] ..
 * rowStart[i+1])} (ascending) with values {@code value[...]}; P_ij = (p(j|i) + p(i|j)) / (2N), so all values sum to 1.
 * Arrays are owned by this record.
 */
public record SparseAffinities(int n, int[] rowStart, int[] column, double[] value) {
    public SparseAffinities {
        if (rowStart.length != n + 1 || column.length != value.length || rowStart[n] != column.length) {
            throw new IllegalArgumentException("inconsistent sparse rows: n = " + n + ", rowStart " + rowStart.length
                    + ", columns " + column.length + ", values " + value.length);
        }
    }

    /** Symmetrises conditional affinities given over {@code nn}'s k-nearest-neighbour graph. */
    public static SparseAffinities symmetric(Neighbours nn, double[] conditional) {
        int n = nn.n();
        int k = nn.k();
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                count[i]++;
                count[nn.index()[i * k + t]]++;
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int[] col = new int[start[n]];
        double[] val = new double[start[n]];
        int[] fill = start.clone();
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                int j = nn.index()[i * k + t];
                double p = conditional[i * k + t];
                col[fill[i]] = j;
                val[fill[i]++] = p;
                col[fill[j]] = i;
                val[fill[j]++] = p;
            }
        }
        return merge(n, start, col, val, 1.0 / (2.0 * n));
    }

    /**
     * Sorts each row by column, adds duplicate entries (i→j and j→i both present) and scales by {@code scale}, in
     * place: every entry read writes at most one, so the write position never passes the read position (no second
     * pair of arrays: at 1,000,000 points that pair was 2.2 GB).
     */
    private static SparseAffinities merge(int n, int[] start, int[] col, double[] val, double scale) {
        int[] outStart = new int[n + 1];
        int[] outCol = col;
        double[] outVal = val;
        int w = 0;
        for (int i = 0; i < n; i++) {
            int from = start[i];
            int to = start[i + 1];
            sortRow(col, val, from, to);
            outStart[i] = w;
            for (int e = from; e < to; e++) {
                if (w > outStart[i] && outCol[w - 1] == col[e]) {
                    outVal[w - 1] += val[e] * scale;
                } else {
                    outCol[w] = col[e];
                    outVal[w++] = val[e] * scale;
                }
            }
        }
        outStart[n] = w;
        return new SparseAffinities(n, outStart, java.util.Arrays.copyOf(outCol, w), java.util.Arrays.copyOf(outVal, w));
    }

    /** Sorts one row's entries by column (stable: equal columns keep their order). */
    private static void sortRow(int[] col, double[] val, int from, int to) {
        int len = to - from;
        long[] keys = new long[len];
        for (int e = 0; e < len; e++) {
            keys[e] = ((long) col[from + e] << 32) | e;
        }
        java.util.Arrays.sort(keys);
        double[] vals = java.util.Arrays.copyOfRange(val, from, to);
        for (int e = 0; e < len; e++) {
            col[from + e] = (int) (keys[e] >>> 32);
            val[from + e] = vals[(int) keys[e]];
        }
    }
}
