package io.hyclus.analysis.model;

import io.hyclus.core.Checks;

/**
 * Keras's {@code EarlyStopping} on a loss (mode min): an epoch improves when its loss is below the best so far by more
 * than {@code minDelta}; training stops once {@code patience} epochs in a row have not improved. Keeps which epoch was
 * best, so the trainer can restore that epoch's weights (Keras's {@code restore_best_weights=True}). Not thread-safe.
 */
public final class EarlyStopping {
    private final int patience;
    private final double minDelta;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int wait;

    public EarlyStopping(int patience, double minDelta) {
        Checks.positive("early-stopping patience", patience);
        if (!(minDelta >= 0)) {
            throw new IllegalArgumentException("early-stopping minimum delta must be >= 0, got " + minDelta);
        }
        this.patience = patience;
        this.minDelta = minDelta;
    }

    /** Records the loss of {@code epoch} (1-based); true when it is the new best. A NaN loss never improves. */
    public boolean observe(int epoch, double loss) {
        if (loss < best - minDelta) {
            best = loss;
            bestEpoch = epoch;
            wait = 0;
            return true;
        }
        wait++;
        return false;
    }

    public boolean shouldStop() {
        return wait >= patience;
    }

    /** 1-based epoch of the best loss, 0 before any improvement. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public double bestLoss() {
        return best;
    }
}
