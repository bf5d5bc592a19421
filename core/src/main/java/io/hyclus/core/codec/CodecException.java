package io.hyclus.core.codec;

import io.hyclus.core.HyclusException;

/** Bytes that are not a HyClus record of a known version; the message says what and at which offset. */
public class CodecException extends HyclusException {
    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
