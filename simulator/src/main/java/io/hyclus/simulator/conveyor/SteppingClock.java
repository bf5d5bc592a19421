package io.hyclus.simulator.conveyor;

import io.hyclus.core.Checks;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated time that moves on by a fixed step each time it is read, starting at a given instant. A
 * {@link SimulatedConveyor} on it moves only as fast as it is watched: a scan that reads the encoder until the next
 * line is reached never falls behind the belt, however long its frames take to compute, and needs no real waiting.
 * Thread-safe.
 */
public final class SteppingClock implements InstantSource {
    private final Instant start;
    private final long stepNanos;
    private final AtomicLong reads = new AtomicLong();

    public SteppingClock(Instant start, Duration step) {
        this.start = Checks.notNull("start", start);
        Checks.notNull("step", step);
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("clock step must be positive: " + step);
        }
        this.stepNanos = step.toNanos();
    }

    @Override
    public Instant instant() {
        return start.plusNanos(stepNanos * reads.getAndIncrement());
    }
}
