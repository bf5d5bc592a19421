package io.hyclus.simulator.conveyor;

/**
 * A stretch of constant acceleration.
 *
 * @param startSeconds       start, seconds since the model's epoch
 * @param durationSeconds    length, seconds (may be infinite for a cruise without end)
 * @param startMm            position at the start, mm
 * @param startMmPerSecond   velocity at the start, mm/s
 * @param mmPerSecondSquared acceleration, mm/s²
 */
record MotionPhase(double startSeconds, double durationSeconds, double startMm, double startMmPerSecond,
                   double mmPerSecondSquared) {

    MotionPhase {
        if (!(durationSeconds >= 0)) {
            throw new IllegalArgumentException("phase duration must not be negative: " + durationSeconds);
        }
    }

    double endSeconds() {
        return startSeconds + durationSeconds;
    }

    double positionAfter(double seconds) {
        return startMm + startMmPerSecond * seconds + 0.5 * mmPerSecondSquared * seconds * seconds;
    }

    double velocityAfter(double seconds) {
        return startMmPerSecond + mmPerSecondSquared * seconds;
    }

    double endMm() {
        return positionAfter(durationSeconds);
    }

    double endMmPerSecond() {
        return velocityAfter(durationSeconds);
    }

    /** The same phase cut to {@code seconds}. */
    MotionPhase truncated(double seconds) {
        return new MotionPhase(startSeconds, seconds, startMm, startMmPerSecond, mmPerSecondSquared);
    }
}
