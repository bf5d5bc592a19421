package io.hyclus.app;

import io.hyclus.core.HyclusException;

/** Base of the application module's exceptions. */
public class AppException extends HyclusException {
    public AppException(String message) {
        super(message);
    }

    public AppException(String message, Throwable cause) {
        super(message, cause);
    }
}
