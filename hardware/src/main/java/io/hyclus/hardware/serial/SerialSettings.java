package io.hyclus.hardware.serial;

import io.hyclus.core.Checks;

import java.time.Duration;

/**
 * How to open a serial port and how long to wait for replies. Frames are always 8N1 without flow control.
 *
 * @param portPath     device path, e.g. {@code /dev/ttyUSB0} or a socat link
 * @param baudRate     bits per second (Zaber devices and the cameras default to 115200)
 * @param replyTimeout longest wait for one reply line, 1 ms to 60 s
 * @param retries      extra attempts for idempotent commands after a timeout or a garbled reply, 0-10
 */
public record SerialSettings(String portPath, int baudRate, Duration replyTimeout, int retries) {
    /** 115200 baud. */
    public static final int DEFAULT_BAUD = 115_200;
    /** 500 ms: a Zaber reply takes a few ms; the margin covers USB adapters and a busy host. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofMillis(500);
    /** Two extra attempts for idempotent commands. */
    public static final int DEFAULT_RETRIES = 2;

    public SerialSettings {
        Checks.notBlank("serial port path", portPath);
        Checks.positive("baud rate", baudRate);
        Checks.notNull("reply timeout", replyTimeout);
        if (replyTimeout.toMillis() < 1 || replyTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("reply timeout must be 1 ms to 60 s: " + replyTimeout);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0-10: " + retries);
        }
    }

    /** The defaults above for {@code portPath}. */
    public static SerialSettings of(String portPath) {
        return new SerialSettings(portPath, DEFAULT_BAUD, DEFAULT_REPLY_TIMEOUT, DEFAULT_RETRIES);
    }

    public SerialSettings withReplyTimeout(Duration timeout) {
        return new SerialSettings(portPath, baudRate, timeout, retries);
    }

    public SerialSettings withRetries(int count) {
        return new SerialSettings(portPath, baudRate, replyTimeout, count);
    }
}
