package io.hyclus.analysis.embed;

import java.util.Arrays;

/**
 * Places new points onto a fixed map (openTSNE's transform): conditional affinities to the floor(3 × perplexity)
 * nearest reference points, start at the densest spot of the nearest reference positions (or, as openTSNE, at their
 * coordinate-wise median: {@link TransformSettings.Start}), then gradient
 * descent of each point's own KL divergence against the reference only, with the reference repulsion interpolated
 * from potentials computed once per map ({@link Field}). Points do not interact, so each result is independent of the batch it came in.
 */
final class Transform {
    /** The map's neighbourhood radius for {@link TransformSettings.Start#DENSEST}: its points' median distance to their 10th nearest. */
    static final int RADIUS_NEIGHBOURS = 10;
    /** Mean-shift steps refining the densest start. */
    static final int MEAN_SHIFT_STEPS = 10;
    /** Margin of the potential grid around the reference positions, as a share of the map's extent. */
    static final double GRID_MARGIN = 0.1;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Transform.class);

    private final TsneMap map;
    private final NeighbourIndex index;
    private final Field field;
    private final TransformSettings settings;
    private final Parallel parallel;

    /**
     * What a map needs to place points, computed once per map: reference positions in double, the FFT potentials of
     * the reference on a grid over them, and the grid's bounds [minX, maxX, minY, maxY].
     */
    record Field(double[] refY, KernelPotentials potentials, double[] bounds, double radius) {
        static Field of(TsneMap map, Parallel parallel) {
            float[] ref = map.positionsView();
            double[] refY = new double[ref.length];
            for (int e = 0; e < ref.length; e++) {
                refY[e] = ref[e];
            }
            int n = ref.length / 2;
            double[] b = Transform.bounds(refY, n);
            TsneSettings fit = map.provenance().settings();
            KernelPotentials pot = KernelPotentials.of(refY, n, b[0], b[2], (b[1] - b[0]) * (1 + 1e-9),
                    fit.boxWidth(), fit.minBoxes(), parallel).roundedToFloat();
            return new Field(refY, pot, b, MapScale.neighbourRadius(refY, n, RADIUS_NEIGHBOURS));
        }

        /** The field of {@code map} with potentials read back from its file. */
        static Field restored(float[] positions, KernelPotentials pot) {
            double[] refY = new double[positions.length];
            for (int e = 0; e < positions.length; e++) {
                refY[e] = positions[e];
            }
            int n = positions.length / 2;
            return new Field(refY, pot, Transform.bounds(refY, n), MapScale.neighbourRadius(refY, n, RADIUS_NEIGHBOURS));
        }
    }

    Transform(TsneMap map, NeighbourIndex index, Field field, TransformSettings settings, Parallel parallel) {
        this.map = map;
        this.index = index;
        this.field = field;
        this.settings = settings;
        this.parallel = parallel;
    }

    float[] run(Points points) {
        int refN = map.reference().n();
        int kAff = Math.min(settings.neighbours(), refN);
        int kInit = Math.min(settings.initNeighbours(), refN);
        int kQuery = Math.max(kAff, kInit);
        long t0 = System.nanoTime();
        Neighbours nn = index.query(points, kQuery, parallel);
        LOG.info("t-SNE transform: {} neighbours of {} points among {} ({}) in {} ms", kQuery, points.n(), refN,
                index.method(), (System.nanoTime() - t0) / 1_000_000);
        Neighbours affNn = truncate(nn, kAff);
        double[] p = PerplexityCalibration.conditional(affNn, Math.min(settings.perplexity(), kAff), parallel);
        double[] refY = field.refY();
        KernelPotentials pot = field.potentials();
        double[] bounds = field.bounds();
        int m = points.n();
        float[] out = new float[2 * m];
        parallel.forRange(m, (part, from, to) -> {
            double[] xs = new double[kInit];
            double[] ys = new double[kInit];
            for (int i = from; i < to; i++) {
                for (int t = 0; t < kInit; t++) {
                    int j = nn.index()[i * kQuery + t];
                    xs[t] = refY[2 * j];
                    ys[t] = refY[2 * j + 1];
                }
                double[] y = settings.start() == TransformSettings.Start.MEDIAN ? new double[] {median(xs), median(ys)}
                        : densest(xs, ys, field.radius());
                optimise(y, i, affNn, p, refY, pot, bounds);
                out[2 * i] = (float) y[0];
                out[2 * i + 1] = (float) y[1];
            }
        });
        return out;
    }

    /** Gradient descent of one point's KL divergence against the fixed reference. */
    private void optimise(double[] y, int i, Neighbours nn, double[] p, double[] refY, KernelPotentials pot,
            double[] bounds) {
        double[] phi = new double[KernelPotentials.CHANNELS];
        double[] update = new double[2];
        double[] gains = {1, 1};
        double[] grad = new double[2];
        int k = nn.k();
        double x0 = y[0];
        double y0 = y[1];
        double leash = settings.leash() * field.radius();
        for (int it = 0; it < settings.iterations(); it++) {
            double ax = 0;
            double ay = 0;
            for (int t = 0; t < k; t++) {
                int j = nn.index()[i * k + t];
                double dx = y[0] - refY[2 * j];
                double dy = y[1] - refY[2 * j + 1];
                double w = p[i * k + t] / (1 + dx * dx + dy * dy);
                ax += w * dx;
                ay += w * dy;
            }
            double cx = Math.max(bounds[0], Math.min(bounds[1], y[0]));
            double cy = Math.max(bounds[2], Math.min(bounds[3], y[1]));
            pot.at(cx, cy, phi);
            double u = cx - pot.centreX();
            double v = cy - pot.centreY();
            double z = Math.max((1 + u * u + v * v) * phi[0] - 2 * (u * phi[1] + v * phi[2]) + phi[3],
                    Double.MIN_NORMAL);
            grad[0] = settings.exaggeration() * ax - (u * phi[0] - phi[1]) / z;
            grad[1] = settings.exaggeration() * ay - (v * phi[0] - phi[2]) / z;
            step(y, grad, update, gains);
            double off = Math.hypot(y[0] - x0, y[1] - y0);
            if (off > leash) {
                y[0] = x0 + (y[0] - x0) * leash / off;
                y[1] = y0 + (y[1] - y0) * leash / off;
            }
        }
    }

    private void step(double[] y, double[] grad, double[] update, double[] gains) {
        for (int c = 0; c < 2; c++) {
            gains[c] = Math.max(GradientDescent.MIN_GAIN, update[c] * grad[c] < 0 ? gains[c] + 0.2 : gains[c] * 0.8);
            update[c] = settings.momentum() * update[c] - settings.learningRate() * gains[c] * grad[c];
        }
        double norm = Math.hypot(update[0], update[1]);
        if (norm > settings.maxStepNorm()) {
            update[0] *= settings.maxStepNorm() / norm;
            update[1] *= settings.maxStepNorm() / norm;
        }
        y[0] += update[0];
        y[1] += update[1];
    }

    /** Square grid over the reference positions plus {@link #GRID_MARGIN} on each side: [minX, maxX, minY, maxY]. */
    private static double[] bounds(double[] y, int n) {
        Extent box = Extent.of(y, n);
        double minX = box.minX();
        double minY = box.minY();
        double side = box.side(1e-6);
        double margin = GRID_MARGIN * side;
        double full = side + 2 * margin;
        return new double[] {minX - margin, minX - margin + full, minY - margin, minY - margin + full};
    }

    private static Neighbours truncate(Neighbours nn, int k) {
        if (k == nn.k()) {
            return nn;
        }
        int[] idx = new int[nn.n() * k];
        double[] dist = new double[nn.n() * k];
        for (int i = 0; i < nn.n(); i++) {
            System.arraycopy(nn.index(), i * nn.k(), idx, i * k, k);
            System.arraycopy(nn.distanceSq(), i * nn.k(), dist, i * k, k);
        }
        return new Neighbours(nn.n(), k, idx, dist);
    }

    /**
     * The densest spot among positions (nearest neighbour first): the position with the largest Gaussian-weighted
     * count of the others within {@code radius} (ties to the nearer neighbour), then {@link #MEAN_SHIFT_STEPS} mean-shift
     * steps with the same kernel. With no radius (a map whose points coincide) the nearest neighbour's position.
     */
    static double[] densest(double[] xs, double[] ys, double radius) {
        int k = xs.length;
        if (!(radius > 0)) {
            return new double[] {xs[0], ys[0]};
        }
        double inv = 1 / (2 * radius * radius);
        int best = 0;
        double bestScore = -1;
        for (int a = 0; a < k; a++) {
            double s = 0;
            for (int b = 0; b < k; b++) {
                double dx = xs[a] - xs[b];
                double dy = ys[a] - ys[b];
                s += Math.exp(-(dx * dx + dy * dy) * inv);
            }
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double cx = xs[best];
        double cy = ys[best];
        for (int step = 0; step < MEAN_SHIFT_STEPS; step++) {
            double sw = 0;
            double sx = 0;
            double sy = 0;
            for (int b = 0; b < k; b++) {
                double dx = xs[b] - cx;
                double dy = ys[b] - cy;
                double w = Math.exp(-(dx * dx + dy * dy) * inv);
                sw += w;
                sx += w * xs[b];
                sy += w * ys[b];
            }
            if (!(sw > 0)) {
                break;
            }
            cx = sx / sw;
            cy = sy / sw;
        }
        return new double[] {cx, cy};
    }

    /** The median of {@code v} (the mean of the middle two for an even count); {@code v} is left as it was. */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
    }
}
