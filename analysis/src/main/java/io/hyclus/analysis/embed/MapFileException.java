package io.hyclus.analysis.embed;

import io.hyclus.analysis.AnalysisException;

/** A saved t-SNE map that cannot be read or written: wrong magic, unknown version, truncated, checksum mismatch. */
public class MapFileException extends AnalysisException {
    public MapFileException(String message) {
        super(message);
    }

    public MapFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
