package io.hyclus.analysis;

import io.hyclus.core.HyclusException;

/** Base of the analysis module's exceptions. */
public class AnalysisException extends HyclusException {
    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
