package io.hyclus.core.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/** A growable big-endian byte buffer for the codec. */
final class Writer {
    private ByteBuffer buf;

    Writer(int initialCapacity) {
        buf = ByteBuffer.allocate(Math.max(64, initialCapacity)).order(ByteOrder.BIG_ENDIAN);
    }

    private void ensure(int more) {
        if (buf.remaining() < more) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + more));
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }

    Writer i8(int v) {
        ensure(1);
        buf.put((byte) v);
        return this;
    }

    Writer i32(int v) {
        ensure(4);
        buf.putInt(v);
        return this;
    }

    Writer i64(long v) {
        ensure(8);
        buf.putLong(v);
        return this;
    }

    Writer f64(double v) {
        ensure(8);
        buf.putDouble(v);
        return this;
    }

    Writer str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        i32(b.length);
        ensure(b.length);
        buf.put(b);
        return this;
    }

    Writer f64s(double[] v) {
        i32(v.length);
        ensure(8 * v.length);
        buf.asDoubleBuffer().put(v);
        buf.position(buf.position() + 8 * v.length);
        return this;
    }

    Writer i32s(int[] v) {
        i32(v.length);
        ensure(4 * v.length);
        buf.asIntBuffer().put(v);
        buf.position(buf.position() + 4 * v.length);
        return this;
    }

    Writer bytes(byte[] v) {
        ensure(4 + v.length);
        buf.putInt(v.length);
        buf.put(v);
        return this;
    }

    Writer f32s(float[] v) {
        i32(v.length);
        ensure(4 * v.length);
        buf.asFloatBuffer().put(v);
        buf.position(buf.position() + 4 * v.length);
        return this;
    }

    /** Length, then each value as an unsigned 16-bit big-endian number. */
    Writer u16s(short[] v) {
        i32(v.length);
        ensure(2 * v.length);
        buf.asShortBuffer().put(v);
        buf.position(buf.position() + 2 * v.length);
        return this;
    }

    /**
     * Length {@code n}, then the values {@code value.applyAsInt(0..n-1)} (each at most 4095) packed two into three
     * bytes, big-endian: {@code a >> 4}, {@code (a & 0xF) << 4 | b >> 8}, {@code b & 0xFF}; an odd last value takes two
     * bytes, its low nibble's byte padded with zeros. Written straight into the buffer.
     */
    Writer packed12(int n, IntUnaryOperator value) {
        i32(n);
        int bytes = packed12Bytes(n);
        ensure(bytes);
        byte[] out = buf.array();
        int o = buf.arrayOffset() + buf.position();
        int i = 0;
        for (; i + 1 < n; i += 2) {
            int a = value.applyAsInt(i);
            int b = value.applyAsInt(i + 1);
            out[o] = (byte) (a >> 4);
            out[o + 1] = (byte) ((a << 4) | (b >> 8));
            out[o + 2] = (byte) b;
            o += 3;
        }
        if (i < n) {
            int a = value.applyAsInt(i);
            out[o] = (byte) (a >> 4);
            out[o + 1] = (byte) (a << 4);
        }
        buf.position(buf.position() + bytes);
        return this;
    }

    static int packed12Bytes(int values) {
        return (int) ((3L * values + 1) / 2);
    }

    int position() {
        return buf.position();
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf.array(), buf.position());
    }
}
