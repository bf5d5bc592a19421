package io.hyclus.app.scan;

import io.hyclus.acquisition.sync.RawFrameTap;
import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.hardware.camera.RawFrame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TapsTest {
    @Test
    void everyCall_reachesEveryTap_inOrder() {
        List<String> calls = new ArrayList<>();
        RawFrameTap a = recorder("a", calls);
        RawFrameTap b = recorder("b", calls);
        Taps taps = new Taps(List.of(a, b));
        taps.references(null, List.of(), List.of());
        taps.frame(null, 3, null);
        taps.lineDone(3, 10, true);
        taps.temperature(null, 21.5);
        assertEquals(List.of("a references", "b references", "a frame 3", "b frame 3", "a lineDone 3/10 late",
                "b lineDone 3/10 late", "a temperature 21.5", "b temperature 21.5"), calls);
    }

    private static RawFrameTap recorder(String name, List<String> calls) {
        return new RawFrameTap() {
            @Override
            public void references(RigCamera camera, List<RawFrame> dark, List<RawFrame> white) {
                calls.add(name + " references");
            }

            @Override
            public void frame(RigCamera camera, long line, RawFrame frame) {
                calls.add(name + " frame " + line);
            }

            @Override
            public void lineDone(long line, long lines, boolean late) {
                calls.add(name + " lineDone " + line + "/" + lines + (late ? " late" : ""));
            }

            @Override
            public void temperature(RigCamera camera, double celsius) {
                calls.add(name + " temperature " + celsius);
            }
        };
    }
}
