package io.hyclus.hardware;

/**
 * A reply that does not follow the device's protocol: garbage bytes, a line cut short, a bad checksum, a reply
 * to another device or command. The device may or may not have executed the command.
 */
public class ProtocolException extends DeviceException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
