package io.hyclus.simulator.conveyor;

import java.util.ArrayList;
import java.util.List;

/**
 * Position of the belt as a function of time: a chain of constant-acceleration phases, then rest at the final
 * position. Times are seconds since the owning model's epoch; positions mm; velocities mm/s (signed).
 * Immutable.
 */
final class MotionProfile {
    private static final double EPS = 1e-9;
    /** Moves that end on a limit (home, a target at the far end) stop there without tripping it. */
    private static final double LIMIT_TOLERANCE_MM = 1e-6;

    private final List<MotionPhase> phases;
    private final double limitHitSeconds;

    private MotionProfile(List<MotionPhase> phases, double limitHitSeconds) {
        this.phases = List.copyOf(phases);
        this.limitHitSeconds = limitHitSeconds;
    }

    static MotionProfile rest(double seconds, double mm) {
        return new MotionProfile(List.of(new MotionPhase(seconds, 0, mm, 0, 0)), Double.NaN);
    }

    /**
     * A trapezoidal (or triangular) move from the current state to {@code targetMm}, at most {@code maxSpeed},
     * accelerating and decelerating at {@code accel}. Moving away from the target, or too fast to stop in time,
     * it first decelerates to rest and then moves back.
     */
    static MotionProfile toPosition(double t, double x, double v, double targetMm, double maxSpeed, double accel) {
        List<MotionPhase> out = new ArrayList<>();
        double distance = targetMm - x;
        double stoppingMm = v * v / (2 * accel);
        if (v != 0 && (Math.signum(v) != Math.signum(distance) || stoppingMm > Math.abs(distance) + EPS)) {
            MotionPhase brake = new MotionPhase(t, Math.abs(v) / accel, x, v, -Math.signum(v) * accel);
            out.add(brake);
            t = brake.endSeconds();
            x = brake.endMm();
            v = 0;
            distance = targetMm - x;
        }
        if (Math.abs(distance) < EPS) {
            out.add(new MotionPhase(t, 0, targetMm, 0, 0));
            return new MotionProfile(out, Double.NaN);
        }
        addTrapezoid(out, t, x, Math.abs(v), distance, maxSpeed, accel);
        return new MotionProfile(out, Double.NaN);
    }

    /** Accelerate from speed {@code u} (towards the target) to a peak, cruise, decelerate to rest at the target. */
    private static void addTrapezoid(List<MotionPhase> out, double t, double x, double u, double distance,
                                     double maxSpeed, double accel) {
        double dir = Math.signum(distance);
        double d = Math.abs(distance);
        double peak = Math.min(maxSpeed, Math.sqrt(accel * d + u * u / 2));
        double rampSeconds = Math.abs(peak - u) / accel;
        double rampMm = Math.abs(peak * peak - u * u) / (2 * accel);
        double brakeMm = peak * peak / (2 * accel);
        double cruiseMm = Math.max(0, d - rampMm - brakeMm);
        MotionPhase ramp = new MotionPhase(t, rampSeconds, x, dir * u, dir * Math.signum(peak - u) * accel);
        MotionPhase cruise = new MotionPhase(ramp.endSeconds(), cruiseMm / peak, ramp.endMm(), dir * peak, 0);
        MotionPhase brake = new MotionPhase(cruise.endSeconds(), peak / accel, cruise.endMm(), dir * peak,
                -dir * accel);
        out.add(ramp);
        out.add(cruise);
        out.add(brake);
        out.add(new MotionPhase(brake.endSeconds(), 0, x + distance, 0, 0));
    }

    /** Ramp at {@code accel} to {@code targetSpeed} (signed) and keep it; a target of 0 is a stop. */
    static MotionProfile toVelocity(double t, double x, double v, double targetSpeed, double accel) {
        List<MotionPhase> out = new ArrayList<>();
        MotionPhase ramp = new MotionPhase(t, Math.abs(targetSpeed - v) / accel, x, v,
                Math.signum(targetSpeed - v) * accel);
        out.add(ramp);
        double cruiseSeconds = targetSpeed == 0 ? 0 : Double.POSITIVE_INFINITY;
        out.add(new MotionPhase(ramp.endSeconds(), cruiseSeconds, ramp.endMm(), targetSpeed, 0));
        return new MotionProfile(out, Double.NaN);
    }

    /**
     * This profile with a hard stop where it first leaves {@code [minMm, maxMm]}: the belt halts at the limit,
     * as when a limit sensor trips.
     */
    MotionProfile limitedTo(double minMm, double maxMm) {
        List<MotionPhase> kept = new ArrayList<>();
        for (MotionPhase phase : phases) {
            double up = outwardCrossing(phase, maxMm, +1);
            double down = outwardCrossing(phase, minMm, -1);
            double cut = Double.isNaN(up) ? down : Double.isNaN(down) ? up : Math.min(up, down);
            if (!Double.isNaN(cut)) {
                double limit = cut == up ? maxMm : minMm;
                MotionPhase last = phase.truncated(cut);
                kept.add(last);
                kept.add(new MotionPhase(last.endSeconds(), 0, limit, 0, 0));
                return new MotionProfile(kept, last.endSeconds());
            }
            kept.add(phase);
        }
        return this;
    }

    /** First time within {@code phase} it passes {@code limitMm} moving in {@code direction}, or NaN. */
    private static double outwardCrossing(MotionPhase phase, double limitMm, int direction) {
        if (furthest(phase, direction) <= direction * limitMm + LIMIT_TOLERANCE_MM) {
            return Double.NaN;
        }
        double a = 0.5 * phase.mmPerSecondSquared();
        double b = phase.startMmPerSecond();
        double c = phase.startMm() - limitMm;
        double[] roots;
        if (Math.abs(a) < 1e-15) {
            roots = Math.abs(b) < 1e-15 ? new double[0] : new double[] {-c / b};
        } else {
            double disc = b * b - 4 * a * c;
            if (disc < 0) {
                return Double.NaN;
            }
            double sq = Math.sqrt(disc);
            roots = new double[] {Math.min((-b - sq) / (2 * a), (-b + sq) / (2 * a)),
                    Math.max((-b - sq) / (2 * a), (-b + sq) / (2 * a))};
        }
        for (double root : roots) {
            boolean inPhase = root >= -EPS && root <= phase.durationSeconds();
            if (inPhase && phase.velocityAfter(Math.max(root, 0)) * direction >= 0) {
                return Math.max(root, 0);
            }
        }
        return Double.NaN;
    }

    /** The largest of {@code direction * position} over the phase. */
    private static double furthest(MotionPhase phase, int direction) {
        double v = phase.startMmPerSecond();
        double a = phase.mmPerSecondSquared();
        if (Double.isInfinite(phase.durationSeconds())) {
            return v * direction > 0 || a * direction > 0 ? Double.POSITIVE_INFINITY : direction * phase.startMm();
        }
        double furthest = Math.max(direction * phase.startMm(), direction * phase.endMm());
        if (a != 0) {
            double vertex = -v / a;
            if (vertex > 0 && vertex < phase.durationSeconds()) {
                furthest = Math.max(furthest, direction * phase.positionAfter(vertex));
            }
        }
        return furthest;
    }

    double positionAt(double t) {
        MotionPhase phase = phaseAt(t);
        return t >= phase.endSeconds() ? phase.endMm() : phase.positionAfter(Math.max(0, t - phase.startSeconds()));
    }

    double velocityAt(double t) {
        MotionPhase phase = phaseAt(t);
        return t >= phase.endSeconds() ? 0 : phase.velocityAfter(Math.max(0, t - phase.startSeconds()));
    }

    boolean movingAt(double t) {
        return t < endSeconds();
    }

    /** When the belt comes to rest (infinite for an endless velocity move). */
    double endSeconds() {
        return phases.get(phases.size() - 1).endSeconds();
    }

    /** True if this profile ends on a travel limit that has been reached by {@code t}. */
    boolean limitHitBy(double t) {
        return !Double.isNaN(limitHitSeconds) && t >= limitHitSeconds;
    }

    private MotionPhase phaseAt(double t) {
        for (MotionPhase phase : phases) {
            if (t < phase.endSeconds()) {
                return phase;
            }
        }
        return phases.get(phases.size() - 1);
    }
}
