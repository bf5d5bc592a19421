package io.hyclus.analysis.model;

/**
 * One epoch of training. Losses are binary cross-entropy on the Keras scale (mean over outputs and spectra).
 *
 * @param epoch          1-based
 * @param learningRate   the rate used during this epoch
 * @param samplesPerSecond training spectra per second of wall time in this epoch
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss, double learningRate, double seconds,
                          double samplesPerSecond) {
}
