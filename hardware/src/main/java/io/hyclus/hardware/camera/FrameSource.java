package io.hyclus.hardware.camera;

/**
 * Where raw frames come from, apart from camera control. A trigger at an encoder position yields one
 * frame exposed at that position.
 */
public interface FrameSource {
    /** Exposes one line at belt encoder position {@code encoderMicrons} and returns it. */
    RawFrame trigger(long encoderMicrons);
}
