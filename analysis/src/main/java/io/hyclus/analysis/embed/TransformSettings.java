package io.hyclus.analysis.embed;

/**
 * Settings for adding points to a fixed map (openTSNE's {@code transform} defaults in {@link #defaults}): affinities
 * to the floor(3 × perplexity) nearest reference points at perplexity 5, start at the coordinate-wise median of the
 * 25 nearest reference points, then 250 iterations at learning rate 0.1 with exaggeration 1.5, momentum 0.5 and each
 * step clipped to {@code maxStepNorm} embedding units.
 */
public record TransformSettings(double perplexity, int initNeighbours, int iterations, double learningRate,
        double exaggeration, double momentum, double maxStepNorm, int threads) {
    public TransformSettings {
        if (!(perplexity >= 1) || !Double.isFinite(perplexity)) {
            throw new EmbeddingInputException("transform perplexity must be a finite number >= 1: " + perplexity);
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

    public static TransformSettings defaults(int threads) {
        return new TransformSettings(5, 25, 250, 0.1, 1.5, 0.5, 1.0, threads);
    }

    public int neighbours() {
        return (int) Math.floor(3 * perplexity);
    }
}
