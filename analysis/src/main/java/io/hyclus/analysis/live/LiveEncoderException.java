package io.hyclus.analysis.live;

import io.hyclus.analysis.AnalysisException;

/** The live encoder cannot go on (Kafka, a codes file that cannot be written), or a codes file cannot be read. */
public class LiveEncoderException extends AnalysisException {
    public LiveEncoderException(String message) {
        super(message);
    }

    public LiveEncoderException(String message, Throwable cause) {
        super(message, cause);
    }
}
