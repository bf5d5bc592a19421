package io.hyclus.app.scan;

import io.hyclus.app.AppException;

/** A scan plan file that cannot be used: the message names the file and the line or field. */
public final class ScanPlanException extends AppException {
    public ScanPlanException(String message) {
        super(message);
    }

    public ScanPlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
