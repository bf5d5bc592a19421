package io.hyclus.simulator.protocol;

import io.hyclus.simulator.fault.FaultKind;
import io.hyclus.simulator.fault.FaultPlan;

import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.hardware.serial.SerialLink;

import java.time.InstantSource;

/**
 * A line-scan camera's control link, served on a serial port: the command set of docs/camera-protocol.md with
 * range checks and error codes, a {@link CameraSettings} state that other code can read (e.g. a frame generator
 * honouring integration time and shutter), and a simulated sensor temperature. Faults come from the
 * {@link FaultPlan}; {@link FaultKind#STALL} does not apply to cameras.
 */
public final class CameraControlSimulator implements AutoCloseable {
    private final CameraProtocolDevice device;
    private final SensorTemperature temperature;
    private final LineServer server;

    private CameraControlSimulator(CameraProtocolDevice device, SensorTemperature temperature, LineServer server) {
        this.device = device;
        this.temperature = temperature;
        this.server = server;
    }

    /**
     * Starts serving on {@code link} (the camera's end of the line) in a new thread.
     *
     * @param seed         seeds the temperature noise
     * @param onDisconnect run when a DISCONNECT fault fires, after the simulator has closed its end
     */
    public static CameraControlSimulator start(SerialLink link, CameraIdentity identity, InstantSource clock, long seed,
                                               FaultPlan faults, Runnable onDisconnect) {
        if (faults.contains(FaultKind.STALL)) {
            throw new IllegalArgumentException("a camera cannot stall; remove STALL from " + faults);
        }
        SensorTemperature temperature = new SensorTemperature(identity.kind(), clock, seed);
        CameraProtocolDevice device = new CameraProtocolDevice(identity, temperature);
        LineServer server = new LineServer(link, device, faults, onDisconnect);
        server.start();
        return new CameraControlSimulator(device, temperature, server);
    }

    /** The control state as the camera holds it now. */
    public CameraSettings settings() {
        return device.state();
    }

    /** The noiseless model temperature, °C. */
    public double temperatureCelsius() {
        return temperature.trueCelsius();
    }

    /** False after a DISCONNECT fault or {@link #close()}. */
    public boolean isConnected() {
        return server.isConnected();
    }

    @Override
    public void close() {
        server.close();
    }
}
