package io.hyclus.analysis.embed;

/**
 * The KL gradient of a t-SNE fit without the constant factor 4 (as openTSNE): for point i,
 * {@code exaggeration · Σ_j P_ij K_ij (y_i - y_j) - Σ_j K_ij² (y_i - y_j) / Z} with K_ij = 1 / (1 + |y_i - y_j|²) and
 * Z = Σ_{i≠j} K_ij. The attractive sum runs over the sparse P; the repulsive sums come from {@link KernelPotentials}.
 */
final class FitGradient {
    private final SparseAffinities p;
    private final TsneSettings settings;
    private final Parallel parallel;

    /** The Morton order of the last Barnes-Hut call (a starting guess for the next sort). */
    private int[] order;

    FitGradient(SparseAffinities p, TsneSettings settings, Parallel parallel) {
        this.p = p;
        this.settings = settings;
        this.parallel = parallel;
    }

    /** Unnormalised repulsive sums into {@code rep} by the configured method; returns Z. */
    double repulsion(double[] y, double[] rep) {
        return settings.repulsion() == TsneSettings.Repulsion.BARNES_HUT
                ? BarnesHutRepulsion.repulsion(y, p.n(), TsneSettings.THETA, parallel, rep, order())
                : repulsion(y, p.n(), settings.boxWidth(), settings.minBoxes(), parallel, rep);
    }

    private int[] order() {
        if (order == null) {
            order = new int[p.n()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }
        return order;
    }

    /** Writes the gradient (interleaved x, y) into {@code grad} and returns Z. */
    double compute(double[] y, double exaggeration, double[] grad) {
        int n = p.n();
        double z = repulsion(y, grad);
        parallel.forRange(n, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                double ax = 0;
                double ay = 0;
                for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                    int j = p.column()[e];
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    double w = p.value()[e] / (1 + dx * dx + dy * dy);
                    ax += w * dx;
                    ay += w * dy;
                }
                grad[2 * i] = exaggeration * ax - grad[2 * i] / z;
                grad[2 * i + 1] = exaggeration * ay - grad[2 * i + 1] / z;
            }
        });
        return z;
    }

    /** KL(P || Q) of the current positions, given Z. */
    double klDivergence(double[] y, double z) {
        double kl = 0;
        for (int i = 0; i < p.n(); i++) {
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                int j = p.column()[e];
                double pij = p.value()[e];
                if (pij > 0) {
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    double q = 1 / (1 + dx * dx + dy * dy) / z;
                    kl += pij * Math.log(pij / Math.max(q, Double.MIN_NORMAL));
                }
            }
        }
        return kl;
    }

    /**
     * Unnormalised repulsive sums Σ_j K_ij² (y_i - y_j) into {@code rep} and Z = Σ_{i≠j} K_ij, by FFT-accelerated
     * interpolation over a square grid covering all points.
     */
    static double repulsion(double[] y, int n, double boxWidth, int minBoxes, Parallel parallel, double[] rep) {
        Extent box = Extent.of(y, n);
        double minX = box.minX();
        double minY = box.minY();
        double side = box.side(1e-6) * (1 + 1e-9);
        KernelPotentials pot = KernelPotentials.of(y, n, minX, minY, side, boxWidth, minBoxes, parallel);
        double[] sumK = new double[n];
        parallel.forRange(n, (part, from, to) -> {
            double[] phi = new double[KernelPotentials.CHANNELS];
            for (int i = from; i < to; i++) {
                pot.at(y[2 * i], y[2 * i + 1], phi);
                double u = y[2 * i] - pot.centreX();
                double v = y[2 * i + 1] - pot.centreY();
                sumK[i] = (1 + u * u + v * v) * phi[0] - 2 * (u * phi[1] + v * phi[2]) + phi[3];
                rep[2 * i] = u * phi[0] - phi[1];
                rep[2 * i + 1] = v * phi[0] - phi[2];
            }
        });
        double z = 0;
        for (double s : sumK) {
            z += s;
        }
        return Math.max(z - n, Double.MIN_NORMAL);
    }

    /** Exact O(N²) repulsive sums and Z, for tests and as the reference the interpolation is checked against. */
    static double exactRepulsion(double[] y, int n, double[] rep) {
        double z = 0;
        for (int i = 0; i < n; i++) {
            double rx = 0;
            double ry = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    double k = 1 / (1 + dx * dx + dy * dy);
                    z += k;
                    rx += k * k * dx;
                    ry += k * k * dy;
                }
            }
            rep[2 * i] = rx;
            rep[2 * i + 1] = ry;
        }
        return z;
    }
}
