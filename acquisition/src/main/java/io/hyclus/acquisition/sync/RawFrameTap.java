package io.hyclus.acquisition.sync;

import io.hyclus.hardware.camera.RawFrame;

import java.util.List;

/**
 * Sees the raw counts of a scan as the {@link SynchronisedScanner} takes them: each camera's dark and white reference
 * frames (before the scan's start event), then every frame it calibrates and publishes, with its line index. Used to
 * keep a scan as a capture that can be recalibrated and replayed. Called on the scanning thread: keep it quick.
 */
public interface RawFrameTap {
    /** Taps nothing. */
    RawFrameTap NONE = new RawFrameTap() {
        @Override
        public void references(RigCamera camera, List<RawFrame> dark, List<RawFrame> white) {
        }

        @Override
        public void frame(RigCamera camera, long line, RawFrame frame) {
        }
    };

    void references(RigCamera camera, List<RawFrame> dark, List<RawFrame> white);

    void frame(RigCamera camera, long line, RawFrame frame);

    /**
     * Line {@code line} of {@code lines} is done on every camera; {@code late} when it was triggered more than a line
     * pitch after the belt passed it. For progress displays.
     */
    default void lineDone(long line, long lines, boolean late) {
    }

    /** The camera's sensor temperature, as the scanner reads it every {@code monitorEveryLines} lines. */
    default void temperature(RigCamera camera, double celsius) {
    }
}
