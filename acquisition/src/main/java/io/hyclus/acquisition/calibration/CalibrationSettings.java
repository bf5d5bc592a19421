package io.hyclus.acquisition.calibration;

/**
 * @param referenceFrames        frames averaged for each of the dark and white references
 * @param panelReflectance       reflectance of the white reference panel (flat, 0-1)
 * @param minResponseDn          smallest white-minus-dark difference, in DN, for an element to count as
 *                               responsive; below it the element is repaired from its neighbours
 * @param maxBadElementFraction  above this fraction of unresponsive elements calibration fails
 */
public record CalibrationSettings(int referenceFrames, double panelReflectance, double minResponseDn,
                                  double maxBadElementFraction) {
    public CalibrationSettings {
        if (referenceFrames < 1 || referenceFrames > 1000) {
            throw new IllegalArgumentException("reference frames must be 1-1000: " + referenceFrames);
        }
        if (!(panelReflectance > 0 && panelReflectance <= 1)) {
            throw new IllegalArgumentException("panel reflectance must be in (0, 1]: " + panelReflectance);
        }
        if (!(minResponseDn > 0)) {
            throw new IllegalArgumentException("minimum response must be positive: " + minResponseDn + " DN");
        }
        if (!(maxBadElementFraction >= 0 && maxBadElementFraction < 1)) {
            throw new IllegalArgumentException("max bad element fraction must be in [0, 1): " + maxBadElementFraction);
        }
    }

    /** 16 frames per reference, a 99 % panel, 40 DN minimum response, at most 1 % bad elements. */
    public static CalibrationSettings defaults() {
        return new CalibrationSettings(16, 0.99, 40, 0.01);
    }
}
