package io.hyclus.core.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link Writer} wrote; running out of bytes or a bad length is a {@link CodecException}. */
final class Reader {
    private final ByteBuffer buf;
    private final String what;

    Reader(byte[] bytes, String what) {
        this.buf = ByteBuffer.wrap(bytes);
        this.what = what;
    }

    /** The bytes' origin, as given to the decoder (e.g. topic/partition/offset). */
    String where() {
        return what;
    }

    int offset() {
        return buf.position();
    }

    int i8() {
        need(1, "a byte");
        return buf.get();
    }

    int i32() {
        need(4, "an int");
        return buf.getInt();
    }

    long i64() {
        need(8, "a long");
        return buf.getLong();
    }

    double f64() {
        need(8, "a double");
        return buf.getDouble();
    }

    String str() {
        int n = length(1, "string");
        byte[] b = new byte[n];
        buf.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    double[] f64s() {
        int n = length(8, "double array");
        double[] v = new double[n];
        buf.asDoubleBuffer().get(v);
        buf.position(buf.position() + 8 * n);
        return v;
    }

    int[] i32s() {
        int n = length(4, "int array");
        int[] v = new int[n];
        buf.asIntBuffer().get(v);
        buf.position(buf.position() + 4 * n);
        return v;
    }

    byte[] bytes() {
        int n = length(1, "byte array");
        byte[] v = new byte[n];
        buf.get(v);
        return v;
    }

    float[] f32s() {
        int n = length(4, "float array");
        float[] v = new float[n];
        buf.asFloatBuffer().get(v);
        buf.position(buf.position() + 4 * n);
        return v;
    }

    short[] u16s() {
        int n = length(2, "uint16 array");
        short[] v = new short[n];
        buf.asShortBuffer().get(v);
        buf.position(buf.position() + 2 * n);
        return v;
    }

    void end() {
        if (buf.hasRemaining()) {
            throw new CodecException(what + ": " + buf.remaining() + " unexpected trailing bytes at offset " + buf.position());
        }
    }

    private int length(int elementBytes, String kind) {
        int at = buf.position();
        int n = i32();
        if (n < 0 || (long) n * elementBytes > buf.remaining()) {
            throw new CodecException(what + ": " + kind + " length " + n + " at offset " + at + " exceeds the "
                    + buf.remaining() + " bytes left");
        }
        return n;
    }

    private void need(int n, String kind) {
        if (buf.remaining() < n) {
            throw new CodecException(what + ": truncated, expected " + kind + " at offset " + buf.position()
                    + " but only " + buf.remaining() + " bytes remain");
        }
    }

}
