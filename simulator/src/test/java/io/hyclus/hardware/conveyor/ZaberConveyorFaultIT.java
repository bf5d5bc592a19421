package io.hyclus.hardware.conveyor;

import io.hyclus.hardware.CommandRejectedException;
import io.hyclus.hardware.DeviceDisconnectedException;
import io.hyclus.hardware.DeviceException;
import io.hyclus.hardware.DeviceTimeoutException;
import io.hyclus.hardware.ProtocolException;
import io.hyclus.simulator.fault.FaultInjection;
import io.hyclus.simulator.fault.FaultKind;
import io.hyclus.simulator.fault.FaultPlan;
import io.hyclus.testkit.Await;
import io.hyclus.testkit.FaultTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every injected fault of the simulated controller surfaces as its own exception within a bounded time, names
 * the device, port, command and reply, and leaves the belt stopped.
 */
@Timeout(10)
class ZaberConveyorFaultIT {
    @Test
    void silentQuery_everyAttempt_timesOutAfterRetries() {
        try (ZaberRig rig = ZaberRig.start(plan(FaultInjection.on("get pos", FaultKind.SILENCE).persistent()))) {
            DeviceTimeoutException e = FaultTiming.failsWithin(DeviceTimeoutException.class, rig.driver::positionMicrons);
            assertNames(e, rig, "get pos");
            assertTrue(e.getMessage().contains("did not reply"), e.getMessage());
        }
    }

    @Test
    void silentQuery_once_isRetriedAndAnswersTheRightPosition() {
        try (ZaberRig rig = ZaberRig.start(plan(FaultInjection.on("get pos", FaultKind.SILENCE)))) {
            rig.driver.moveAbsoluteMm(5);
            rig.driver.awaitIdle(Duration.ofSeconds(2));
            assertEquals(5_000, rig.driver.positionMicrons(), 2);
        }
    }

    @Test
    void garbageReply_everyAttempt_isProtocolError() {
        try (ZaberRig rig = ZaberRig.start(plan(FaultInjection.on("get pos", FaultKind.GARBAGE).persistent()))) {
            ProtocolException e = FaultTiming.failsWithin(ProtocolException.class, rig.driver::positionMicrons);
            assertNames(e, rig, "get pos");
            assertTrue(e.getMessage().contains("garbled reply"), e.getMessage());
        }
    }

    @Test
    void partialReply_everyAttempt_isProtocolErrorShowingTheFragment() {
        try (ZaberRig rig = ZaberRig.start(plan(FaultInjection.on("get pos", FaultKind.PARTIAL_REPLY).persistent()))) {
            ProtocolException e = FaultTiming.failsWithin(ProtocolException.class, rig.driver::positionMicrons);
            assertNames(e, rig, "get pos");
            assertTrue(e.getMessage().contains("partial reply '@01 1"), e.getMessage());
        }
    }

    @Test
    void rejectedSetting_isCommandRejectedWithTheDevicesReason() {
        try (ZaberRig rig = ZaberRig.start(plan(FaultInjection.reject("set maxspeed", "STATUSBUSY")))) {
            CommandRejectedException e = FaultTiming.failsWithin(CommandRejectedException.class,
                    () -> rig.driver.setMaxSpeed(120));
            assertEquals("STATUSBUSY", e.reason());
            assertNames(e, rig, "set maxspeed");
            assertTrue(e.getMessage().contains("RJ IDLE -- STATUSBUSY"), e.getMessage());
            assertEquals(200, rig.belt.maxSpeedMmPerSecond(), 1e-9, "a rejected setting is not applied");
        }
    }

    @Test
    void stallDuringVelocityMove_isStallWarning_andBeltStaysStopped() {
        try (ZaberRig rig = ZaberRig.start(plan(FaultInjection.on("get pos", FaultKind.STALL).afterSkipping(1)))) {
            rig.driver.moveAtVelocity(80);
            long before = rig.driver.positionMicrons();
            DeviceWarningException e = FaultTiming.failsWithin(DeviceWarningException.class, rig.driver::positionMicrons);
            assertEquals(WarningFlag.STALLED_AND_STOPPED, e.flag());
            assertNames(e, rig, "get pos");
            assertTrue(e.getMessage().contains("OK IDLE FS"), e.getMessage());
            assertFalse(rig.belt.snapshot().moving());
            assertTrue(rig.belt.snapshot().positionMm() * 1000 >= before);
            assertEquals(Set.of(WarningFlag.STALLED_AND_STOPPED), rig.driver.clearWarnings());
            assertFalse(rig.driver.isBusy());
        }
    }

    @Test
    void silentMoveCommand_isNotResent_timesOut_andTheBeltIsStopped() {
        try (ZaberRig rig = ZaberRig.start(plan(FaultInjection.on("move vel", FaultKind.SILENCE)))) {
            DeviceTimeoutException e = FaultTiming.failsWithin(DeviceTimeoutException.class,
                    () -> rig.driver.moveAtVelocity(80));
            assertNames(e, rig, "move vel");
            assertStopped(rig);
        }
    }

    @Test
    void garbledMoveReply_isProtocolError_andTheBeltIsStopped() {
        try (ZaberRig rig = ZaberRig.start(plan(FaultInjection.on("move vel", FaultKind.GARBAGE)))) {
            ProtocolException e = FaultTiming.failsWithin(ProtocolException.class, () -> rig.driver.moveAtVelocity(80));
            assertNames(e, rig, "move vel");
            assertStopped(rig);
        }
    }

    @Test
    void partialReplyDuringScan_isProtocolError_andTheBeltIsStopped() {
        try (ZaberRig rig = ZaberRig.start(plan(FaultInjection.on("get pos", FaultKind.PARTIAL_REPLY).afterSkipping(3)
                .persistent()))) {
            rig.driver.moveAtVelocity(60);
            ProtocolException e = FaultTiming.failsWithin(ProtocolException.class, () -> {
                while (true) {
                    rig.driver.positionMicrons();
                }
            });
            assertNames(e, rig, "get pos");
            assertTrue(e.getMessage().contains("partial reply"), e.getMessage());
            assertStopped(rig);
        }
    }

    @Test
    void disconnectMidScan_isDisconnected_andTheBeltIsStopped() {
        try (ZaberRig rig = ZaberRig.start(plan(FaultInjection.on("get pos", FaultKind.DISCONNECT).afterSkipping(3)))) {
            rig.driver.moveAtVelocity(60);
            DeviceDisconnectedException e = FaultTiming.failsWithin(DeviceDisconnectedException.class, () -> {
                while (true) {
                    rig.driver.positionMicrons();
                }
            });
            assertNames(e, rig, "get pos");
            assertFalse(rig.device.isConnected());
            assertStopped(rig);
        }
    }

    @Test
    void awaitIdleOnEndlessMove_timesOut_andStopsTheBelt() {
        try (ZaberRig rig = ZaberRig.start(FaultPlan.none())) {
            rig.driver.moveAtVelocity(50);
            DeviceTimeoutException e = assertThrows(DeviceTimeoutException.class,
                    () -> rig.driver.awaitIdle(Duration.ofMillis(100)));
            assertTrue(e.getMessage().contains("still BUSY"), e.getMessage());
            assertStopped(rig);
        }
    }

    private static FaultPlan plan(FaultInjection injection) {
        return FaultPlan.of(42, injection);
    }

    private static void assertNames(DeviceException e, ZaberRig rig, String command) {
        String message = e.getMessage();
        assertTrue(message.contains("conveyor"), message);
        assertTrue(message.contains(rig.pty.hostPath()), message);
        assertTrue(message.contains(command), message);
    }

    /** The stop decelerates from at most 200 mm/s at 2000 mm/s², i.e. within 0.1 s. */
    private static void assertStopped(ZaberRig rig) {
        Await.until(Duration.ofMillis(500), "the simulated belt stands still", () -> !rig.belt.snapshot().moving());
        assertEquals(0, rig.belt.snapshot().velocityMmPerSecond(), 0);
    }
}
