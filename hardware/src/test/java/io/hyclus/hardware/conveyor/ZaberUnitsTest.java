package io.hyclus.hardware.conveyor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZaberUnitsTest {
    private final ZaberUnits units = ZaberUnits.DEFAULT;

    @Test
    void default_isA1point984375MicronMicrostep() {
        assertEquals(503.937007874, units.microstepsPerMm(), 1e-9);
        assertEquals(1.984375, 1000 / units.microstepsPerMm(), 1e-12);
    }

    @Test
    void position_roundsToWholeMicrosteps_andBackToMicrons() {
        assertEquals(10_079, units.microstepsFromMm(20));
        assertEquals(20_001, units.micronsFromMicrosteps(10_079));
        assertEquals(-5_039, units.microstepsFromMm(-10));
        assertEquals(0, units.micronsFromMicrosteps(0));
    }

    @Test
    void velocity_usesZabers1point6384Scale() {
        assertEquals(41_283, units.velocityDataFromMmPerSecond(50));
        assertEquals(50.000582, units.mmPerSecondFromVelocityData(41_283), 1e-6);
        assertEquals(-41_283, units.velocityDataFromMmPerSecond(-50));
    }

    @Test
    void acceleration_usesZabers1point6384Per10000Scale() {
        assertEquals(83, units.accelerationDataFromMmPerSecondSquared(1000));
        assertEquals(1005.268, units.mmPerSecondSquaredFromAccelerationData(83), 1e-3);
    }

    @Test
    void nonPositiveResolution_isRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ZaberUnits(0));
        assertTrue(e.getMessage().contains(": 0.0"), e.getMessage());
    }

    @Property
    void mmToMicrostepsAndBack_isWithinHalfAMicrostep(@ForAll @DoubleRange(min = -5000, max = 5000) double mm) {
        double back = units.mmFromMicrosteps(units.microstepsFromMm(mm));
        assertTrue(Math.abs(back - mm) <= 0.5 / units.microstepsPerMm() + 1e-12, mm + " -> " + back);
    }

    @Property
    void speedToDataAndBack_isWithinHalfADataUnit(@ForAll @DoubleRange(min = 0.01, max = 1000) double mmPerSecond) {
        double back = units.mmPerSecondFromVelocityData(units.velocityDataFromMmPerSecond(mmPerSecond));
        double halfUnit = units.mmPerSecondFromVelocityData(0.5);
        assertTrue(Math.abs(back - mmPerSecond) <= halfUnit + 1e-12, mmPerSecond + " -> " + back);
    }
}
