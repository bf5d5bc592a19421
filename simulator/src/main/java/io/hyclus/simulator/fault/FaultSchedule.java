package io.hyclus.simulator.fault;

import java.util.Optional;

/** Counts commands against a {@link FaultPlan} and says which fault, if any, fires on the next one. */
public final class FaultSchedule {
    private final FaultPlan plan;
    private final int[] matched;
    private final int[] fired;

    public FaultSchedule(FaultPlan plan) {
        this.plan = plan;
        this.matched = new int[plan.injections().size()];
        this.fired = new int[plan.injections().size()];
    }

    /** Counts {@code commandKey} and returns the fault that fires on it. */
    public synchronized Optional<FaultInjection> next(String commandKey) {
        FaultInjection chosen = null;
        for (int i = 0; i < matched.length; i++) {
            FaultInjection injection = plan.injections().get(i);
            if (!injection.matches(commandKey)) {
                continue;
            }
            matched[i]++;
            if (matched[i] > injection.skip() && fired[i] < injection.times()) {
                fired[i]++;
                if (chosen == null) {
                    chosen = injection;
                }
            }
        }
        return Optional.ofNullable(chosen);
    }
}
