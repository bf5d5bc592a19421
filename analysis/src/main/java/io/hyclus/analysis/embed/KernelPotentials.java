package io.hyclus.analysis.embed;

/**
 * FFT-accelerated interpolation (Linderman et al., FIt-SNE): for source points y_j in 2-D and the squared Cauchy
 * kernel K²(a, b) = 1 / (1 + |a - b|²)², the four potentials φ_c(x) = Σ_j K²(x, y_j) q_c(j) with charges
 * q = (1, u_j, v_j, u_j² + v_j²), where (u, v) are coordinates relative to the grid centre. Charges are spread onto
 * equispaced nodes (3 per box, Lagrange weights), convolved with the kernel on the node grid by a zero-padded 2-D FFT,
 * and interpolated back at any point with the same weights.
 */
final class KernelPotentials {
    static final int NODES_PER_BOX = 3;
    static final int CHANNELS = 4;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KernelPotentials.class);

    private final double originX;
    private final double originY;
    private final double centreX;
    private final double centreY;
    private final double side;
    private final double spacing;
    private final int boxes;
    private final int nodes;
    private final double[][] potential;

    private KernelPotentials(double originX, double originY, double side, int boxes, double[][] potential) {
        this.originX = originX;
        this.originY = originY;
        this.centreX = originX + side / 2;
        this.centreY = originY + side / 2;
        this.side = side;
        this.boxes = boxes;
        this.nodes = boxes * NODES_PER_BOX;
        this.spacing = side / nodes;
        this.potential = potential;
    }

    /**
     * Potentials of the {@code n} sources in {@code y} (interleaved x, y) on a square grid covering {@code [minX, minX +
     * side] × [minY, minY + side]}, with boxes at most {@code boxWidth} wide and at least {@code minBoxes} per side.
     */
    static KernelPotentials of(double[] y, int n, double minX, double minY, double side, double boxWidth,
            int minBoxes, Parallel parallel) {
        int wanted = Math.max(minBoxes, (int) Math.ceil(side / boxWidth));
        Fft fft = new Fft(Fft.goodSize(2 * NODES_PER_BOX * wanted));
        int boxes = fft.length() / (2 * NODES_PER_BOX);
        KernelPotentials grid = new KernelPotentials(minX, minY, side, boxes, null);
        long t0 = System.nanoTime();
        double[][] pot = grid.convolve(grid.spread(y, n, parallel), fft, parallel);
        if (LOG.isTraceEnabled()) {
            LOG.trace("grid side {} boxes {} fft {}: {} us", side, boxes, fft.length(), (System.nanoTime() - t0) / 1000);
        }
        return new KernelPotentials(minX, minY, side, boxes, pot);
    }

    /**
     * Potentials read back from a saved map: grid origin, side, boxes per side and the node potentials
     * [channel][row × nodes + col] with nodes = 3 × boxes.
     */
    static KernelPotentials restored(double originX, double originY, double side, int boxes, double[][] potential) {
        long cells = (long) NODES_PER_BOX * boxes * NODES_PER_BOX * boxes;
        if (boxes < 1 || !(side > 0) || !Double.isFinite(side) || !Double.isFinite(originX)
                || !Double.isFinite(originY) || potential.length != CHANNELS) {
            throw new IllegalArgumentException("bad potential grid: origin (" + originX + ", " + originY + "), side "
                    + side + ", " + boxes + " boxes, " + potential.length + " channels");
        }
        for (double[] c : potential) {
            if (c.length != cells) {
                throw new IllegalArgumentException("potential grid of " + boxes + " boxes needs " + cells
                        + " nodes per channel, found " + c.length);
            }
        }
        return new KernelPotentials(originX, originY, side, boxes, potential);
    }

    /** The same grid with every potential rounded to float32 (what a saved map stores, so both agree exactly). */
    KernelPotentials roundedToFloat() {
        double[][] r = new double[CHANNELS][];
        for (int c = 0; c < CHANNELS; c++) {
            r[c] = new double[potential[c].length];
            for (int e = 0; e < r[c].length; e++) {
                r[c][e] = (float) potential[c][e];
            }
        }
        return new KernelPotentials(originX, originY, side, boxes, r);
    }

    double originX() {
        return originX;
    }

    double originY() {
        return originY;
    }

    double side() {
        return side;
    }

    int boxes() {
        return boxes;
    }

    /** Node potentials of channel {@code c} (a view: callers must not change it). */
    double[] potential(int c) {
        return potential[c];
    }

    double centreX() {
        return centreX;
    }

    double centreY() {
        return centreY;
    }

    /** Writes φ_0..φ_3 at (x, y) into {@code out}; points outside the grid are extrapolated from the edge box. */
    void at(double x, double y, double[] out) {
        double[] wx = new double[NODES_PER_BOX];
        double[] wy = new double[NODES_PER_BOX];
        int bx = weights((x - originX) / spacing, wx);
        int by = weights((y - originY) / spacing, wy);
        for (int c = 0; c < CHANNELS; c++) {
            double[] g = potential[c];
            double s = 0;
            for (int a = 0; a < NODES_PER_BOX; a++) {
                int row = (bx + a) * nodes + by;
                s += wx[a] * (wy[0] * g[row] + wy[1] * g[row + 1] + wy[2] * g[row + 2]);
            }
            out[c] = s;
        }
    }

    /** First node of the box holding {@code t} (in node spacings from the origin) and the 3 Lagrange weights. */
    private int weights(double t, double[] w) {
        int box = Math.max(0, Math.min(boxes - 1, (int) Math.floor(t / NODES_PER_BOX)));
        double u = t - box * NODES_PER_BOX;
        w[0] = (u - 1.5) * (u - 2.5) / 2;
        w[1] = -(u - 0.5) * (u - 2.5);
        w[2] = (u - 0.5) * (u - 1.5) / 2;
        return box * NODES_PER_BOX;
    }

    /** Charges on the node grid, summed per partition then in partition order: [channel][row * nodes + col]. */
    private double[][] spread(double[] y, int n, Parallel parallel) {
        int cells = nodes * nodes;
        double[][][] parts = new double[parallel.threads()][CHANNELS][cells];
        parallel.forRange(n, (part, from, to) -> {
            double[][] buf = parts[part];
            double[] wx = new double[NODES_PER_BOX];
            double[] wy = new double[NODES_PER_BOX];
            double[] q = new double[CHANNELS];
            for (int i = from; i < to; i++) {
                double px = y[2 * i];
                double py = y[2 * i + 1];
                int bx = weights((px - originX) / spacing, wx);
                int by = weights((py - originY) / spacing, wy);
                double u = px - centreX;
                double v = py - centreY;
                q[0] = 1;
                q[1] = u;
                q[2] = v;
                q[3] = u * u + v * v;
                for (int a = 0; a < NODES_PER_BOX; a++) {
                    for (int b = 0; b < NODES_PER_BOX; b++) {
                        int node = (bx + a) * nodes + by + b;
                        double w = wx[a] * wy[b];
                        for (int c = 0; c < CHANNELS; c++) {
                            buf[c][node] += w * q[c];
                        }
                    }
                }
            }
        });
        double[][] total = parts[0];
        for (int p = 1; p < parts.length; p++) {
            for (int c = 0; c < CHANNELS; c++) {
                for (int e = 0; e < cells; e++) {
                    total[c][e] += parts[p][c][e];
                }
            }
        }
        return total;
    }

    /** Node potentials: the charges convolved with K² over node offsets, channels packed two per complex FFT. */
    private double[][] convolve(double[][] charges, Fft fft, Parallel parallel) {
        int len = fft.length();
        double[] kernel = kernelSpectrum(fft, parallel);
        double[][] out = new double[CHANNELS][nodes * nodes];
        for (int pair = 0; pair < 2; pair++) {
            double[] re = new double[len * len];
            double[] im = new double[len * len];
            for (int r = 0; r < nodes; r++) {
                System.arraycopy(charges[2 * pair], r * nodes, re, r * len, nodes);
                System.arraycopy(charges[2 * pair + 1], r * nodes, im, r * len, nodes);
            }
            fft.transform2d(re, im, false, nodes, parallel);
            for (int e = 0; e < re.length; e++) {
                re[e] *= kernel[e];
                im[e] *= kernel[e];
            }
            fft.transform2d(re, im, true, nodes, parallel);
            double scale = 1.0 / ((double) len * len);
            for (int r = 0; r < nodes; r++) {
                for (int c = 0; c < nodes; c++) {
                    out[2 * pair][r * nodes + c] = re[r * len + c] * scale;
                    out[2 * pair + 1][r * nodes + c] = im[r * len + c] * scale;
                }
            }
        }
        return out;
    }

    /** Spectrum of K² laid out circularly over offsets (-nodes, nodes); real because the kernel is even. */
    private double[] kernelSpectrum(Fft fft, Parallel parallel) {
        int len = fft.length();
        double[] re = new double[len * len];
        double[] im = new double[len * len];
        for (int a = -(nodes - 1); a < nodes; a++) {
            int row = Math.floorMod(a, len) * len;
            for (int b = -(nodes - 1); b < nodes; b++) {
                double d2 = spacing * spacing * ((double) a * a + (double) b * b);
                double k = 1 / (1 + d2);
                re[row + Math.floorMod(b, len)] = k * k;
            }
        }
        fft.transform2d(re, im, false, len, parallel);
        return re;
    }
}
