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
            TopK top = new TopK(k);
            float[] block = new float[BLOCK];
            float[] q = new float[d];
            for (int row = from; row < to; row++) {
                top.clear();
                float threshold = Float.MAX_VALUE;
                System.arraycopy(queries.values(), row * d, q, 0, d);
                // a point's own block first (stored data is often ordered, so its neighbours tend to be near it):
                // the top k fills with close candidates early and the screen lets fewer through; the result is the
                // same set in any order (ties by lower index)
                int first = self ? row / BLOCK : 0;
                int blocks = (n + BLOCK - 1) / BLOCK;
                for (int b = 0; b < blocks; b++) {
                    int j0 = ((first + b) % blocks) * BLOCK;
                    int len = Math.min(BLOCK, n - j0);
                    screen(columns, n, d, q, j0, len, block);
                    // float screen, then the exact double distance for every candidate that may enter the top k
                    for (int t = 0; t < len; t++) {
                        if (block[t] <= threshold) {
                            int j = j0 + t;
                            if (!self || j != row) {
                                top.offer(j, distanceSq(queries.values(), row, reference.values(), j, d));
                                threshold = top.full() ? (float) (top.worst() * SLACK + TINY) : Float.MAX_VALUE;
                            }
                        }
                    }
                }
                top.drainSorted(index, dist, row * k);
            }
        });
        return new Neighbours(m, k, index, dist);
    }

    /** References per distance block. */
    private static final int BLOCK = 1024;
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

    /** Float squared distances from {@code q} to references j0 .. j0 + len - 1 (dimension outer: vectorisable). */
    private static void screen(float[] columns, int n, int d, float[] q, int j0, int len, float[] out) {
        java.util.Arrays.fill(out, 0, len, 0f);
        for (int e = 0; e < d; e++) {
            float qe = q[e];
            int base = e * n + j0;
            for (int t = 0; t < len; t++) {
                float diff = qe - columns[base + t];
                out[t] += diff * diff;
            }
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
