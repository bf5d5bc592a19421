package io.hyclus.analysis.embed;

/**
 * Settings for adding points to a fixed map. {@link #defaults}: affinities to the floor(3 × perplexity) nearest
 * reference points at perplexity 5; start at the densest spot among the positions of the 10 nearest reference points
 * ({@link Start#DENSEST}); then 250 iterations at learning rate 0.1 with exaggeration 1.5, momentum 0.5 and each step
 * clipped to {@code maxStepNorm} embedding units. {@link #openTsne} is openTSNE's {@code transform} as published:
 * the same, but started at the coordinate-wise median of the 25 nearest reference positions.
 *
 * @param start          where each new point starts before its descent
 * @param initNeighbours nearest reference points the start is taken from
 * @param leash          the farthest the descent may take a point from its start, in the map's neighbourhood radii
 *                       (its points' median distance to their 10th nearest); infinite for no limit
 */
public record TransformSettings(double perplexity, Start start, int initNeighbours, int iterations, double learningRate,
        double exaggeration, double momentum, double maxStepNorm, double leash, int threads) {
    /** Where a new point starts. */
    public enum Start {
        /** openTSNE's: the coordinate-wise median of its nearest reference positions. */
        MEDIAN,
        /**
         * The densest spot among its nearest reference positions: the one with the most of the others within the
         * map's neighbourhood radius (Gaussian-weighted), refined by mean shift. A point's high-dimensional neighbours
         * are often split over several places of a map; the median falls between them, the densest spot among them.
         */
        DENSEST
    }

    /** Default leash: how far, in map neighbourhood radii, the descent may take a point from its start. */
    public static final double LEASH = 0.1;

    public TransformSettings {
        if (!(perplexity >= 1) || !Double.isFinite(perplexity)) {
            throw new EmbeddingInputException("transform perplexity must be a finite number >= 1: " + perplexity);
        }
        if (start == null) {
            throw new EmbeddingInputException("transform start missing");
        }
        if (!(leash > 0)) {
            throw new EmbeddingInputException("transform leash must be > 0 map radii (infinite for none): " + leash);
        }
        if (initNeighbours < 1 || iterations < 0 || threads < 1) {
            throw new EmbeddingInputException("transform needs init neighbours >= 1, iterations >= 0, threads >= 1: "
                    + initNeighbours + ", " + iterations + ", " + threads);
        }
        if (!(learningRate > 0) || !(exaggeration > 0) || !(momentum >= 0 && momentum < 1) || !(maxStepNorm > 0)) {
            throw new EmbeddingInputException("transform needs learning rate > 0, exaggeration > 0, 0 <= momentum < 1,"
                    + " step limit > 0: " + learningRate + ", " + exaggeration + ", " + momentum + ", " + maxStepNorm);
        }
    }

    /** HyClus's default: openTSNE's transform, started at the densest spot of the 10 nearest reference positions. */
    public static TransformSettings defaults(int threads) {
        return new TransformSettings(5, Start.DENSEST, 10, 250, 0.1, 1.5, 0.5, 1.0, LEASH, threads);
    }

    /** openTSNE's transform as published: started at the median of the 25 nearest reference positions. */
    public static TransformSettings openTsne(int threads) {
        return new TransformSettings(5, Start.MEDIAN, 25, 250, 0.1, 1.5, 0.5, 1.0, Double.POSITIVE_INFINITY, threads);
    }

    public TransformSettings withIterations(int n) {
        return new TransformSettings(perplexity, start, initNeighbours, n, learningRate, exaggeration, momentum,
                maxStepNorm, leash, threads);
    }

    public TransformSettings withLeash(double radii) {
        return new TransformSettings(perplexity, start, initNeighbours, iterations, learningRate, exaggeration, momentum,
                maxStepNorm, radii, threads);
    }

    public int neighbours() {
        return (int) Math.floor(3 * perplexity);
    }
}
