package io.hyclus.hardware.conveyor;

import java.time.Duration;
import java.util.Set;

/**
 * A single-axis belt conveyor. Motion commands return once the controller has accepted them; use
 * {@link #awaitIdle(Duration)} to wait for the end of a move. Positions are the encoder's, in millimetres or
 * micrometres along the belt, zero at home.
 *
 * <p>Failures are {@link io.hyclus.hardware.DeviceException}s: {@link DeviceWarningException} for a stall or a
 * limit hit, {@link io.hyclus.hardware.CommandRejectedException} for a refused command (e.g. a target outside
 * the travel range), {@link io.hyclus.hardware.DeviceTimeoutException},
 * {@link io.hyclus.hardware.ProtocolException} and {@link io.hyclus.hardware.DeviceDisconnectedException} for
 * the line.
 */
public interface Conveyor extends AutoCloseable {
    /** Drives to the home position and sets the position there to zero. */
    void home();

    /** Starts a move to {@code positionMm} from home. */
    void moveAbsoluteMm(double positionMm);

    /** Starts a move by {@code distanceMm} (negative: towards home). */
    void moveRelativeMm(double distanceMm);

    /** Runs at {@code mmPerSecond} (signed) until stopped or a travel limit is reached. */
    void moveAtVelocity(double mmPerSecond);

    /** Decelerates to a stop; safe to call at any time, including when idle. */
    void stop();

    /** The current position, micrometres from home. */
    long positionMicrons();

    /** The speed limit for moves, mm/s (positive). */
    void setMaxSpeed(double mmPerSecond);

    /** The acceleration and deceleration of moves, mm/s² (positive). */
    void setAcceleration(double mmPerSecondSquared);

    /** True while the axis is moving. */
    boolean isBusy();

    /**
     * Waits until the axis is idle.
     *
     * @throws io.hyclus.hardware.DeviceTimeoutException if it is still moving after {@code timeout}; the axis is
     *                                                   then told to stop
     */
    void awaitIdle(Duration timeout);

    /** Acknowledges latched warnings (after a stall or a limit hit) and returns those that were set. */
    Set<WarningFlag> clearWarnings();

    @Override
    void close();
}
