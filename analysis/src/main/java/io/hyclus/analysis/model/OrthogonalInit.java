package io.hyclus.analysis.model;

import java.util.Random;

/**
 * Orthogonal weight initialisation as PyTorch's {@code nn.init.orthogonal_} and Keras's {@code Orthogonal}: a Gaussian
 * matrix of the weight's (flattened) shape, QR-decomposed, Q's columns multiplied by the sign of R's diagonal (so the
 * result is uniformly distributed over the orthogonal matrices), and transposed back for wide shapes. A tall
 * {@code rows x cols} result has orthonormal columns ({@code WᵀW = I}); a wide one orthonormal rows ({@code WWᵀ = I}).
 * DL4J has no such initialiser; the networks apply this after {@code init()}, so nothing custom is stored in their
 * JSON configuration. Deterministic for a given {@link Random} state.
 */
public final class OrthogonalInit {
    private OrthogonalInit() {
    }

    /** A {@code rows x cols} row-major matrix with orthonormal columns (rows ≥ cols) or rows (rows < cols). */
    public static float[] matrix(int rows, int cols, Random rng) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("orthogonal matrix needs positive shape, got " + rows + " x " + cols);
        }
        boolean wide = rows < cols;
        int m = wide ? cols : rows;
        int n = wide ? rows : cols;
        double[][] q = new double[n][m];   // column-major: q[j] is column j of the tall m x n matrix
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                q[j][i] = rng.nextGaussian();
            }
        }
        orthonormaliseColumns(q);
        float[] out = new float[rows * cols];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                // tall: out[i][j] = Q[i][j]; wide: out = Qᵀ, out[j][i] = Q[i][j]
                out[wide ? j * cols + i : i * cols + j] = (float) q[j][i];
            }
        }
        return out;
    }

    /**
     * Modified Gram-Schmidt, twice per column for accuracy in float. Equivalent to Householder QR followed by the sign
     * correction: the R it implies has a positive diagonal, and Q with a positive-diagonal R is unique.
     */
    private static void orthonormaliseColumns(double[][] q) {
        for (int j = 0; j < q.length; j++) {
            double[] v = q[j];
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double dot = dot(q[p], v);
                    for (int i = 0; i < v.length; i++) {
                        v[i] -= dot * q[p][i];
                    }
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (!(norm > 1e-12)) {
                throw new ModelException("orthogonal initialisation: Gaussian column " + j + " is degenerate (norm " + norm + ")");
            }
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
