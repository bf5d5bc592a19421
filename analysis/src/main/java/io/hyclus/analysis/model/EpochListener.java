package io.hyclus.analysis.model;

/** Told after every epoch (a progress bar, a log). */
@FunctionalInterface
public interface EpochListener {
    EpochListener NONE = (r, max) -> { };

    void epochDone(EpochRecord record, int maxEpochs);
}
