package io.hyclus.analysis.embed;

/**
 * Barnes-Hut estimate of the repulsive sums: a quadtree over the 2-D positions (built on one thread in index order,
 * so it is the same on every run), then for each point a walk that takes a cell's centre of mass for all its points
 * when cell side / distance &lt; theta. Points at the same position share a leaf, so duplicates never split forever.
 * Per-point sums are independent, so the result does not depend on the thread count.
 */
final class BarnesHutRepulsion {
    private static final int MAX_DEPTH = 48;

    private int capacity;
    private double[] cmx;
    private double[] cmy;
    private double[] side;
    private double[] lowX;
    private double[] lowY;
    private int[] count;
    private int[] firstChild;
    private int nodes;
    /** Per node, for the walks: centre of mass x, y, side², point count — one cache line holds two nodes. */
    private double[] packed;

    private BarnesHutRepulsion(int n) {
        capacity = 2 * n + 64;
        cmx = new double[capacity];
        cmy = new double[capacity];
        side = new double[capacity];
        lowX = new double[capacity];
        lowY = new double[capacity];
        count = new int[capacity];
        firstChild = new int[capacity];
    }

    private void grow() {
        capacity *= 2;
        cmx = java.util.Arrays.copyOf(cmx, capacity);
        cmy = java.util.Arrays.copyOf(cmy, capacity);
        side = java.util.Arrays.copyOf(side, capacity);
        lowX = java.util.Arrays.copyOf(lowX, capacity);
        lowY = java.util.Arrays.copyOf(lowY, capacity);
        count = java.util.Arrays.copyOf(count, capacity);
        firstChild = java.util.Arrays.copyOf(firstChild, capacity);
    }

    /** Unnormalised Σ_j K_ij² (y_i - y_j) into {@code rep}; returns Z = Σ_{i≠j} K_ij. */
    static double repulsion(double[] y, int n, double theta, Parallel parallel, double[] rep) {
        BarnesHutRepulsion tree = new BarnesHutRepulsion(n);
        int[] order = tree.build(y, n);
        double[] sumK = new double[n];
        double theta2 = theta * theta;
        parallel.forRange(n, (part, from, to) -> {
            int[] stack = new int[4 * MAX_DEPTH + 8];
            double[] acc = new double[3];
            for (int o = from; o < to; o++) {
                int i = order[o];
                tree.walk(y[2 * i], y[2 * i + 1], theta2, stack, acc);
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

    /**
     * Builds the tree, inserting points in Morton (Z-curve) order of their positions, ties by index; returns that
     * order, which the walks also follow so that consecutive walks touch the same cells (cache locality).
     */
    private int[] build(double[] y, int n) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        double s = Math.max(Math.max(maxX - minX, maxY - minY), 1e-9) * (1 + 1e-9);
        nodes = 1;
        init(0, minX, minY, s);
        int[] order = mortonOrder(y, n, minX, minY, s);
        for (int i : order) {
            insert(y[2 * i], y[2 * i + 1]);
        }
        packed = new double[4 * nodes];
        for (int c = 0; c < nodes; c++) {
            packed[4 * c] = cmx[c];
            packed[4 * c + 1] = cmy[c];
            packed[4 * c + 2] = side[c] * side[c];
            packed[4 * c + 3] = count[c];
        }
        return order;
    }

    private static int[] mortonOrder(double[] y, int n, double minX, double minY, double s) {
        if (n >= 1 << 21) {
            int[] identity = new int[n];
            java.util.Arrays.setAll(identity, i -> i);
            return identity;
        }
        long[] keys = new long[n];
        double scale = (1 << 21) / s;
        for (int i = 0; i < n; i++) {
            long qx = Math.min((1 << 21) - 1, (long) ((y[2 * i] - minX) * scale));
            long qy = Math.min((1 << 21) - 1, (long) ((y[2 * i + 1] - minY) * scale));
            long code = 0;
            for (int b = 20; b >= 10; b--) {
                code = (code << 2) | (((qy >> b) & 1) << 1) | ((qx >> b) & 1);
            }
            keys[i] = (code << 21) | i;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & ((1 << 21) - 1));
        }
        return order;
    }

    private void init(int node, double x0, double y0, double s) {
        lowX[node] = x0;
        lowY[node] = y0;
        side[node] = s;
        count[node] = 0;
        firstChild[node] = -1;
        cmx[node] = 0;
        cmy[node] = 0;
    }

    private void insert(double px, double py) {
        int node = 0;
        for (int depth = 0; ; depth++) {
            int before = count[node];
            count[node] = before + 1;
            cmx[node] += (px - cmx[node]) / (before + 1);
            cmy[node] += (py - cmy[node]) / (before + 1);
            if (firstChild[node] < 0) {
                // a leaf: empty, or all its points at one position
                if (before == 0 || depth >= MAX_DEPTH || (samePlace(node, px, py, before))) {
                    return;
                }
                split(node, before, px, py);
            }
            node = firstChild[node] + quadrant(node, px, py);
        }
    }

    /** Whether the leaf's existing points (at their centre of mass before adding p) are exactly at p. */
    private boolean samePlace(int node, double px, double py, int before) {
        double ox = (cmx[node] * (before + 1) - px) / before;
        double oy = (cmy[node] * (before + 1) - py) / before;
        return ox == px && oy == py;
    }

    /** Moves the leaf's existing {@code before} points (all at one position) into a new child. */
    private void split(int node, int before, double px, double py) {
        double ox = (cmx[node] * (before + 1) - px) / before;
        double oy = (cmy[node] * (before + 1) - py) / before;
        if (nodes + 4 > capacity) {
            grow();
        }
        int first = nodes;
        nodes += 4;
        double h = side[node] / 2;
        for (int q = 0; q < 4; q++) {
            init(first + q, lowX[node] + (q & 1) * h, lowY[node] + (q >> 1) * h, h);
        }
        firstChild[node] = first;
        int c = first + quadrant(node, ox, oy);
        count[c] = before;
        cmx[c] = ox;
        cmy[c] = oy;
    }

    private int quadrant(int node, double px, double py) {
        double h = side[node] / 2;
        int qx = px >= lowX[node] + h ? 1 : 0;
        int qy = py >= lowY[node] + h ? 1 : 0;
        return qx + 2 * qy;
    }

    /** acc = [Σ K, Σ K² dx, Σ K² dy] over all other points, for the point at (px, py). */
    private void walk(double px, double py, double theta2, int[] stack, double[] acc) {
        double z = 0;
        double rx = 0;
        double ry = 0;
        int top = 0;
        stack[top++] = 0;
        double[] nd = packed;
        int[] child = firstChild;
        while (top > 0) {
            int node = stack[--top];
            int o = 4 * node;
            double m = nd[o + 3];
            if (m == 0) {
                continue;
            }
            double dx = px - nd[o];
            double dy = py - nd[o + 1];
            double d2 = dx * dx + dy * dy;
            int first = child[node];
            if (first < 0 || nd[o + 2] < theta2 * d2) {
                double k = 1 / (1 + d2);
                // a leaf at the point's own position holds the point itself: K = 1 for it, not counted
                double mass = first < 0 && d2 == 0 ? m - 1 : m;
                double mk = mass * k;
                z += mk;
                rx += mk * k * dx;
                ry += mk * k * dy;
            } else {
                stack[top++] = first + 3;
                stack[top++] = first + 2;
                stack[top++] = first + 1;
                stack[top++] = first;
            }
        }
        acc[0] = z;
        acc[1] = rx;
        acc[2] = ry;
    }
}
