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

    /** What {@link Writer#packed12} wrote. */
    short[] packed12() {
        int at = buf.position();
        int n = i32();
        int bytes = n < 0 ? -1 : Writer.packed12Bytes(n);
        if (n < 0 || bytes > buf.remaining()) {
            throw new CodecException(what + ": packed 12-bit array of " + n + " values at offset " + at + " needs "
                    + bytes + " bytes, " + buf.remaining() + " left");
        }
        byte[] in = new byte[bytes];
        buf.get(in);
        short[] v = new short[n];
        int o = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            int b0 = in[o] & 0xFF;
            int b1 = in[o + 1] & 0xFF;
            int b2 = in[o + 2] & 0xFF;
            v[i] = (short) (b0 << 4 | b1 >> 4);
            v[i + 1] = (short) ((b1 & 0xF) << 8 | b2);
            o += 3;
        }
        if (i < n) {
            v[i] = (short) ((in[o] & 0xFF) << 4 | (in[o + 1] & 0xFF) >> 4);
            if ((in[o + 1] & 0xF) != 0) {
                throw new CodecException(what + ": packed 12-bit array at offset " + at + " has a non-zero pad");
            }
        }
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
