package io.hyclus.analysis.model;

import io.hyclus.core.Checks;

/**
 * Keras's {@code ReduceLROnPlateau} on a loss (mode min, no cooldown): after {@code patience} epochs in a row without
 * an improvement by more than {@code minDelta}, the rate is multiplied by {@code factor}, not below {@code minRate},
 * and the count starts again. Not thread-safe.
 */
public final class LearningRatePlateau {
    private final int patience;
    private final double factor;
    private final double minRate;
    private final double minDelta;
    private double rate;
    private double best = Double.POSITIVE_INFINITY;
    private int wait;

    public LearningRatePlateau(double initialRate, int patience, double factor, double minRate, double minDelta) {
        Checks.positive("learning rate", initialRate);
        Checks.positive("plateau patience", patience);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("plateau factor must be in (0, 1), got " + factor);
        }
        Checks.positive("minimum learning rate", minRate);
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("plateau minimum delta must be >= 0, got " + minDelta);
        }
        this.rate = initialRate;
        this.patience = patience;
        this.factor = factor;
        this.minRate = minRate;
        this.minDelta = minDelta;
    }

    /** Records an epoch's loss and returns the rate for the next epoch. */
    public double observe(double loss) {
        if (loss < best - minDelta) {
            best = loss;
            wait = 0;
            return rate;
        }
        wait++;
        if (wait >= patience) {
            if (rate > minRate) {
                rate = Math.max(rate * factor, minRate);
            }
            wait = 0;
        }
        return rate;
    }

    public double rate() {
        return rate;
    }
}
