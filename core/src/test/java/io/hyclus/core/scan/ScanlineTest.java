package io.hyclus.core.scan;

import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScanlineTest {
    private static final Instant T = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void wrongValueCount_namesShape() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Scanline("s1", SensorKind.VNIR, 3, 0, T, 2, 3, new float[5]));
        assertEquals("scanline s1/3 has 5 values, expected pixels x bands = 2 x 3", e.getMessage());
    }

    @Test
    void nonFiniteValue_namesPixelAndBand() {
        float[] v = new float[6];
        v[4] = Float.NaN;
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Scanline("s1", SensorKind.VNIR, 3, 0, T, 2, 3, v));
        assertEquals("scanline s1/3 has a non-finite value NaN at pixel 1, band 1", e.getMessage());
    }

    @Test
    void negativeLineIndex_rejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Scanline("s1", SensorKind.VNIR, -1, 0, T, 1, 1, new float[1]));
        assertEquals("line index must not be negative: -1", e.getMessage());
    }

    @Test
    void valueAndCopyPixel_useBipOrder() {
        float[] v = {1, 2, 3, 4, 5, 6};
        Scanline s = new Scanline("s1", SensorKind.SWIR, 0, 0, T, 2, 3, v);
        assertEquals(6f, s.value(1, 2));
        float[] dst = new float[4];
        s.copyPixel(1, dst, 1);
        assertEquals(4f, dst[1]);
        assertEquals(6f, dst[3]);
    }

    @Test
    void geometry_mapsPixelsAndEncoder() {
        AcrossTrackGeometry g = new AcrossTrackGeometry(-13.45, 0.3, 1_000_000);
        assertEquals(-13.45 + 0.3 * 100, g.xMm(100), 1e-12);
        assertEquals(12.5, g.yMm(1_012_500), 1e-12);
        assertEquals(1_012_500, g.encoderMicronsAt(12.5));
    }

    @Test
    void constructorCopies_owningTakesTheArrays_bothCheckAlike() {
        float[] r = {0.1f, 0.2f, 0.3f, 0.4f};
        byte[] f = {0, PixelFlags.SATURATED};
        Scanline copied = new Scanline("s", SensorKind.SWIR, 0, 0, T, 2, 2, r, f);
        Scanline owning = Scanline.owning("s", SensorKind.SWIR, 0, 0, T, 2, 2, r, f);
        assertEquals(copied, owning);
        r[3] = 0.9f;
        f[1] = 0;
        assertEquals(0.4f, copied.value(1, 1));
        assertEquals(PixelFlags.SATURATED, copied.flags(1));
        assertEquals(0.9f, owning.value(1, 1)); // the caller let go of the arrays: owning reads them as they are
        r[3] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scanline.owning("s", SensorKind.SWIR, 4, 0, T, 2, 2, r, new byte[0]));
        assertEquals("scanline s/4 has a non-finite value NaN at pixel 1, band 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scanline.owning("s", SensorKind.SWIR, 0, 0, T, 2, 3, r,
                new byte[0]));
    }
}
