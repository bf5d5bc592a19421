package io.hyclus.analysis.model;

import io.hyclus.core.Checks;

/**
 * How a network is trained. The defaults are the reference study's (Keras): RMSprop with learning rate 1e-3,
 * rho 0.9, epsilon 1e-7; batch 256; at most 30 epochs; early stopping after 5 epochs without improvement of the
 * validation loss by at least {@code minDelta}; the learning rate multiplied by {@code plateauFactor} after 3 such
 * epochs, down to 1e-6.
 *
 * @param seed            weight initialisation and shuffling
 * @param threads         ND4J/OpenMP threads and Java threads used for training and encoding
 */
public record TrainingSettings(long seed, int batchSize, int maxEpochs, double learningRate, double rho,
                               double epsilon, int earlyStoppingPatience, int plateauPatience, double plateauFactor,
                               double minLearningRate, double minDelta, int threads) {
    public TrainingSettings {
        Checks.positive("batch size", batchSize);
        Checks.positive("maximum epochs", maxEpochs);
        Checks.positive("learning rate", learningRate);
        if (!(rho > 0 && rho < 1)) {
            throw new IllegalArgumentException("RMSprop rho must be in (0, 1), got " + rho);
        }
        Checks.positive("RMSprop epsilon", epsilon);
        Checks.positive("early-stopping patience", earlyStoppingPatience);
        Checks.positive("plateau patience", plateauPatience);
        if (!(plateauFactor > 0 && plateauFactor < 1)) {
            throw new IllegalArgumentException("plateau factor must be in (0, 1), got " + plateauFactor);
        }
        Checks.positive("minimum learning rate", minLearningRate);
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("minimum delta must be >= 0, got " + minDelta);
        }
        Checks.positive("threads", threads);
    }

    public static TrainingSettings study(long seed) {
        return new TrainingSettings(seed, 256, 30, 1e-3, 0.9, 1e-7, 5, 3, 0.1, 1e-6, 1e-4, 1);
    }

    public TrainingSettings withMaxEpochs(int epochs) {
        return new TrainingSettings(seed, batchSize, epochs, learningRate, rho, epsilon, earlyStoppingPatience,
                plateauPatience, plateauFactor, minLearningRate, minDelta, threads);
    }

    public TrainingSettings withThreads(int n) {
        return new TrainingSettings(seed, batchSize, maxEpochs, learningRate, rho, epsilon, earlyStoppingPatience,
                plateauPatience, plateauFactor, minLearningRate, minDelta, n);
    }
}
