package io.hyclus.analysis.livemap;

import io.hyclus.analysis.AnalysisException;

/** The live map service cannot go on: Kafka, or its state that cannot be saved or read back. */
public class LiveMapException extends AnalysisException {
    public LiveMapException(String message) {
        super(message);
    }

    public LiveMapException(String message, Throwable cause) {
        super(message, cause);
    }
}
