package io.hyclus.hardware.conveyor;

/**
 * The belt's position encoder, wired to the cameras' trigger inputs rather than read over the conveyor's
 * command link: reading it is immediate.
 */
@FunctionalInterface
public interface PositionEncoder {
    /** Belt position, micrometres from home. */
    long positionMicrons();
}
