package io.hyclus.acquisition.sync;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.calibration.RadiometricCalibration;
import io.hyclus.hardware.camera.RawFrame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Takes every camera's dark (shutter closed) and white (strip under the line) references at one belt position. */
final class References {
    private References() {
    }

    static Map<String, RadiometricCalibration> take(List<RigCamera> cameras, long atMicrons, CalibrationSettings s,
                                                    Map<String, FrameSequenceMonitor> monitors, RawFrameTap tap) {
        Map<String, List<RawFrame>> dark = frames(cameras, atMicrons, s.referenceFrames(), false);
        Map<String, List<RawFrame>> white = frames(cameras, atMicrons, s.referenceFrames(), true);
        Map<String, RadiometricCalibration> out = new LinkedHashMap<>();
        for (RigCamera c : cameras) {
            String id = c.sensor().id();
            out.put(id, RadiometricCalibration.fromReferences(dark.get(id), white.get(id), s));
            tap.references(c, dark.get(id), white.get(id));
            List<RawFrame> w = white.get(id);
            monitors.get(id).resync(w.get(w.size() - 1));
        }
        return out;
    }

    private static Map<String, List<RawFrame>> frames(List<RigCamera> cameras, long at, int n, boolean open) {
        Map<String, List<RawFrame>> out = new LinkedHashMap<>();
        for (RigCamera c : cameras) {
            c.control().setShutterOpen(open);
            List<RawFrame> frames = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                frames.add(c.frames().trigger(at));
            }
            out.put(c.sensor().id(), frames);
        }
        for (RigCamera c : cameras) {
            c.control().setShutterOpen(true);
        }
        return out;
    }
}
