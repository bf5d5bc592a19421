package io.hyclus.analysis.embed;

import java.util.Arrays;

/**
 * Barnes-Hut estimate of the repulsive sums. Points are sorted by their Morton (Z-curve) code over 21 bits per axis,
 * ties by index, so every quadtree cell is a contiguous range of the sorted points; the tree is built from those
 * ranges with leaves of up to {@link #LEAF_SIZE} points (or one finest cell, which is where duplicates end up). One
 * walk per leaf takes a cell's centre of mass for all the leaf's points when cell side / (distance to the leaf's
 * bounding box) &lt; theta, and lists the points of near leaves; the leaf's points then run through that list in float.
 * Everything depends only on the positions, never on the thread count.
 */
final class BarnesHutRepulsion {
    static final int LEAF_SIZE = 32;
    private static final int LEVELS = 21;
    private static final int MAX_POINTS = 1 << 21;

    private final double[] xs;
    private final double[] ys;
    private final int[] order;
    /** Per node: centre of mass x, y, side², point count. */
    private double[] packed;
    /** Per node: first child, or -1 for a leaf; children are consecutive nodes. */
    private int[] firstChild;
    private int[] childCount;
    private int[] start;
    private int[] end;
    private int nodes;

    private BarnesHutRepulsion(double[] xs, double[] ys, int[] order) {
        this.xs = xs;
        this.ys = ys;
        this.order = order;
        int cap = 2 * (xs.length / LEAF_SIZE + 1) + 64;
        packed = new double[4 * cap];
        firstChild = new int[cap];
        childCount = new int[cap];
        start = new int[cap];
        end = new int[cap];
    }

    /**
     * Unnormalised Σ_j K_ij² (y_i - y_j) into {@code rep}; returns Z = Σ_{i≠j} K_ij. One walk per leaf (a group walk,
     * Barnes 1990): a cell is summarised for the whole leaf when its side / (distance from its centre of mass to the
     * leaf's bounding box) &lt; theta — never looser than the per-point criterion — and the leaf's points then run
     * through that interaction list in tight loops.
     */
    static double repulsion(double[] y, int n, double theta, Parallel parallel, double[] rep) {
        return repulsion(y, n, theta, parallel, rep, null);
    }

    /**
     * As {@link #repulsion(double[], int, double, Parallel, double[])}, with {@code order}: the points' Morton order
     * of the previous call, updated in place (null: none). Positions move little between iterations, so the keys
     * listed in that order are nearly sorted and the sort is close to linear; the tree is the same either way
     * (keys are unique).
     */
    static double repulsion(double[] y, int n, double theta, Parallel parallel, double[] rep, int[] order) {
        if (n > MAX_POINTS) {
            throw new EmbeddingInputException("Barnes-Hut handles at most " + MAX_POINTS + " points: " + n);
        }
        BarnesHutRepulsion tree = build(y, n, order);
        int[] leaves = tree.leaves();
        double[] sumK = new double[n];
        double theta2 = theta * theta;
        parallel.forRange(leaves.length, (part, from, to) -> {
            Interactions list = new Interactions();
            for (int l = from; l < to; l++) {
                tree.interact(leaves[l], theta2, list, sumK, rep);
            }
        });
        double z = 0;
        for (double s : sumK) {
            z += s;
        }
        return Math.max(z, Double.MIN_NORMAL);
    }

    /** Per-thread interaction list of one leaf: summarised cells (x, y, count) and ranges of sorted points. */
    private static final class Interactions {
        float[] cells = new float[3 * 256];
        int cellCount;
        float[] near = new float[2 * 512];
        int nearCount;
        int[] stack = new int[4 * (LEVELS + 2) + 8];
        float[] px = new float[LEAF_SIZE];
        float[] py = new float[LEAF_SIZE];
        float[] z = new float[LEAF_SIZE];
        float[] rx = new float[LEAF_SIZE];
        float[] ry = new float[LEAF_SIZE];

        /** Room for, and zeroed sums of, a leaf of {@code m} points. */
        void reset(int m) {
            if (m > px.length) {
                px = new float[m];
                py = new float[m];
                z = new float[m];
                rx = new float[m];
                ry = new float[m];
            }
            Arrays.fill(z, 0, m, 0);
            Arrays.fill(rx, 0, m, 0);
            Arrays.fill(ry, 0, m, 0);
        }

        void addCell(float x, float y, float m) {
            if (3 * cellCount + 3 > cells.length) {
                cells = Arrays.copyOf(cells, 2 * cells.length);
            }
            cells[3 * cellCount] = x;
            cells[3 * cellCount + 1] = y;
            cells[3 * cellCount + 2] = m;
            cellCount++;
        }

        void addPoints(int from, int to, double[] xs, double[] ys, double ox, double oy) {
            int need = 2 * (nearCount + to - from);
            if (need > near.length) {
                near = Arrays.copyOf(near, Math.max(need, 2 * near.length));
            }
            for (int p = from; p < to; p++) {
                near[2 * nearCount] = (float) (xs[p] - ox);
                near[2 * nearCount + 1] = (float) (ys[p] - oy);
                nearCount++;
            }
        }
    }

    /** The leaf nodes in Morton order. */
    private int[] leaves() {
        int[] out = new int[nodes];
        int count = 0;
        int[] stack = new int[4 * (LEVELS + 2) + 8];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            int first = firstChild[node];
            if (first < 0) {
                out[count++] = node;
            } else {
                for (int c = first + childCount[node] - 1; c >= first; c--) {
                    stack[top++] = c;
                }
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Builds the interaction list of {@code leaf} and sums it for each of the leaf's points. */
    private void interact(int leaf, double theta2, Interactions list, double[] sumK, double[] rep) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int o = start[leaf]; o < end[leaf]; o++) {
            x0 = Math.min(x0, xs[o]);
            x1 = Math.max(x1, xs[o]);
            y0 = Math.min(y0, ys[o]);
            y1 = Math.max(y1, ys[o]);
        }
        // float sums relative to the leaf's corner (twice the SIMD lanes of double; rounding far below theta's error)
        double ox = x0;
        double oy = y0;
        list.cellCount = 0;
        list.nearCount = 0;
        int[] stack = list.stack;
        int top = 0;
        stack[top++] = 0;
        double[] nd = packed;
        while (top > 0) {
            int node = stack[--top];
            int o = 4 * node;
            double cx = nd[o];
            double cy = nd[o + 1];
            double dx = Math.max(0, Math.max(x0 - cx, cx - x1));
            double dy = Math.max(0, Math.max(y0 - cy, cy - y1));
            int first = firstChild[node];
            if (nd[o + 2] < theta2 * (dx * dx + dy * dy)) {
                list.addCell((float) (cx - ox), (float) (cy - oy), (float) nd[o + 3]);
            } else if (first < 0) {
                list.addPoints(start[node], end[node], xs, ys, ox, oy);
            } else {
                for (int c = first + childCount[node] - 1; c >= first; c--) {
                    stack[top++] = c;
                }
            }
        }
        // cell by cell, then point by point, over the leaf's points: the inner loops carry no reduction, so the JIT
        // can vectorise them
        int lo = start[leaf];
        int m = end[leaf] - lo;
        list.reset(m);
        float[] px = list.px;
        float[] py = list.py;
        float[] az = list.z;
        float[] ax = list.rx;
        float[] ay = list.ry;
        for (int t = 0; t < m; t++) {
            px[t] = (float) (xs[lo + t] - ox);
            py[t] = (float) (ys[lo + t] - oy);
        }
        float[] cells = list.cells;
        for (int c = 0; c < list.cellCount; c++) {
            float cx = cells[3 * c];
            float cy = cells[3 * c + 1];
            float cm = cells[3 * c + 2];
            for (int t = 0; t < m; t++) {
                float ex = px[t] - cx;
                float ey = py[t] - cy;
                float k = 1 / (1 + ex * ex + ey * ey);
                float mk = cm * k;
                az[t] += mk;
                ax[t] += mk * k * ex;
                ay[t] += mk * k * ey;
            }
        }
        float[] near = list.near;
        for (int q = 0; q < list.nearCount; q++) {
            float cx = near[2 * q];
            float cy = near[2 * q + 1];
            for (int t = 0; t < m; t++) {
                float ex = px[t] - cx;
                float ey = py[t] - cy;
                float k = 1 / (1 + ex * ex + ey * ey);
                az[t] += k;
                ax[t] += k * k * ex;
                ay[t] += k * k * ey;
            }
        }
        for (int t = 0; t < m; t++) {
            // each point was summed against itself in its own leaf: K = 1, no force
            int i = order[lo + t];
            sumK[i] = (double) az[t] - 1;
            rep[2 * i] = ax[t];
            rep[2 * i + 1] = ay[t];
        }
    }

    private static BarnesHutRepulsion build(double[] y, int n, int[] previous) {
        Extent box = Extent.of(y, n);
        double minX = box.minX();
        double minY = box.minY();
        double side = box.side(1e-9) * (1 + 1e-9);
        long[] keys = new long[n];
        double scale = (1 << LEVELS) / side;
        for (int o = 0; o < n; o++) {
            int i = previous == null ? o : previous[o];
            long qx = Math.min((1 << LEVELS) - 1, (long) ((y[2 * i] - minX) * scale));
            long qy = Math.min((1 << LEVELS) - 1, (long) ((y[2 * i + 1] - minY) * scale));
            keys[o] = (interleave(qx, qy) << LEVELS) | i;
        }
        if (previous == null || !insertionSorted(keys, 8L * n)) {
            Arrays.sort(keys);
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] order = new int[n];
        for (int o = 0; o < n; o++) {
            int i = (int) (keys[o] & (MAX_POINTS - 1));
            order[o] = i;
            xs[o] = y[2 * i];
            ys[o] = y[2 * i + 1];
        }
        if (previous != null) {
            System.arraycopy(order, 0, previous, 0, n);
        }
        BarnesHutRepulsion tree = new BarnesHutRepulsion(xs, ys, order);
        tree.nodes = 1;
        tree.fill(0, keys, 0, n, 0, side);
        return tree;
    }

    /**
     * Insertion sort of {@code keys} that gives up after {@code budget} element moves (then the caller sorts what is
     * left); true when it finished.
     */
    static boolean insertionSorted(long[] keys, long budget) {
        long moves = 0;
        for (int a = 1; a < keys.length; a++) {
            long k = keys[a];
            int b = a - 1;
            while (b >= 0 && keys[b] > k) {
                keys[b + 1] = keys[b];
                b--;
                if (++moves > budget) {
                    keys[b + 1] = k;
                    return false;
                }
            }
            keys[b + 1] = k;
        }
        return true;
    }

    /** Morton code: bit b of x at 2b, of y at 2b+1. */
    private static long interleave(long x, long y) {
        long code = 0;
        for (int b = LEVELS - 1; b >= 0; b--) {
            code = (code << 2) | (((y >> b) & 1) << 1) | ((x >> b) & 1);
        }
        return code;
    }

    /** Makes {@code node} the cell of sorted points [lo, hi) at {@code level}, recursively. */
    private void fill(int node, long[] keys, int lo, int hi, int level, double side) {
        start[node] = lo;
        end[node] = hi;
        packed[4 * node + 2] = side * side;
        packed[4 * node + 3] = hi - lo;
        if (hi - lo <= LEAF_SIZE || level == LEVELS) {
            firstChild[node] = -1;
            double sx = 0;
            double sy = 0;
            for (int o = lo; o < hi; o++) {
                sx += xs[o];
                sy += ys[o];
            }
            packed[4 * node] = sx / (hi - lo);
            packed[4 * node + 1] = sy / (hi - lo);
            return;
        }
        int shift = LEVELS + 2 * (LEVELS - 1 - level);
        int[] bounds = new int[5];
        bounds[0] = lo;
        for (int q = 1; q < 4; q++) {
            int b = bounds[q - 1];
            while (b < hi && ((keys[b] >>> shift) & 3) < q) {
                b++;
            }
            bounds[q] = b;
        }
        bounds[4] = hi;
        int children = 0;
        for (int q = 0; q < 4; q++) {
            children += bounds[q + 1] > bounds[q] ? 1 : 0;
        }
        ensure(nodes + children);
        int first = nodes;
        nodes += children;
        firstChild[node] = first;
        childCount[node] = children;
        double sx = 0;
        double sy = 0;
        int c = first;
        for (int q = 0; q < 4; q++) {
            if (bounds[q + 1] > bounds[q]) {
                fill(c, keys, bounds[q], bounds[q + 1], level + 1, side / 2);
                sx += packed[4 * c] * packed[4 * c + 3];
                sy += packed[4 * c + 1] * packed[4 * c + 3];
                c++;
            }
        }
        packed[4 * node] = sx / (hi - lo);
        packed[4 * node + 1] = sy / (hi - lo);
    }

    private void ensure(int size) {
        if (size > firstChild.length) {
            int cap = Math.max(size, 2 * firstChild.length);
            packed = Arrays.copyOf(packed, 4 * cap);
            firstChild = Arrays.copyOf(firstChild, cap);
            childCount = Arrays.copyOf(childCount, cap);
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
        }
    }
}
