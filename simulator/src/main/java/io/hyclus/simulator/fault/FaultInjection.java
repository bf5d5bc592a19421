package io.hyclus.simulator.fault;

import io.hyclus.core.Checks;

/**
 * One fault and when it fires. Commands are matched by prefix on the simulator's command key: for Zaber the
 * command words ({@code "get pos"}, {@code "move"}, {@code ""} for every command including status polls), for
 * the camera the line itself ({@code "INT"}, {@code "ACQ START"}).
 *
 * @param kind          what goes wrong
 * @param commandPrefix which commands count, {@code ""} for all
 * @param skip          how many matching commands are served normally before the fault fires
 * @param times         on how many consecutive matching commands it fires ({@link #PERSISTENT} for ever)
 * @param rejectReason  for {@link FaultKind#REJECT}: the reason word or error name the refusal carries, else
 *                      empty
 */
public record FaultInjection(FaultKind kind, String commandPrefix, int skip, int times, String rejectReason) {
    /** Fires on every matching command from the first firing on. */
    public static final int PERSISTENT = Integer.MAX_VALUE;

    public FaultInjection {
        Checks.notNull("fault kind", kind);
        Checks.notNull("command prefix", commandPrefix);
        if (skip < 0) {
            throw new IllegalArgumentException("commands to skip must not be negative: " + skip);
        }
        Checks.positive("times a fault fires", times);
        Checks.notNull("reject reason", rejectReason);
        if (kind == FaultKind.REJECT && !rejectReason.matches("[A-Z][A-Z_]*")) {
            throw new IllegalArgumentException("a REJECT fault needs an upper-case reason such as BADDATA: '"
                    + rejectReason + "'");
        }
        if (kind != FaultKind.REJECT && !rejectReason.isEmpty()) {
            throw new IllegalArgumentException("only REJECT faults carry a reason, not " + kind + ": '"
                    + rejectReason + "'");
        }
    }

    /** {@code kind} on the first command starting with {@code commandPrefix}, once. */
    public static FaultInjection on(String commandPrefix, FaultKind kind) {
        return new FaultInjection(kind, commandPrefix, 0, 1, "");
    }

    /** A refusal with {@code reason} on the first command starting with {@code commandPrefix}, once. */
    public static FaultInjection reject(String commandPrefix, String reason) {
        return new FaultInjection(FaultKind.REJECT, commandPrefix, 0, 1, reason);
    }

    public FaultInjection afterSkipping(int commands) {
        return new FaultInjection(kind, commandPrefix, commands, times, rejectReason);
    }

    public FaultInjection times(int count) {
        return new FaultInjection(kind, commandPrefix, skip, count, rejectReason);
    }

    public FaultInjection persistent() {
        return times(PERSISTENT);
    }

    boolean matches(String commandKey) {
        return commandKey.startsWith(commandPrefix);
    }
}
