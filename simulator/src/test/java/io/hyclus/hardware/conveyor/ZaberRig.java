package io.hyclus.hardware.conveyor;

import io.hyclus.hardware.serial.JSerialCommLink;
import io.hyclus.hardware.serial.SerialSettings;
import io.hyclus.simulator.fault.FaultPlan;
import io.hyclus.simulator.conveyor.SimulatedConveyor;
import io.hyclus.simulator.conveyor.SimulatedConveyorSettings;
import io.hyclus.simulator.protocol.ZaberDeviceSimulator;
import io.hyclus.simulator.protocol.ZaberSimulatorSettings;
import io.hyclus.simulator.protocol.PtyPair;

import java.time.Duration;
import java.time.InstantSource;

/** A driver and a simulated controller joined by a socat pty pair, with a fast belt (200 mm/s, 2000 mm/s²). */
final class ZaberRig implements AutoCloseable {
    static final Duration REPLY_TIMEOUT = Duration.ofMillis(150);
    static final int RETRIES = 2;

    final PtyPair pty;
    final SimulatedConveyor belt;
    final ZaberDeviceSimulator device;
    final ZaberConveyor driver;
    final ZaberSettings settings;

    private ZaberRig(PtyPair pty, SimulatedConveyor belt, ZaberDeviceSimulator device, ZaberConveyor driver,
                     ZaberSettings settings) {
        this.pty = pty;
        this.belt = belt;
        this.device = device;
        this.driver = driver;
        this.settings = settings;
    }

    static ZaberRig start(FaultPlan faults) {
        return start(faults, 500, false);
    }

    static ZaberRig start(FaultPlan faults, double travelMm, boolean checksums) {
        PtyPair pty = PtyPair.start();
        SimulatedConveyor belt = new SimulatedConveyor(
                new SimulatedConveyorSettings("belt", 200, 2000, travelMm), InstantSource.system());
        ZaberDeviceSimulator device = ZaberDeviceSimulator.start(
                JSerialCommLink.open(SerialSettings.of(pty.devicePath())), belt,
                ZaberSimulatorSettings.defaults().withFaults(faults).withReplyChecksums(checksums), pty::close);
        SerialSettings serial = SerialSettings.of(pty.hostPath()).withReplyTimeout(REPLY_TIMEOUT).withRetries(RETRIES);
        ZaberSettings settings = ZaberSettings.defaults("conveyor", serial).withChecksums(checksums);
        return new ZaberRig(pty, belt, device, ZaberConveyor.open(settings), settings);
    }

    @Override
    public void close() {
        driver.close();
        device.close();
        pty.close();
    }
}
