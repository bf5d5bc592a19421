package io.hyclus.hardware;

import io.hyclus.core.HyclusException;

/**
 * Base of the hardware module's exceptions. Messages name the device (and port), the command sent and
 * what came back.
 */
public class DeviceException extends HyclusException {
    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
