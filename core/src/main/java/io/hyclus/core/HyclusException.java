package io.hyclus.core;

/**
 * Root of the unchecked exceptions HyClus throws. Each module has one subclass as its own base, so a
 * caller can catch everything from one stage. Messages say what was expected, what was found and where.
 */
public class HyclusException extends RuntimeException {
    public HyclusException(String message) {
        super(message);
    }

    public HyclusException(String message, Throwable cause) {
        super(message, cause);
    }
}
