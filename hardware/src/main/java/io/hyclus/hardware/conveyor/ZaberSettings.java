package io.hyclus.hardware.conveyor;

import io.hyclus.core.Checks;
import io.hyclus.hardware.serial.SerialSettings;

import java.time.Duration;

/**
 * How to talk to the conveyor's Zaber controller.
 *
 * @param name         the device's name in messages and logs, e.g. {@code conveyor}
 * @param serial       port, reply timeout and retries
 * @param address      device address on the daisy chain, 1-99
 * @param axis         axis number of the belt drive, 1-9
 * @param units        microstep and speed conversions
 * @param messageIds   send message ids (00-99) and discard replies that carry another id
 * @param checksums    append an LRC checksum to commands and verify the checksum of replies that carry one
 * @param pollInterval how often {@link Conveyor#awaitIdle} asks for the status, 1 ms to 1 s
 */
public record ZaberSettings(String name, SerialSettings serial, int address, int axis, ZaberUnits units,
                            boolean messageIds, boolean checksums, Duration pollInterval) {
    /** 20 ms between status polls. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(20);

    public ZaberSettings {
        Checks.identifier("device name", name);
        Checks.notNull("serial settings", serial);
        if (address < 1 || address > 99) {
            throw new IllegalArgumentException("Zaber device address must be 1-99: " + address);
        }
        if (axis < 1 || axis > 9) {
            throw new IllegalArgumentException("Zaber axis must be 1-9: " + axis);
        }
        Checks.notNull("Zaber units", units);
        Checks.notNull("poll interval", pollInterval);
        if (pollInterval.toMillis() < 1 || pollInterval.toMillis() > 1000) {
            throw new IllegalArgumentException("poll interval must be 1 ms to 1 s: " + pollInterval);
        }
    }

    /** Device 1, axis 1, default units, message ids on, checksums off, 20 ms polling. */
    public static ZaberSettings defaults(String name, SerialSettings serial) {
        return new ZaberSettings(name, serial, 1, 1, ZaberUnits.DEFAULT, true, false, DEFAULT_POLL_INTERVAL);
    }

    public ZaberSettings withUnits(ZaberUnits newUnits) {
        return new ZaberSettings(name, serial, address, axis, newUnits, messageIds, checksums, pollInterval);
    }

    public ZaberSettings withMessageIds(boolean on) {
        return new ZaberSettings(name, serial, address, axis, units, on, checksums, pollInterval);
    }

    public ZaberSettings withChecksums(boolean on) {
        return new ZaberSettings(name, serial, address, axis, units, messageIds, on, pollInterval);
    }

    /** "name on port", for messages. */
    public String where() {
        return name + " (Zaber device " + address + " axis " + axis + ") on " + serial.portPath();
    }
}
