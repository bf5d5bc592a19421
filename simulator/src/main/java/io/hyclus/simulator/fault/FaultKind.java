package io.hyclus.simulator.fault;

/** What a simulator does wrong when a {@link FaultInjection} fires on a command. */
public enum FaultKind {
    /** Executes the command, sends no reply. */
    SILENCE,
    /** Executes the command, replies with seeded random bytes and a line end instead. */
    GARBAGE,
    /** Executes the command, sends the first half of its reply without line end, then nothing. */
    PARTIAL_REPLY,
    /** Does not execute the command; replies with the protocol's refusal and the injection's reason. */
    REJECT,
    /** Conveyor only: executes the command, then the belt stalls (halts, {@code FS} latched); replies with the flag. */
    STALL,
    /** Drops off the line before replying: the port is closed, the simulated device halts. */
    DISCONNECT
}
