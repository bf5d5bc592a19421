package io.hyclus.acquisition.calibration;

import io.hyclus.hardware.camera.RawFrame;

import java.util.List;

/**
 * The per-element mean and standard deviation of reference frames, which must all match the first frame's camera and
 * shape. The deviation is 0 for a single frame.
 */
record ReferenceAverage(float[] mean, float[] std) {

    static ReferenceAverage of(List<RawFrame> frames, RawFrame shape, String which) {
        int n = shape.pixels() * shape.bands();
        double[] sum = new double[n];
        double[] sumSq = new double[n];
        for (RawFrame f : frames) {
            if (f.pixels() != shape.pixels() || f.bands() != shape.bands() || !f.cameraId().equals(shape.cameraId())) {
                throw new CalibrationException(which + " reference frame " + f.cameraId() + "#" + f.sequence() + " is "
                        + f.pixels() + " x " + f.bands() + ", expected " + shape.cameraId() + " " + shape.pixels()
                        + " x " + shape.bands());
            }
            for (int i = 0; i < n; i++) {
                double c = f.countAt(i);
                sum[i] += c;
                sumSq[i] += c * c;
            }
        }
        int k = frames.size();
        float[] mean = new float[n];
        float[] std = new float[n];
        for (int i = 0; i < n; i++) {
            double m = sum[i] / k;
            mean[i] = (float) m;
            std[i] = k < 2 ? 0 : (float) Math.sqrt(Math.max(0, (sumSq[i] - k * m * m) / (k - 1)));
        }
        return new ReferenceAverage(mean, std);
    }
}
