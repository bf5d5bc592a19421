package io.hyclus.app.devices;

import io.hyclus.app.rig.SimulatedDevices;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.simulator.fault.FaultPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code hyclus simulate-devices}: simulated conveyor and cameras on pseudo-terminals, until Ctrl-C. */
@Command(name = "simulate-devices", mixinStandardHelpOptions = true,
        description = "Serves a simulated Zaber conveyor and VNIR and SWIR camera control links on pseudo-terminals "
                + "(needs socat) and prints their ports, so 'hyclus devices', 'belt' and 'camera' can be tried without "
                + "hardware. Runs until Ctrl-C.")
public final class SimulateDevicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        try (SimulatedDevices d = SimulatedDevices.start(List.of(CameraIdentity.vnir("SIM" + seed),
                CameraIdentity.swir("SIM" + seed)), Map.of(), FaultPlan.none(), InstantSource.system(), seed)) {
            out.println("conveyor " + d.conveyorPort());
            out.println("vnir     " + d.cameraPort(SensorKind.VNIR));
            out.println("swir     " + d.cameraPort(SensorKind.SWIR));
            out.printf("Try: hyclus devices --conveyor %s --vnir %s --swir %s%n", d.conveyorPort(),
                    d.cameraPort(SensorKind.VNIR), d.cameraPort(SensorKind.SWIR));
            out.println("Press Ctrl-C to stop.");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                d.close(); // stops socat too: no pseudo-terminal outlives the command
                stop.countDown();
            }, "simulate-devices-shutdown"));
            stop.await();
        }
        return 0;
    }
}
