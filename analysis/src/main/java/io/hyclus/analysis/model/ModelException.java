package io.hyclus.analysis.model;

import io.hyclus.analysis.AnalysisException;

/** A model could not be built, trained, saved, loaded or applied; the message names the file or data concerned. */
public class ModelException extends AnalysisException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
