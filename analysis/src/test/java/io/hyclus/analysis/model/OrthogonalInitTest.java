package io.hyclus.analysis.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrthogonalInitTest {
    /** Gram matrix of the columns (rows x cols row-major input): cols x cols. */
    private static double[][] columnGram(float[] m, int rows, int cols) {
        double[][] g = new double[cols][cols];
        for (int a = 0; a < cols; a++) {
            for (int b = 0; b < cols; b++) {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    s += (double) m[r * cols + a] * m[r * cols + b];
                }
                g[a][b] = s;
            }
        }
        return g;
    }

    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    private static void assertIdentity(double[][] g) {
        for (int a = 0; a < g.length; a++) {
            for (int b = 0; b < g.length; b++) {
                assertEquals(a == b ? 1.0 : 0.0, g[a][b], 1e-5, "gram[" + a + "][" + b + "]");
            }
        }
    }

    @Test
    void matrix_tall_hasOrthonormalColumns() {
        float[] w = OrthogonalInit.matrix(224, 128, new Random(1));
        assertIdentity(columnGram(w, 224, 128));
    }

    @Test
    void matrix_wide_hasOrthonormalRows() {
        float[] w = OrthogonalInit.matrix(16, 128, new Random(2));
        assertIdentity(columnGram(transpose(w, 16, 128), 128, 16));
    }

    @Test
    void matrix_square_isOrthogonalBothWays() {
        float[] w = OrthogonalInit.matrix(32, 32, new Random(3));
        assertIdentity(columnGram(w, 32, 32));
        assertIdentity(columnGram(transpose(w, 32, 32), 32, 32));
    }

    @Test
    void matrix_sameSeed_sameMatrix_otherSeed_differs() {
        float[] a = OrthogonalInit.matrix(64, 16, new Random(7));
        float[] b = OrthogonalInit.matrix(64, 16, new Random(7));
        float[] c = OrthogonalInit.matrix(64, 16, new Random(8));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void matrix_nonPositiveShape_throws() {
        assertThrows(IllegalArgumentException.class, () -> OrthogonalInit.matrix(0, 3, new Random(1)));
    }
}
