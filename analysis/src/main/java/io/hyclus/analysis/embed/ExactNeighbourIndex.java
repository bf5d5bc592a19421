package io.hyclus.analysis.embed;

/**
 * Brute-force k-nearest-neighbour search, O(N·M·D), parallel over queries. Ties are broken by the lower reference
 * index, so the result is the same for any thread count.
 */
public final class ExactNeighbourIndex implements NeighbourIndex {
    private final Points reference;
    private volatile float[] columnCache;

    public ExactNeighbourIndex(Points reference) {
        this.reference = reference;
    }

    @Override
    public Neighbours referenceNeighbours(int k, Parallel parallel) {
        return search(reference, k, true, parallel);
    }

    @Override
    public Neighbours query(Points queries, int k, Parallel parallel) {
        return search(queries, k, false, parallel);
    }

    @Override
    public String method() {
        return "exact";
    }

    private Neighbours search(Points queries, int k, boolean self, Parallel parallel) {
        int m = queries.n();
        int available = reference.n() - (self ? 1 : 0);
        if (k > available) {
            throw new EmbeddingInputException("asked for " + k + " neighbours among " + available + " reference points");
        }
        int[] index = new int[m * k];
        double[] dist = new double[m * k];
        int n = reference.n();
        int d = reference.d();
        float[] columns = columns();
        parallel.forRange(m, (part, from, to) -> {
            TopK[] tops = new TopK[GROUP];
            float[][] screened = new float[GROUP][BLOCK];
            for (int g = 0; g < GROUP; g++) {
                tops[g] = new TopK(k);
            }
            float[] scratch = new float[BLOCK];
            float[] thresholds = new float[GROUP];
            for (int row0 = from; row0 < to; row0 += GROUP) {
                int rows = Math.min(GROUP, to - row0);
                for (int g = 0; g < rows; g++) {
                    tops[g].clear();
                    thresholds[g] = Float.MAX_VALUE;
                }
                // the group's own block first (stored data is often ordered, so neighbours tend to be near): the top k
                // fill with close candidates early and the screen lets fewer through; the result is the same set in
                // any order (ties by lower index)
                int first = self ? row0 / BLOCK : 0;
                int blocks = (n + BLOCK - 1) / BLOCK;
                for (int b = 0; b < blocks; b++) {
                    int j0 = ((first + b) % blocks) * BLOCK;
                    int len = Math.min(BLOCK, n - j0);
                    screen(columns, n, d, queries.values(), row0, rows, j0, len, scratch, screened);
                    // float screen, then the exact double distance for every candidate that may enter the top k
                    for (int g = 0; g < rows; g++) {
                        int row = row0 + g;
                        float[] block = screened[g];
                        TopK top = tops[g];
                        float threshold = thresholds[g];
                        for (int t = 0; t < len; t++) {
                            if (block[t] <= threshold) {
                                int j = j0 + t;
                                if (!self || j != row) {
                                    top.offer(j, distanceSq(queries.values(), row, reference.values(), j, d));
                                    threshold = top.full() ? (float) (top.worst() * SLACK + TINY) : Float.MAX_VALUE;
                                }
                            }
                        }
                        thresholds[g] = threshold;
                    }
                }
                for (int g = 0; g < rows; g++) {
                    tops[g].drainSorted(index, dist, (row0 + g) * k);
                }
            }
        });
        return new Neighbours(m, k, index, dist);
    }

    /** References per distance block. */
    private static final int BLOCK = 1024;
    /** Queries screened together against one block (its columns are copied once for them). */
    private static final int GROUP = 8;
    /** Relative slack of the float screen (its rounding error is below 1e-5 for D up to thousands). */
    private static final double SLACK = 1 + 1e-4;
    private static final double TINY = 1e-30;

    /** The reference values column by column (d × n), built once. */
    private float[] columns() {
        float[] c = columnCache;
        if (c == null) {
            int n = reference.n();
            int d = reference.d();
            c = new float[n * d];
            for (int j = 0; j < n; j++) {
                for (int e = 0; e < d; e++) {
                    c[e * n + j] = reference.values()[j * d + e];
                }
            }
            columnCache = c;
        }
        return c;
    }

    /**
     * Float squared distances from queries row0 .. row0 + rows - 1 to references j0 .. j0 + len - 1 into
     * {@code out[g]}, dimension outer. Each dimension's slice of the block is copied into {@code scratch} first so
     * that every array in the inner loop is indexed alike: JDK 17's C2 does not vectorise a loop that reads one
     * float[] at a shifted index and writes another (it cannot rule out aliasing); measured on 20,000 × 16 points,
     * 1 thread: 1.65 s as one shifted loop, 0.58 s with the copy, 0.33 s with the copy shared by 8 queries.
     */
    private static void screen(float[] columns, int n, int d, float[] queries, int row0, int rows, int j0, int len,
            float[] scratch, float[][] out) {
        for (int g = 0; g < rows; g++) {
            java.util.Arrays.fill(out[g], 0, len, 0f);
        }
        for (int e = 0; e < d; e++) {
            System.arraycopy(columns, e * n + j0, scratch, 0, len);
            for (int g = 0; g < rows; g++) {
                accumulate(scratch, queries[(row0 + g) * d + e], out[g], len);
            }
        }
    }

    /** {@code out[t] += (q - c[t])²} for t < len: all arrays indexed alike, so the JIT vectorises it. */
    private static void accumulate(float[] c, float q, float[] out, int len) {
        for (int t = 0; t < len; t++) {
            float diff = q - c[t];
            out[t] += diff * diff;
        }
    }

    static double distanceSq(float[] a, int row, float[] b, int refRow, int d) {
        int oa = row * d;
        int ob = refRow * d;
        double s = 0;
        for (int c = 0; c < d; c++) {
            double t = a[oa + c] - b[ob + c];
            s += t * t;
        }
        return s;
    }

    /** A bounded max-heap keeping the k smallest (distance, index) pairs. */
    static final class TopK {
        private final int k;
        private final int[] idx;
        private final double[] dist;
        private int size;

        TopK(int k) {
            this.k = k;
            this.idx = new int[k];
            this.dist = new double[k];
        }

        boolean full() {
            return size == k;
        }

        /** The largest kept distance (only when {@link #full()}). */
        double worst() {
            return dist[0];
        }

        void clear() {
            size = 0;
        }

        void offer(int j, double d) {
            if (size < k) {
                idx[size] = j;
                dist[size] = d;
                siftUp(size++);
            } else if (less(d, j, dist[0], idx[0])) {
                idx[0] = j;
                dist[0] = d;
                siftDown(0);
            }
        }

        /** Writes the kept pairs nearest first into {@code outIdx/outDist} from {@code offset}; empties the heap. */
        void drainSorted(int[] outIdx, double[] outDist, int offset) {
            for (int pos = size - 1; pos >= 0; pos--) {
                outIdx[offset + pos] = idx[0];
                outDist[offset + pos] = dist[0];
                size--;
                idx[0] = idx[size];
                dist[0] = dist[size];
                siftDown(0);
            }
        }

        private static boolean less(double d1, int j1, double d2, int j2) {
            return d1 < d2 || (d1 == d2 && j1 < j2);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!less(dist[parent], idx[parent], dist[i], idx[i])) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1;
                int largest = i;
                if (l < size && less(dist[largest], idx[largest], dist[l], idx[l])) {
                    largest = l;
                }
                if (l + 1 < size && less(dist[largest], idx[largest], dist[l + 1], idx[l + 1])) {
                    largest = l + 1;
                }
                if (largest == i) {
                    return;
                }
                swap(i, largest);
                i = largest;
            }
        }

        private void swap(int a, int b) {
            int ti = idx[a];
            idx[a] = idx[b];
            idx[b] = ti;
            double td = dist[a];
            dist[a] = dist[b];
            dist[b] = td;
        }
    }
}
