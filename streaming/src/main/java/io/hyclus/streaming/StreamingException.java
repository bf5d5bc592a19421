package io.hyclus.streaming;

import io.hyclus.core.HyclusException;

/** Base of the streaming module's exceptions. */
public class StreamingException extends HyclusException {
    public StreamingException(String message) {
        super(message);
    }

    public StreamingException(String message, Throwable cause) {
        super(message, cause);
    }
}
