package io.hyclus.acquisition.calibration;

/**
 * @param referenceFrames        frames averaged for each of the dark and white references
 * @param panelReflectance       reflectance of the white reference panel (flat, 0-1)
 * @param minResponseDn          smallest white-minus-dark difference, in DN, for an element to count as
 *                               responsive; below it the element is dead and repaired from its neighbours
 * @param maxBadElementFraction  above this fraction of dead, hot or noisy elements calibration fails
 * @param hotAboveDn             an element whose dark level exceeds its band's median dark level by more than this
 *                               (DN) is hot, and repaired
 * @param noisyFactor            an element whose dark-frame standard deviation exceeds this multiple of its band's
 *                               median deviation is noisy, and repaired (judged with 4 or more dark frames)
 * @param minValidReflectance    a calibrated value below this flags its pixel out of range
 * @param maxValidReflectance    a calibrated value above this flags its pixel out of range
 */
public record CalibrationSettings(int referenceFrames, double panelReflectance, double minResponseDn,
                                  double maxBadElementFraction, double hotAboveDn, double noisyFactor,
                                  double minValidReflectance, double maxValidReflectance) {
    /** Dark frames needed to judge an element's noise. */
    public static final int MIN_FRAMES_FOR_NOISE = 4;

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
        if (!(hotAboveDn > 0)) {
            throw new IllegalArgumentException("hot threshold must be positive: " + hotAboveDn + " DN");
        }
        if (!(noisyFactor > 1)) {
            throw new IllegalArgumentException("noisy factor must exceed 1: " + noisyFactor);
        }
        if (!(minValidReflectance < 0 && maxValidReflectance > panelReflectance)) {
            throw new IllegalArgumentException("valid reflectance range must include 0 to the panel's "
                    + panelReflectance + ": " + minValidReflectance + " to " + maxValidReflectance);
        }
    }

    /** Dead-element settings as given; hot, noisy and range checks at their defaults. */
    public CalibrationSettings(int referenceFrames, double panelReflectance, double minResponseDn,
                               double maxBadElementFraction) {
        this(referenceFrames, panelReflectance, minResponseDn, maxBadElementFraction, 200, 6, -0.1, 1.5);
    }

    /**
     * 16 frames per reference, a 99 % panel, 40 DN minimum response, 200 DN above the band's dark median is hot,
     * 6 times the band's median dark noise is noisy, at most 1 % bad elements, values outside -0.1 to 1.5 out of range.
     */
    public static CalibrationSettings defaults() {
        return new CalibrationSettings(16, 0.99, 40, 0.01);
    }
}
