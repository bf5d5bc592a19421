package io.hyclus.hardware.conveyor;

import io.hyclus.hardware.CommandRejectedException;
import io.hyclus.simulator.fault.FaultPlan;
import io.hyclus.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Zaber driver against the simulated controller over a real pty pair: normal operation. */
@Timeout(10)
class ZaberConveyorIT {
    private static final ZaberUnits UNITS = ZaberUnits.DEFAULT;

    @Test
    void moveAbsolute_settlesOnTarget_positionReadBackInMicrons() {
        try (ZaberRig rig = ZaberRig.start(FaultPlan.none())) {
            rig.driver.setMaxSpeed(150);
            rig.driver.setAcceleration(3000);
            rig.driver.moveAbsoluteMm(20);
            assertTrue(rig.driver.isBusy(), "busy right after the move was accepted");
            rig.driver.awaitIdle(Duration.ofSeconds(2));

            long microsteps = UNITS.microstepsFromMm(20);
            assertEquals(10_079, microsteps);
            assertEquals(20_001, rig.driver.positionMicrons());
            assertEquals(microsteps / UNITS.microstepsPerMm(), rig.belt.snapshot().positionMm(), 1e-9);
            assertEquals(150, rig.belt.maxSpeedMmPerSecond(), 150 * 1e-5);
            assertEquals(3000, rig.belt.accelerationMmPerSecondSquared(), 3000 * 0.01);
        }
    }

    @Test
    void moveRelative_thenHome_returnsToZero() {
        try (ZaberRig rig = ZaberRig.start(FaultPlan.none())) {
            rig.driver.moveRelativeMm(12.5);
            rig.driver.awaitIdle(Duration.ofSeconds(2));
            assertEquals(12_500, rig.driver.positionMicrons(), 2);
            rig.driver.moveRelativeMm(-2.5);
            rig.driver.awaitIdle(Duration.ofSeconds(2));
            assertEquals(10_000, rig.driver.positionMicrons(), 2);
            rig.driver.home();
            rig.driver.awaitIdle(Duration.ofSeconds(2));
            assertEquals(0, rig.driver.positionMicrons());
        }
    }

    @Test
    void velocityMove_runsUntilStopped_thenHolds() {
        try (ZaberRig rig = ZaberRig.start(FaultPlan.none())) {
            rig.driver.moveAtVelocity(50);
            Await.until(Duration.ofSeconds(2), "the belt passes 5 mm", () -> rig.driver.positionMicrons() > 5_000);
            assertEquals(50, rig.belt.snapshot().velocityMmPerSecond(), 1e-3);
            rig.driver.stop();
            rig.driver.awaitIdle(Duration.ofSeconds(1));
            long stoppedAt = rig.driver.positionMicrons();
            assertFalse(rig.belt.snapshot().moving());
            assertEquals(stoppedAt, rig.driver.positionMicrons());
            assertFalse(rig.driver.isBusy());
        }
    }

    @Test
    void withChecksums_commandsAndRepliesVerify() {
        try (ZaberRig rig = ZaberRig.start(FaultPlan.none(), 500, true)) {
            rig.driver.moveAbsoluteMm(3);
            rig.driver.awaitIdle(Duration.ofSeconds(2));
            assertEquals(3_000, rig.driver.positionMicrons(), 2);
        }
    }

    @Test
    void moveBeyondTravel_isRejectedWithBadData_andNamesCommandAndPort() {
        try (ZaberRig rig = ZaberRig.start(FaultPlan.none())) {
            CommandRejectedException e = assertThrows(CommandRejectedException.class,
                    () -> rig.driver.moveAbsoluteMm(600));
            assertEquals("BADDATA", e.reason());
            assertTrue(e.getMessage().contains("move abs 302362"), e.getMessage());
            assertTrue(e.getMessage().contains(rig.pty.hostPath()), e.getMessage());
            assertTrue(e.getMessage().contains("conveyor"), e.getMessage());
            assertFalse(rig.belt.snapshot().moving());
        }
    }

    @Test
    void velocityMoveIntoFarLimit_haltsThere_andRaisesLimitWarning() {
        try (ZaberRig rig = ZaberRig.start(FaultPlan.none(), 10, false)) {
            rig.driver.moveAtVelocity(100);
            DeviceWarningException e = assertThrows(DeviceWarningException.class,
                    () -> rig.driver.awaitIdle(Duration.ofSeconds(2)));
            assertEquals(WarningFlag.UNEXPECTED_LIMIT_TRIGGER, e.flag());
            assertTrue(e.getMessage().contains("WL"), e.getMessage());
            assertFalse(rig.belt.snapshot().moving());
            assertEquals(10, rig.belt.snapshot().positionMm(), 1e-9);

            assertEquals(Set.of(WarningFlag.UNEXPECTED_LIMIT_TRIGGER), rig.driver.clearWarnings());
            assertEquals(10_000, rig.driver.positionMicrons(), 1);
        }
    }
}
