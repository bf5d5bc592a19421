package io.hyclus.simulator.fault;

import io.hyclus.core.Checks;

import java.util.List;

/**
 * Which faults a simulator injects, in order of precedence, and the seed of its garbage bytes.
 *
 * @param injections faults; when several fire on one command, the first listed wins
 * @param seed       seed for garbage bytes and any other randomness of the fault injection
 */
public record FaultPlan(List<FaultInjection> injections, long seed) {
    public FaultPlan {
        injections = List.copyOf(Checks.notNull("fault injections", injections));
    }

    /** No faults. */
    public static FaultPlan none() {
        return new FaultPlan(List.of(), 0);
    }

    public static FaultPlan of(long seed, FaultInjection... injections) {
        return new FaultPlan(List.of(injections), seed);
    }

    public boolean contains(FaultKind kind) {
        return injections.stream().anyMatch(i -> i.kind() == kind);
    }
}
