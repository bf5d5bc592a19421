package io.hyclus.analysis.embed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * N points of dimension D, row-major float32. Every value is finite: {@link #of} checks and names the first bad row and
 * column. The array is owned by this record once passed to {@link #of} (hot path: no copy); callers must not change it.
 */
public record Points(int n, int d, float[] values) {
    public Points {
        if (n < 1 || d < 1) {
            throw new EmbeddingInputException("points need N >= 1 and D >= 1: N = " + n + ", D = " + d);
        }
        if (values.length != (long) n * d) {
            throw new EmbeddingInputException("expected N x D = " + n + " x " + d + " = " + (long) n * d
                    + " values, found " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new EmbeddingInputException("value at row " + i / d + ", column " + i % d + " is not finite: "
                        + values[i]);
            }
        }
    }

    /** Wraps {@code values} (no copy: the record owns the array from now on). */
    public static Points of(int n, int d, float[] values) {
        return new Points(n, d, values);
    }

    public float get(int row, int col) {
        return values[row * d + col];
    }

    /** SHA-256 of the values as little-endian float32, hex: the input hash recorded in provenance. */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(4 * 8192).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                if (!buf.hasRemaining()) {
                    md.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putFloat(v);
            }
            md.update(buf.array(), 0, buf.position());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
