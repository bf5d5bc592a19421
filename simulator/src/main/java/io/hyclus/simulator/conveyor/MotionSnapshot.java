package io.hyclus.simulator.conveyor;

import io.hyclus.hardware.conveyor.WarningFlag;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated belt at one instant.
 *
 * @param positionMm          position from home, mm
 * @param velocityMmPerSecond signed velocity, mm/s
 * @param moving              true until the current motion has ended
 * @param flags               latched warning flags
 */
public record MotionSnapshot(double positionMm, double velocityMmPerSecond, boolean moving, Set<WarningFlag> flags) {
    public MotionSnapshot {
        flags = Set.copyOf(flags);
    }

    /** The flag a Zaber reply would show: the most severe one (faults, then warnings, then notices). */
    public Optional<WarningFlag> mostSevereFlag() {
        return flags.stream().min(Comparator.comparing(WarningFlag::severity).thenComparing(Enum::ordinal));
    }
}
