package io.hyclus.hardware;

/** The serial line is gone (port closed, cable pulled, device reset): nothing more can be sent or received. */
public class DeviceDisconnectedException extends DeviceException {
    public DeviceDisconnectedException(String message) {
        super(message);
    }

    public DeviceDisconnectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
