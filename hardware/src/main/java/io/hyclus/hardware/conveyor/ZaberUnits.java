package io.hyclus.hardware.conveyor;

/**
 * Conversions between belt millimetres and Zaber device units.
 *
 * <ul>
 *   <li>Position: microsteps; {@code microsteps = mm * microstepsPerMm}.</li>
 *   <li>Velocity ({@code move vel}, {@code maxspeed}): Zaber firmware 6/7 data is microsteps per second times
 *       1.6384, so {@code data = mm/s * microstepsPerMm * 1.6384}.</li>
 *   <li>Acceleration ({@code accel}): data is microsteps/s² times 1.6384 / 10000, so
 *       {@code data = mm/s² * microstepsPerMm * 1.6384 / 10000}; its resolution is coarse (one unit is
 *       6103.5 microsteps/s²).</li>
 * </ul>
 * Device data are integers; conversions to device units round to the nearest integer.
 *
 * @param microstepsPerMm microsteps per millimetre of belt travel (positive)
 */
public record ZaberUnits(double microstepsPerMm) {
    /** Zaber's velocity scale: data per (microstep/s). */
    public static final double VELOCITY_SCALE = 1.6384;
    /** Zaber's acceleration scale: data per (microstep/s²). */
    public static final double ACCELERATION_SCALE = 1.6384 / 10_000;
    /**
     * Default belt resolution: a 1.984375 µm microstep (200-step motor, 64 microsteps per step, 25.4 mm of belt per
     * motor revolution), about 503.94 microsteps per mm.
     */
    public static final ZaberUnits DEFAULT = new ZaberUnits(200 * 64 / 25.4);

    public ZaberUnits {
        if (!(microstepsPerMm > 0) || !Double.isFinite(microstepsPerMm)) {
            throw new IllegalArgumentException("microsteps per mm must be positive and finite: " + microstepsPerMm);
        }
    }

    public long microstepsFromMm(double mm) {
        return Math.round(mm * microstepsPerMm);
    }

    public double mmFromMicrosteps(double microsteps) {
        return microsteps / microstepsPerMm;
    }

    /** Micrometres, rounded to the nearest. */
    public long micronsFromMicrosteps(long microsteps) {
        return Math.round(microsteps * 1000.0 / microstepsPerMm);
    }

    public long velocityDataFromMmPerSecond(double mmPerSecond) {
        return Math.round(mmPerSecond * microstepsPerMm * VELOCITY_SCALE);
    }

    public double mmPerSecondFromVelocityData(double data) {
        return data / VELOCITY_SCALE / microstepsPerMm;
    }

    public long accelerationDataFromMmPerSecondSquared(double mmPerSecondSquared) {
        return Math.round(mmPerSecondSquared * microstepsPerMm * ACCELERATION_SCALE);
    }

    public double mmPerSecondSquaredFromAccelerationData(double data) {
        return data / ACCELERATION_SCALE / microstepsPerMm;
    }
}
