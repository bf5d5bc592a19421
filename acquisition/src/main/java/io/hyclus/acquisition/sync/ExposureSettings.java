package io.hyclus.acquisition.sync;

/**
 * How auto-exposure sets each camera's integration time. {@link #defaults()} is the one home of the default values.
 *
 * @param targetPeakFraction  the white reference's peak aimed at, as a fraction of full scale (0.85 = 3481 DN of 4095)
 * @param toleranceFraction   done once the peak is within this fraction of full scale of the target
 * @param maxIterations       white-reference measurements at most per camera
 * @param framesPerStep       white frames averaged per measurement
 * @param maxExposureShare    share of the line period the integration may take (the rest is read-out)
 * @param hotDarkFraction     elements whose dark level already exceeds this fraction of full scale are hot and do not
 *                            count for the peak (calibration repairs them)
 */
public record ExposureSettings(double targetPeakFraction, double toleranceFraction, int maxIterations, int framesPerStep,
                               double maxExposureShare, double hotDarkFraction) {
    public ExposureSettings {
        if (!(targetPeakFraction > 0.1 && targetPeakFraction < 0.98)) {
            throw new IllegalArgumentException("target peak must be 0.1-0.98 of full scale: " + targetPeakFraction);
        }
        if (!(toleranceFraction > 0 && toleranceFraction < 0.2 && targetPeakFraction + toleranceFraction < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 0.2) and keep the target below full scale: "
                    + toleranceFraction);
        }
        if (maxIterations < 1 || maxIterations > 50) {
            throw new IllegalArgumentException("iterations must be 1-50: " + maxIterations);
        }
        if (framesPerStep < 1 || framesPerStep > 100) {
            throw new IllegalArgumentException("frames per step must be 1-100: " + framesPerStep);
        }
        if (!(maxExposureShare > 0 && maxExposureShare <= 1)) {
            throw new IllegalArgumentException("exposure share of the line period must be in (0, 1]: " + maxExposureShare);
        }
        if (!(hotDarkFraction > 0 && hotDarkFraction < 1)) {
            throw new IllegalArgumentException("hot dark fraction must be in (0, 1): " + hotDarkFraction);
        }
    }

    /**
     * Peak at 85 % of full scale within 3 % (3358-3604 DN of 4095: far enough below 4095 that shot noise on the white
     * reference, ~20 DN, never reaches it), 8 measurements of 2 frames, 80 % of the line period, elements with a dark
     * level above 50 % of full scale counted as hot.
     */
    public static ExposureSettings defaults() {
        return new ExposureSettings(0.85, 0.03, 8, 2, 0.8, 0.5);
    }
}
