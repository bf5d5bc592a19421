package io.hyclus.app.scan;

import io.hyclus.acquisition.sync.RawFrameTap;
import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.hardware.camera.RawFrame;

import java.util.List;

/** Several taps on one scan, called in order. */
public final class Taps implements RawFrameTap {
    private final List<RawFrameTap> taps;

    public Taps(List<RawFrameTap> taps) {
        this.taps = List.copyOf(taps);
    }

    @Override
    public void references(RigCamera camera, List<RawFrame> dark, List<RawFrame> white) {
        taps.forEach(t -> t.references(camera, dark, white));
    }

    @Override
    public void frame(RigCamera camera, long line, RawFrame frame) {
        taps.forEach(t -> t.frame(camera, line, frame));
    }

    @Override
    public void lineDone(long line, long lines, boolean late) {
        taps.forEach(t -> t.lineDone(line, lines, late));
    }

    @Override
    public void temperature(RigCamera camera, double celsius) {
        taps.forEach(t -> t.temperature(camera, celsius));
    }
}
