package io.hyclus.simulator.protocol;

import io.hyclus.simulator.fault.FaultKind;

import java.util.List;

/** A simulated device's side of a line protocol, served by a {@link LineServer}. */
interface LineDevice {
    /** Name in logs. */
    String name();

    /** The part of a command line that fault injections match on. */
    String commandKey(String line);

    /**
     * Executes one command line.
     *
     * @param stall true when a {@link FaultKind#STALL} fires on this command
     * @return reply lines without line ends; empty when the device does not answer (e.g. another address)
     */
    List<String> execute(String line, boolean stall);

    /** The refusal of {@code line} with {@code reason}, without executing it. */
    String rejection(String line, String reason);

    /** The line is gone: halt whatever the device is doing. */
    void disconnected();
}
