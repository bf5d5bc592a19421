package io.hyclus.dashboard.feed;

import io.hyclus.dashboard.TestScans;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FalseColourTest {
    @Test
    void vnir_usesBandsNearest640_550_460() {
        assertArrayEquals(new double[] {640, 550, 460}, new FalseColour(TestScans.CAMERA, 10).bandsNm());
    }

    @Test
    void row_averagesPixelsIntoColumns_andStretchesBySquareRoot() {
        FalseColour fc = new FalseColour(TestScans.CAMERA, 10); // 4 pixels per column
        byte[] row = fc.row(TestScans.line("s", 0));
        assertEquals(30, row.length);
        for (int col = 0; col < 10; col++) {
            double red = (4 * col + 1.5) / 40; // mean of p/40 over pixels 4col..4col+3
            assertEquals(Math.round(255 * Math.sqrt(red)), row[3 * col] & 0xff, "red of column " + col);
            assertEquals(Math.round(255 * Math.sqrt(0.25)), row[3 * col + 1] & 0xff, "green");
            assertEquals(Math.round(255 * Math.sqrt(0.04)), row[3 * col + 2] & 0xff, "blue");
        }
    }

    @Test
    void geometry_columnsCoverTheCamerasFootprint() {
        FalseColour fc = new FalseColour(TestScans.CAMERA, 10);
        assertEquals(0.0, fc.x0Mm(), 1e-9); // pixel 0 centred at 1 mm, 2 mm wide
        assertEquals(8.0, fc.columnMm(), 1e-9);
    }

    @Test
    void stretch_clipsOutsideZeroToOne() {
        assertEquals(0, FalseColour.stretch(-0.2));
        assertEquals(255, FalseColour.stretch(1.3));
    }
}
