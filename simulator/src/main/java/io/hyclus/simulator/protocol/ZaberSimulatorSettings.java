package io.hyclus.simulator.protocol;

import io.hyclus.simulator.fault.FaultPlan;

import io.hyclus.core.Checks;
import io.hyclus.hardware.conveyor.ZaberUnits;

/**
 * How the simulated Zaber controller presents itself.
 *
 * @param address        its device address, 1-99; commands to other addresses get no reply
 * @param units          microsteps per mm and Zaber's speed scales, as on the real device
 * @param replyChecksums append {@code :checksum} to every reply ({@code comm.checksum 1})
 * @param faults         injected faults
 */
public record ZaberSimulatorSettings(int address, ZaberUnits units, boolean replyChecksums, FaultPlan faults) {
    public ZaberSimulatorSettings {
        if (address < 1 || address > 99) {
            throw new IllegalArgumentException("Zaber device address must be 1-99: " + address);
        }
        Checks.notNull("Zaber units", units);
        Checks.notNull("fault plan", faults);
    }

    /** Address 1, default units, no reply checksums, no faults. */
    public static ZaberSimulatorSettings defaults() {
        return new ZaberSimulatorSettings(1, ZaberUnits.DEFAULT, false, FaultPlan.none());
    }

    public ZaberSimulatorSettings withFaults(FaultPlan plan) {
        return new ZaberSimulatorSettings(address, units, replyChecksums, plan);
    }

    public ZaberSimulatorSettings withReplyChecksums(boolean on) {
        return new ZaberSimulatorSettings(address, units, on, faults);
    }
}
