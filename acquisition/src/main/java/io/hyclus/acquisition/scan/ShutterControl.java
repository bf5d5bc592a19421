package io.hyclus.acquisition.scan;

/** Opens or closes a camera's shutter (closed for dark references). */
@FunctionalInterface
public interface ShutterControl {
    void setShutterOpen(boolean open);
}
