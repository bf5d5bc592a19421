package io.hyclus.hardware.camera.control;

import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.serial.JSerialCommLink;
import io.hyclus.hardware.serial.SerialSettings;
import io.hyclus.simulator.protocol.CameraControlSimulator;
import io.hyclus.simulator.fault.FaultPlan;
import io.hyclus.testkit.ManualClock;
import io.hyclus.simulator.protocol.PtyPair;

import java.time.Duration;

/** A simulated camera on the device end of a pty pair, and the serial settings for the host end. */
final class CameraRig implements AutoCloseable {
    static final Duration REPLY_TIMEOUT = Duration.ofMillis(150);

    final PtyPair pty;
    final ManualClock clock = ManualClock.atEpoch();
    final CameraControlSimulator camera;
    final SerialSettings serial;

    private CameraRig(CameraIdentity identity, FaultPlan faults) {
        this.pty = PtyPair.start();
        this.camera = CameraControlSimulator.start(JSerialCommLink.open(SerialSettings.of(pty.devicePath())),
                identity, clock, 7, faults, pty::close);
        this.serial = SerialSettings.of(pty.hostPath()).withReplyTimeout(REPLY_TIMEOUT).withRetries(2);
    }

    static CameraRig vnir(FaultPlan faults) {
        return new CameraRig(CameraIdentity.vnir("V0042"), faults);
    }

    static CameraRig swir(FaultPlan faults) {
        return new CameraRig(CameraIdentity.swir("S0007"), faults);
    }

    SerialCameraControl driver(SensorKind expected) {
        return SerialCameraControl.open(serial, "cam-1", expected);
    }

    @Override
    public void close() {
        camera.close();
        pty.close();
    }
}
