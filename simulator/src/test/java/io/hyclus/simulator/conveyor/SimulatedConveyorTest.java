package io.hyclus.simulator.conveyor;

import io.hyclus.hardware.CommandRejectedException;
import io.hyclus.hardware.conveyor.DeviceWarningException;
import io.hyclus.hardware.conveyor.WarningFlag;
import io.hyclus.testkit.ManualClock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kinematics of the belt model against values worked out by hand: 100 mm/s, 200 mm/s², 1000 mm of travel. */
class SimulatedConveyorTest {
    private static final double MM = 1e-9;
    private final ManualClock clock = ManualClock.atEpoch();
    private final SimulatedConveyor belt = new SimulatedConveyor(
            new SimulatedConveyorSettings("belt", 100, 200, 1000), clock);

    @Test
    void trapezoid_100mm_accelerates0p5s_cruises0p5s_decelerates0p5s() {
        belt.moveAbsoluteMm(100);
        assertState(0.25, 6.25, 50);     // ½·200·0.25²
        assertState(0.25, 25, 100);      // end of ramp: ½·200·0.5²
        assertState(0.50, 75, 100);      // 25 + 100·0.5
        assertState(0.25, 93.75, 50);    // 75 + 100·0.25 − ½·200·0.25²
        assertState(0.25, 100, 0);
        assertFalse(belt.snapshot().moving());
        assertEquals(100_000, belt.positionMicrons());
    }

    @Test
    void triangle_10mm_peaksBelowMaxSpeed() {
        belt.moveAbsoluteMm(10);
        double half = Math.sqrt(10 / 200.0);             // 5 mm at 200 mm/s² each way
        clock.advanceSeconds(half);
        assertEquals(5, belt.snapshot().positionMm(), 1e-6);
        assertEquals(Math.sqrt(2 * 200 * 5), belt.snapshot().velocityMmPerSecond(), 1e-6);
        clock.advanceSeconds(half);
        assertEquals(10, belt.snapshot().positionMm(), 1e-6);
        assertFalse(belt.snapshot().moving());
    }

    @Test
    void velocityMove_rampsThenCruises_andStopDecelerates() {
        belt.moveAtVelocity(50);
        assertState(0.25, 6.25, 50);
        assertState(1.00, 56.25, 50);
        belt.stop();
        assertState(0.125, 56.25 + 50 * 0.125 - 0.5 * 200 * 0.125 * 0.125, 25);
        assertState(0.125, 62.5, 0);
        assertFalse(belt.isBusy());
    }

    @Test
    void moveBackWhileRunningForward_brakesFirstThenReturns() {
        belt.moveAtVelocity(50);
        clock.advanceSeconds(1.25);                       // 56.25 mm at +50 mm/s
        belt.moveAbsoluteMm(0);
        assertState(0.25, 62.5, 0);                       // braked over 6.25 mm
        assertState(0.5, 37.5, -100);                     // 25 mm of ramp back
        assertState(0.125, 25, -100);                     // 12.5 mm of cruise
        assertState(0.5, 0, 0);
        assertTrue(belt.snapshot().flags().contains(WarningFlag.COMMAND_INTERRUPTED));
        assertEquals(0, belt.positionMicrons(), "a notice does not fail queries");
    }

    @Test
    void velocityMoveIntoFarLimit_haltsOnIt_andLatchesWL() {
        SimulatedConveyor short20 = new SimulatedConveyor(new SimulatedConveyorSettings("belt", 100, 200, 20), clock);
        short20.moveAtVelocity(100);
        clock.advanceSeconds(0.4);
        assertEquals(16, short20.snapshot().positionMm(), MM);
        clock.advanceSeconds(0.1);                        // the limit is reached at sqrt(0.2) = 0.447 s
        assertEquals(20, short20.snapshot().positionMm(), MM);
        assertFalse(short20.snapshot().moving());
        DeviceWarningException e = assertThrows(DeviceWarningException.class, short20::positionMicrons);
        assertEquals(WarningFlag.UNEXPECTED_LIMIT_TRIGGER, e.flag());
        assertEquals(Set.of(WarningFlag.UNEXPECTED_LIMIT_TRIGGER), short20.clearWarnings());
        assertEquals(20_000, short20.positionMicrons());
    }

    @Test
    void stall_haltsAtOnce_latchesFS_untilCleared() {
        belt.moveAtVelocity(50);
        clock.advanceSeconds(1.0);                        // 6.25 + 50·0.75 = 43.75 mm
        belt.injectStall();
        clock.advanceSeconds(1.0);
        assertEquals(43.75, belt.snapshot().positionMm(), MM);
        assertFalse(belt.snapshot().moving());
        DeviceWarningException e = assertThrows(DeviceWarningException.class, belt::isBusy);
        assertEquals(WarningFlag.STALLED_AND_STOPPED, e.flag());
        assertTrue(e.getMessage().contains("43.75 mm"), e.getMessage());
        belt.home();
        assertThrows(DeviceWarningException.class, belt::positionMicrons, "flags stay latched across moves");
        assertEquals(Set.of(WarningFlag.STALLED_AND_STOPPED), belt.clearWarnings());
        clock.advanceSeconds(5);
        assertEquals(0, belt.positionMicrons());
    }

    @Test
    void targetsOutsideTravel_areRejectedWithBadData() {
        CommandRejectedException e = assertThrows(CommandRejectedException.class, () -> belt.moveAbsoluteMm(1000.5));
        assertEquals("BADDATA", e.reason());
        assertTrue(e.getMessage().contains("outside travel 0-1000.0 mm"), e.getMessage());
        assertThrows(CommandRejectedException.class, () -> belt.moveRelativeMm(-1));
        assertThrows(CommandRejectedException.class, () -> belt.moveAtVelocity(100.5));
        assertFalse(belt.snapshot().moving());
    }

    @Property(tries = 200)
    void anyMoveFromRest_endsOnTarget_withinSpeedLimit_andInsideTravel(
            @ForAll @DoubleRange(min = 0, max = 1000) double start, @ForAll @DoubleRange(min = 0, max = 1000) double target) {
        ManualClock c = ManualClock.atEpoch();
        SimulatedConveyor b = new SimulatedConveyor(new SimulatedConveyorSettings("belt", 100, 200, 1000), c);
        b.moveAbsoluteMm(start);
        c.advanceSeconds(20);
        b.moveAbsoluteMm(target);
        double duration = 0;
        while (b.snapshot().moving()) {
            c.advanceSeconds(0.01);
            duration += 0.01;
            MotionSnapshot s = b.snapshot();
            assertTrue(Math.abs(s.velocityMmPerSecond()) <= 100 + 1e-9, "speed " + s.velocityMmPerSecond());
            assertTrue(s.positionMm() >= -1e-9 && s.positionMm() <= 1000 + 1e-9, "position " + s.positionMm());
            assertTrue(duration < 12, "still moving after " + duration + " s");
        }
        assertEquals(target, b.snapshot().positionMm(), 1e-6);
        assertTrue(b.snapshot().flags().isEmpty(), "flags " + b.snapshot().flags());
    }

    private void assertState(double afterSeconds, double positionMm, double velocityMmPerSecond) {
        clock.advanceSeconds(afterSeconds);
        MotionSnapshot s = belt.snapshot();
        assertEquals(positionMm, s.positionMm(), 1e-6, "position");
        assertEquals(velocityMmPerSecond, s.velocityMmPerSecond(), 1e-6, "velocity");
        if (velocityMmPerSecond != 0) {
            assertTrue(s.moving(), "moving");
        }
    }
}
