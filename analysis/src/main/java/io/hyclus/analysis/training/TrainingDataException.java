package io.hyclus.analysis.training;

import io.hyclus.analysis.AnalysisException;

/** The containers cannot make training data: the message names the file, sample, spectrum and band concerned. */
public class TrainingDataException extends AnalysisException {
    public TrainingDataException(String message) {
        super(message);
    }

    public TrainingDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
