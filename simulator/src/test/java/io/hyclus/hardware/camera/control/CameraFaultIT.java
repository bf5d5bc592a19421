package io.hyclus.hardware.camera.control;

import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.CommandRejectedException;
import io.hyclus.hardware.DeviceDisconnectedException;
import io.hyclus.hardware.DeviceException;
import io.hyclus.hardware.DeviceTimeoutException;
import io.hyclus.hardware.ProtocolException;
import io.hyclus.simulator.fault.FaultInjection;
import io.hyclus.simulator.fault.FaultKind;
import io.hyclus.simulator.fault.FaultPlan;
import io.hyclus.testkit.FaultTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every injected camera fault surfaces as its own exception within a bounded time and names camera, port, command. */
@Timeout(10)
class CameraFaultIT {
    @Test
    void silence_everyAttempt_timesOut() {
        try (CameraRig rig = CameraRig.vnir(plan(FaultInjection.on("STAT", FaultKind.SILENCE).persistent()));
             SerialCameraControl cam = rig.driver(SensorKind.VNIR)) {
            DeviceTimeoutException e = FaultTiming.failsWithin(DeviceTimeoutException.class, cam::settings);
            assertNames(e, rig, "STAT?");
        }
    }

    @Test
    void silence_once_isRetried_andTheSettingApplied() {
        try (CameraRig rig = CameraRig.vnir(plan(FaultInjection.on("INT", FaultKind.SILENCE)));
             SerialCameraControl cam = rig.driver(SensorKind.VNIR)) {
            cam.setIntegrationMicros(5_000);
            assertEquals(5_000, rig.camera.settings().integrationMicros());
        }
    }

    @Test
    void garbage_everyAttempt_isProtocolError() {
        try (CameraRig rig = CameraRig.vnir(plan(FaultInjection.on("INT", FaultKind.GARBAGE).persistent()));
             SerialCameraControl cam = rig.driver(SensorKind.VNIR)) {
            ProtocolException e = FaultTiming.failsWithin(ProtocolException.class, () -> cam.setIntegrationMicros(5_000));
            assertNames(e, rig, "INT 5000");
            assertTrue(e.getMessage().contains("garbled reply"), e.getMessage());
        }
    }

    @Test
    void partialReply_everyAttempt_isProtocolErrorShowingTheFragment() {
        try (CameraRig rig = CameraRig.vnir(plan(FaultInjection.on("TEMP", FaultKind.PARTIAL_REPLY).persistent()));
             SerialCameraControl cam = rig.driver(SensorKind.VNIR)) {
            ProtocolException e = FaultTiming.failsWithin(ProtocolException.class, cam::temperatureCelsius);
            assertNames(e, rig, "TEMP?");
            assertTrue(e.getMessage().contains("partial reply 'OK TE"), e.getMessage());
        }
    }

    @Test
    void rejected_isCommandRejectedWithTheCode_andNotApplied() {
        try (CameraRig rig = CameraRig.vnir(plan(FaultInjection.reject("SHUT", "HARDWARE")));
             SerialCameraControl cam = rig.driver(SensorKind.VNIR)) {
            CommandRejectedException e = FaultTiming.failsWithin(CommandRejectedException.class, () -> cam.setShutterOpen(false));
            assertEquals("HARDWARE", e.reason());
            assertNames(e, rig, "SHUT CLOSED");
            assertTrue(e.getMessage().contains("ER 06 HARDWARE"), e.getMessage());
            assertTrue(rig.camera.settings().shutterOpen());
        }
    }

    @Test
    void disconnectMidScan_isDisconnected_andAcquisitionStops() {
        try (CameraRig rig = CameraRig.vnir(plan(FaultInjection.on("TEMP", FaultKind.DISCONNECT)));
             SerialCameraControl cam = rig.driver(SensorKind.VNIR)) {
            cam.startAcquisition();
            assertTrue(rig.camera.settings().acquiring());
            DeviceDisconnectedException e = FaultTiming.failsWithin(DeviceDisconnectedException.class, cam::temperatureCelsius);
            assertNames(e, rig, "TEMP?");
            assertFalse(rig.camera.isConnected());
            assertFalse(rig.camera.settings().acquiring());
        }
    }

    @Test
    void stall_isNotACameraFault() {
        try (CameraRig rig = CameraRig.vnir(FaultPlan.none())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> io.hyclus.simulator.protocol.CameraControlSimulator.start(null, CameraIdentity.vnir("V1"), rig.clock,
                            1, plan(FaultInjection.on("", FaultKind.STALL)), () -> { }));
            assertTrue(e.getMessage().contains("cannot stall"), e.getMessage());
        }
    }

    private static FaultPlan plan(FaultInjection injection) {
        return FaultPlan.of(3, injection);
    }

    private static void assertNames(DeviceException e, CameraRig rig, String command) {
        String message = e.getMessage();
        assertTrue(message.contains("VNIR camera cam-1 (V0042)"), message);
        assertTrue(message.contains(rig.pty.hostPath()), message);
        assertTrue(message.contains("'" + command + "'"), message);
    }
}
