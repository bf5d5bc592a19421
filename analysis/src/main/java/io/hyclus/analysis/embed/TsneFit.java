package io.hyclus.analysis.embed;

import io.hyclus.core.HyclusVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a t-SNE map: k = floor(3 × perplexity) nearest neighbours (exact or HNSW), perplexity-calibrated conditional
 * affinities, symmetrised sparse P, PCA initialisation, then gradient descent with early exaggeration and the
 * FFT-interpolated gradient. Deterministic for a given input, settings and thread count.
 */
public final class TsneFit {
    private static final Logger LOG = LoggerFactory.getLogger(TsneFit.class);

    private TsneFit() {
    }

    /** Fits {@code data}; needs N > floor(3 × perplexity). */
    public static TsneMap fit(Points data, TsneSettings settings) {
        int k = settings.neighbours();
        if (data.n() <= k) {
            throw new EmbeddingInputException("N = " + data.n() + " points is too few for perplexity "
                    + settings.perplexity() + ": it needs more than floor(3 x perplexity) = " + k
                    + " points; use a perplexity of at most "
                    + String.format(java.util.Locale.ROOT, "%.2f", Math.floor((data.n() - 1) / 3.0 * 100) / 100));
        }
        long start = System.nanoTime();
        try (Parallel parallel = new Parallel(settings.threads())) {
            NeighbourIndex index = NeighbourIndex.build(data, settings.exactNeighbourLimit());
            Neighbours nn = index.referenceNeighbours(k, parallel);
            LOG.info("t-SNE: {} neighbours of {} points ({}) in {} ms", k, data.n(), index.method(),
                    (System.nanoTime() - start) / 1_000_000);
            SparseAffinities p = SparseAffinities.symmetric(nn,
                    PerplexityCalibration.conditional(nn, settings.perplexity(), parallel));
            double[] y = PcaInitialisation.positions(data, parallel);
            FitGradient gradient = new FitGradient(p, settings, parallel);
            double kl = optimise(y, gradient, settings, parallel);
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.info("t-SNE: fitted {} points in {} ms, KL divergence {}", data.n(), millis, kl);
            EmbeddingProvenance prov = new EmbeddingProvenance(HyclusVersion.get(), data.n(), data.d(), data.sha256(),
                    settings, index.method(), EmbeddingProvenance.gradientMethod(settings), kl, millis);
            return new TsneMap(data, toFloat(y), prov, index);
        }
    }

    private static double optimise(double[] y, FitGradient gradient, TsneSettings s, Parallel parallel) {
        int n = y.length / 2;
        GradientDescent descent = new GradientDescent(y.length);
        double[] grad = new double[y.length];
        double early = s.earlyExaggeration();
        double lrEarly = TsneSettings.learningRate(n, early);
        for (int it = 0; it < s.earlyIterations(); it++) {
            gradient.compute(y, early, grad);
            descent.step(y, grad, lrEarly, TsneSettings.EARLY_MOMENTUM, TsneSettings.MAX_STEP_NORM, parallel);
            GradientDescent.centre(y);
        }
        double lr = TsneSettings.learningRate(n, 1);
        for (int it = 0; it < s.iterations(); it++) {
            double z = gradient.compute(y, 1, grad);
            if (LOG.isDebugEnabled() && it % 50 == 0) {
                LOG.debug("t-SNE: iteration {}, Z {}, extent {}", s.earlyIterations() + it, z, extent(y));
            }
            descent.step(y, grad, lr, TsneSettings.MOMENTUM, TsneSettings.MAX_STEP_NORM, parallel);
            GradientDescent.centre(y);
        }
        double z = gradient.repulsion(y, grad);
        return gradient.klDivergence(y, z);
    }

    private static double extent(double[] y) {
        double max = 0;
        for (double v : y) {
            max = Math.max(max, Math.abs(v));
        }
        return 2 * max;
    }

    static float[] toFloat(double[] y) {
        float[] f = new float[y.length];
        for (int e = 0; e < y.length; e++) {
            f[e] = (float) y[e];
        }
        return f;
    }
}
