package io.hyclus.acquisition;

import io.hyclus.core.HyclusException;

/** Base of the acquisition module's exceptions. */
public class AcquisitionException extends HyclusException {
    public AcquisitionException(String message) {
        super(message);
    }

    public AcquisitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
