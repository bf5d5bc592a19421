package io.hyclus.analysis.live;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

/**
 * One camera's codes of one sample: row {@code i} is the code of the camera's spectrum {@code i} in the container.
 * The array is owned by this record from construction on (the encoder builds it for this record alone); callers must
 * not modify it.
 *
 * @param modelRef  the model version that made every row, e.g. {@code dense-ae-16-vnir@2}
 * @param codeSize  numbers per spectrum
 * @param codes     row-major float32, {@code rows() * codeSize} values, at least one row
 */
public record CameraCodes(SensorKind camera, String modelRef, int codeSize, float[] codes) {
    public CameraCodes {
        Checks.notNull("camera", camera);
        Checks.notBlank("model reference of " + camera + " codes", modelRef);
        Checks.positive("code size of " + camera + " codes", codeSize);
        Checks.notNull(camera + " codes", codes);
        if (codes.length == 0 || codes.length % codeSize != 0) {
            throw new IllegalArgumentException(camera + " codes: " + codes.length + " values are not a positive number"
                    + " of rows of " + codeSize);
        }
    }

    public int rows() {
        return codes.length / codeSize;
    }

    public float[] row(int i) {
        float[] out = new float[codeSize];
        System.arraycopy(codes, i * codeSize, out, 0, codeSize);
        return out;
    }
}
