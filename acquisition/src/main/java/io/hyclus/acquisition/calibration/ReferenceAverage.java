package io.hyclus.acquisition.calibration;

import io.hyclus.hardware.camera.RawFrame;

import java.util.List;

/** The per-element mean of reference frames, which must all match the first frame's camera and shape. */
final class ReferenceAverage {
    private ReferenceAverage() {
    }

    static float[] of(List<RawFrame> frames, RawFrame shape, String which) {
        int n = shape.pixels() * shape.bands();
        double[] sum = new double[n];
        for (RawFrame f : frames) {
            if (f.pixels() != shape.pixels() || f.bands() != shape.bands() || !f.cameraId().equals(shape.cameraId())) {
                throw new CalibrationException(which + " reference frame " + f.cameraId() + "#" + f.sequence() + " is "
                        + f.pixels() + " x " + f.bands() + ", expected " + shape.cameraId() + " " + shape.pixels()
                        + " x " + shape.bands());
            }
            for (int i = 0; i < n; i++) {
                sum[i] += f.countAt(i);
            }
        }
        float[] mean = new float[n];
        for (int i = 0; i < n; i++) {
            mean[i] = (float) (sum[i] / frames.size());
        }
        return mean;
    }
}
