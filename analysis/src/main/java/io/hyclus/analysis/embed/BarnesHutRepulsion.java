package io.hyclus.analysis.embed;

import java.util.Arrays;

/**
 * Barnes-Hut estimate of the repulsive sums. Points are sorted by their Morton (Z-curve) code over 21 bits per axis,
 * ties by index, so every quadtree cell is a contiguous range of the sorted points; the tree is built from those
 * ranges with leaves of up to {@link #LEAF_SIZE} points (or one finest cell, which is where duplicates end up). A walk
 * per point takes a cell's centre of mass for all its points when cell side / distance &lt; theta, and sums a leaf's
 * points directly, skipping the point itself. Everything depends only on the positions, never on the thread count.
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

    /** Unnormalised Σ_j K_ij² (y_i - y_j) into {@code rep}; returns Z = Σ_{i≠j} K_ij. */
    static double repulsion(double[] y, int n, double theta, Parallel parallel, double[] rep) {
        if (n > MAX_POINTS) {
            throw new EmbeddingInputException("Barnes-Hut handles at most " + MAX_POINTS + " points: " + n);
        }
        BarnesHutRepulsion tree = build(y, n);
        double[] sumK = new double[n];
        double theta2 = theta * theta;
        parallel.forRange(n, (part, from, to) -> {
            int[] stack = new int[4 * (LEVELS + 2) + 8];
            double[] acc = new double[3];
            for (int o = from; o < to; o++) {
                int i = tree.order[o];
                tree.walk(tree.xs[o], tree.ys[o], i, theta2, stack, acc);
                sumK[i] = acc[0];
                rep[2 * i] = acc[1];
                rep[2 * i + 1] = acc[2];
            }
        });
        double z = 0;
        for (double s : sumK) {
            z += s;
        }
        return Math.max(z, Double.MIN_NORMAL);
    }

    private static BarnesHutRepulsion build(double[] y, int n) {
        Extent box = Extent.of(y, n);
        double minX = box.minX();
        double minY = box.minY();
        double side = box.side(1e-9) * (1 + 1e-9);
        long[] keys = new long[n];
        double scale = (1 << LEVELS) / side;
        for (int i = 0; i < n; i++) {
            long qx = Math.min((1 << LEVELS) - 1, (long) ((y[2 * i] - minX) * scale));
            long qy = Math.min((1 << LEVELS) - 1, (long) ((y[2 * i + 1] - minY) * scale));
            keys[i] = (interleave(qx, qy) << LEVELS) | i;
        }
        Arrays.sort(keys);
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] order = new int[n];
        for (int o = 0; o < n; o++) {
            int i = (int) (keys[o] & (MAX_POINTS - 1));
            order[o] = i;
            xs[o] = y[2 * i];
            ys[o] = y[2 * i + 1];
        }
        BarnesHutRepulsion tree = new BarnesHutRepulsion(xs, ys, order);
        tree.nodes = 1;
        tree.fill(0, keys, 0, n, 0, side);
        return tree;
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

    /** acc = [Σ K, Σ K² dx, Σ K² dy] over all points but {@code self}, for the point at (px, py). */
    private void walk(double px, double py, int self, double theta2, int[] stack, double[] acc) {
        double z = 0;
        double rx = 0;
        double ry = 0;
        int top = 0;
        stack[top++] = 0;
        double[] nd = packed;
        while (top > 0) {
            int node = stack[--top];
            int o = 4 * node;
            double dx = px - nd[o];
            double dy = py - nd[o + 1];
            double d2 = dx * dx + dy * dy;
            int first = firstChild[node];
            if (nd[o + 2] < theta2 * d2) {
                double k = 1 / (1 + d2);
                double mk = nd[o + 3] * k;
                z += mk;
                rx += mk * k * dx;
                ry += mk * k * dy;
            } else if (first < 0) {
                for (int p = start[node]; p < end[node]; p++) {
                    if (order[p] != self) {
                        double ex = px - xs[p];
                        double ey = py - ys[p];
                        double k = 1 / (1 + ex * ex + ey * ey);
                        z += k;
                        rx += k * k * ex;
                        ry += k * k * ey;
                    }
                }
            } else {
                for (int c = first + childCount[node] - 1; c >= first; c--) {
                    stack[top++] = c;
                }
            }
        }
        acc[0] = z;
        acc[1] = rx;
        acc[2] = ry;
    }
}
