package io.hyclus.envi;

import io.hyclus.core.HyclusException;

/**
 * Base of the envi module's exceptions: a header or raster that cannot be read or written. Messages name the file
 * and, where it applies, the header line or raster line.
 */
public class EnviException extends HyclusException {
    public EnviException(String message) {
        super(message);
    }

    public EnviException(String message, Throwable cause) {
        super(message, cause);
    }
}
