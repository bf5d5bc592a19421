package io.hyclus.hardware;

/**
 * No complete reply arrived within the reply timeout (after any retries the command allowed). The device may or
 * may not have executed the command.
 */
public class DeviceTimeoutException extends DeviceException {
    public DeviceTimeoutException(String message) {
        super(message);
    }

    public DeviceTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
