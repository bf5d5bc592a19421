package io.hyclus.hardware;

/**
 * The device understood the line but refused the command (Zaber {@code RJ}, camera {@code ER}). The command had no
 * effect; resending it unchanged will be refused again.
 */
public class CommandRejectedException extends DeviceException {
    private final String command;
    private final String reason;

    /**
     * @param device  the device's name and port, e.g. {@code "conveyor on /dev/ttyUSB0"}
     * @param command the command as sent
     * @param reason  the device's reason word or error code, e.g. {@code BADDATA} or {@code E03 OUT_OF_RANGE}
     * @param reply   the whole reply line
     */
    public CommandRejectedException(String device, String command, String reason, String reply) {
        super(device + " rejected '" + command + "': " + reason + " (reply '" + reply + "')");
        this.command = command;
        this.reason = reason;
    }

    public String command() {
        return command;
    }

    /** The device's reason word or error code. */
    public String reason() {
        return reason;
    }
}
