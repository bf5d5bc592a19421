package io.hyclus.simulator.protocol;

import io.hyclus.simulator.conveyor.SimulatedConveyor;
import io.hyclus.simulator.fault.FaultKind;

import io.hyclus.hardware.serial.SerialLink;

/**
 * A Zaber ASCII controller with one belt axis, served on a serial port and backed by a {@link SimulatedConveyor}.
 * Understands the empty status poll, {@code home}, {@code move abs|rel|vel}, {@code stop}, {@code get pos|maxspeed|accel},
 * {@code set maxspeed|accel}, {@code warnings [clear]}; replies {@code RJ BADCOMMAND}, {@code BADDATA} or
 * {@code BADAXIS} like the real device, and nothing to commands for other addresses. Faults come from
 * {@link ZaberSimulatorSettings#faults()}.
 *
 * <p>A pseudo-terminal pair survives one end closing, so a {@link FaultKind#DISCONNECT} also runs the
 * {@code onDisconnect} hook given by whoever owns the line (a test closes the pty pair there, like pulling the
 * cable). The simulated controller halts its belt when it drops off the line, as a controller reset would.
 */
public final class ZaberDeviceSimulator implements AutoCloseable {
    private final SimulatedConveyor conveyor;
    private final LineServer server;

    private ZaberDeviceSimulator(SimulatedConveyor conveyor, LineServer server) {
        this.conveyor = conveyor;
        this.server = server;
    }

    /**
     * Starts serving on {@code link} (the device's end of the line) in a new thread.
     *
     * @param onDisconnect run when a DISCONNECT fault fires, after the simulator has closed its end
     */
    public static ZaberDeviceSimulator start(SerialLink link, SimulatedConveyor conveyor,
                                             ZaberSimulatorSettings settings, Runnable onDisconnect) {
        LineServer server = new LineServer(link, new ZaberProtocolDevice(conveyor, settings), settings.faults(),
                onDisconnect);
        server.start();
        return new ZaberDeviceSimulator(conveyor, server);
    }

    /** The motion model behind the device. */
    public SimulatedConveyor conveyor() {
        return conveyor;
    }

    /** False after a DISCONNECT fault or {@link #close()}. */
    public boolean isConnected() {
        return server.isConnected();
    }

    /** Stops the serving thread and closes the device's end of the line. */
    @Override
    public void close() {
        server.close();
    }
}
