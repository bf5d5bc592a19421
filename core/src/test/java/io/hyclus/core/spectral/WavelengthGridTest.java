package io.hyclus.core.spectral;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WavelengthGridTest {

    @Test
    void construct_decreasingCentre_namesBandAndValues() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new WavelengthGrid(new double[] {400, 1004.1, 1002.3}, new double[] {3, 3, 3}));
        assertEquals("band centres must increase: 1002.3 nm after 1004.1 nm at band 2", e.getMessage());
    }

    @Test
    void construct_nonPositiveFwhm_namesBand() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new WavelengthGrid(new double[] {400, 410}, new double[] {3, -1}));
        assertEquals("band FWHM must be positive and finite: -1.0 nm at band 1", e.getMessage());
    }

    @Test
    void construct_lengthMismatch_saysBothLengths() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new WavelengthGrid(new double[] {400, 410}, new double[] {3}));
        assertEquals("band centres and FWHM must have the same length: 2 centres, 1 widths", e.getMessage());
    }

    @Test
    void uniform_spacingAndWidth() {
        WavelengthGrid g = WavelengthGrid.uniform(400, 1000, 7, 1.5);
        assertArrayEquals(new double[] {400, 500, 600, 700, 800, 900, 1000}, g.centresNm(), 1e-9);
        assertEquals(150.0, g.fwhmNm(3), 1e-9);
    }

    @Test
    void arrays_areCopiedInAndOut() {
        double[] c = {400, 500};
        WavelengthGrid g = new WavelengthGrid(c, new double[] {10, 10});
        c[0] = 999;
        g.centresNm()[1] = 999;
        assertEquals(400, g.centreNm(0));
        assertEquals(500, g.centreNm(1));
    }

    @Test
    void nearestBand_picksClosestCentre() {
        WavelengthGrid g = WavelengthGrid.uniform(400, 1000, 7, 1);
        assertEquals(0, g.nearestBand(10));
        assertEquals(2, g.nearestBand(640));
        assertEquals(3, g.nearestBand(660));
        assertEquals(6, g.nearestBand(5000));
    }

    @Test
    void sensor_bandsOutsideKind_namesRange() {
        WavelengthGrid g = WavelengthGrid.uniform(900, 1100, 3, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> new Sensor("vnir", SensorKind.VNIR, g, 10));
        assertEquals("VNIR sensor 'vnir' must have band centres within 400-1000 nm: found 900.00-1100.00 nm", e.getMessage());
    }
}
