package io.hyclus.core.library;

import io.hyclus.core.HyclusException;

/** A library file is missing or does not parse; the message names the file and the line. */
public class LibraryFormatException extends HyclusException {
    public LibraryFormatException(String message) {
        super(message);
    }

    public LibraryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
