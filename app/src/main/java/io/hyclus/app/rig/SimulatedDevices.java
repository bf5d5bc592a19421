package io.hyclus.app.rig;

import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.hardware.serial.JSerialCommLink;
import io.hyclus.simulator.protocol.PtyPair;
import io.hyclus.hardware.serial.SerialSettings;
import io.hyclus.simulator.protocol.CameraControlSimulator;
import io.hyclus.simulator.fault.FaultPlan;
import io.hyclus.simulator.conveyor.SimulatedConveyor;
import io.hyclus.simulator.conveyor.SimulatedConveyorSettings;
import io.hyclus.simulator.protocol.ZaberDeviceSimulator;
import io.hyclus.simulator.protocol.ZaberSimulatorSettings;

import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The device side of a simulated rig: a Zaber conveyor simulator and one control simulator per camera, each
 * serving its protocol on the device end of a socat pty pair. Drivers open the host ends ({@link #conveyorPort()},
 * {@link #cameraPort}).
 */
public final class SimulatedDevices implements AutoCloseable {
    /**
     * The simulated belt of every rig, in-process or serial: 200 mm/s top speed, 1000 mm/s² (top speed within
     * 20 mm, the scan's default run-up), 2 m of travel.
     */
    static final SimulatedConveyorSettings BELT = new SimulatedConveyorSettings("belt", 200, 1000, 2000);

    private final Parts parts = new Parts();
    private final SimulatedConveyor belt;
    private String conveyorPort;
    private final Map<SensorKind, String> cameraPorts = new EnumMap<>(SensorKind.class);
    private final Map<SensorKind, CameraControlSimulator> cameras = new EnumMap<>(SensorKind.class);

    private SimulatedDevices(SimulatedConveyor belt) {
        this.belt = belt;
    }

    /** Starts the conveyor simulator and one camera simulator per identity, with their faults. */
    public static SimulatedDevices start(List<CameraIdentity> identities, Map<SensorKind, FaultPlan> cameraFaults,
                                         FaultPlan conveyorFaults, InstantSource clock, long seed) {
        SimulatedDevices d = new SimulatedDevices(new SimulatedConveyor(BELT, clock));
        try {
            PtyPair line = d.line();
            d.parts.add(ZaberDeviceSimulator.start(JSerialCommLink.open(SerialSettings.of(line.devicePath())), d.belt,
                    ZaberSimulatorSettings.defaults().withFaults(conveyorFaults), line::close));
            d.conveyorPort = line.hostPath();
            for (CameraIdentity id : identities) {
                PtyPair camLine = d.line();
                CameraControlSimulator sim = CameraControlSimulator.start(JSerialCommLink.open(
                        SerialSettings.of(camLine.devicePath())), id, clock, seed + id.kind().ordinal(),
                        cameraFaults.getOrDefault(id.kind(), FaultPlan.none()), camLine::close);
                d.parts.add(sim);
                d.cameras.put(id.kind(), sim);
                d.cameraPorts.put(id.kind(), camLine.hostPath());
            }
            return d;
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private PtyPair line() {
        PtyPair p = PtyPair.start();
        parts.add(p);
        return p;
    }

    public String conveyorPort() {
        return conveyorPort;
    }

    public String cameraPort(SensorKind kind) {
        return cameraPorts.get(kind);
    }

    public CameraControlSimulator camera(SensorKind kind) {
        return cameras.get(kind);
    }

    public SimulatedConveyor belt() {
        return belt;
    }

    @Override
    public void close() {
        parts.close();
    }
}
