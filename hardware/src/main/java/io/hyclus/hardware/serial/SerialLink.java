package io.hyclus.hardware.serial;

import java.time.Duration;
import java.util.Optional;

/**
 * A line-oriented ASCII serial line. Lines are sent with a {@code '\n'} terminator; received lines end at
 * {@code '\n'} with an optional {@code '\r'} before it, which is dropped. Bytes are mapped one to one to chars
 * (ISO-8859-1) so that garbage survives into error messages.
 *
 * <p>Implementations are used by one thread at a time; {@link #close()} may be called from any thread.
 */
public interface SerialLink extends AutoCloseable {
    /** The port path, for messages. */
    String portPath();

    /**
     * Sends one line; the terminator is added here.
     *
     * @throws io.hyclus.hardware.DeviceDisconnectedException when the port is closed or gone
     */
    void writeLine(String line);

    /**
     * Sends characters exactly as given, without adding a terminator: for simulators that must send a cut-off
     * line or garbage.
     *
     * @throws io.hyclus.hardware.DeviceDisconnectedException when the port is closed or gone
     */
    void writeRaw(String text);

    /**
     * Waits at most {@code timeout} for one complete line. Bytes of an incomplete line stay buffered.
     *
     * @return the line without terminator, or empty on timeout
     * @throws io.hyclus.hardware.DeviceDisconnectedException when the port is closed or gone
     */
    Optional<String> readLine(Duration timeout);

    /**
     * Drops buffered bytes and whatever has arrived unread, without waiting.
     *
     * @return what was dropped (an incomplete line, stale replies), empty if nothing
     */
    String discardInput();

    /** Closes the port; later calls fail with {@code DeviceDisconnectedException}. Idempotent. */
    @Override
    void close();
}
