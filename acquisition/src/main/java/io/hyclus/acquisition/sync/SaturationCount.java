package io.hyclus.acquisition.sync;

import io.hyclus.hardware.camera.RawFrame;

import java.util.List;

/**
 * Counts one camera's values at full scale ({@link RawFrame#MAX_COUNT}) over the lines of a scan. A saturated
 * element's reflectance is only a lower bound, so a scan with any records it as a degradation.
 */
final class SaturationCount {
    private final String cameraId;
    private long values;
    private long lines;
    private long linesSeen;

    SaturationCount(String cameraId) {
        this.cameraId = cameraId;
    }

    void add(RawFrame f) {
        int n = 0;
        int size = f.pixels() * f.bands();
        for (int i = 0; i < size; i++) {
            if (f.countAt(i) >= RawFrame.MAX_COUNT) {
                n++;
            }
        }
        values += n;
        lines += n > 0 ? 1 : 0;
        linesSeen++;
    }

    long values() {
        return values;
    }

    /** One line for the scan's degradations, or none when nothing saturated. */
    List<String> degradations() {
        if (values == 0) {
            return List.of();
        }
        return List.of(cameraId + ": " + values + " saturated values (" + RawFrame.MAX_COUNT + " DN) in " + lines + " of "
                + linesSeen + " lines; their reflectance is a lower bound");
    }
}
