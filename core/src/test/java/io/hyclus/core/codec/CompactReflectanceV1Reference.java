package io.hyclus.core.codec;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** The first implementation of version 1, kept to write version-1 payloads (as recorded scans hold them) for the
 * compatibility test, and formerly to check the optimised version-1 encoder byte for byte.
 * Original comment:
 * The compact scanline payload: one line's reflectance (pixels x bands, band-interleaved by pixel) quantised, predicted
 * and entropy coded. Version {@value #VERSION}:
 * <ol>
 *   <li><b>Quantisation</b>: {@code q = round(r / STEP)} with {@code STEP} = 2<sup>-{@value #STEP_BITS}</sup>
 *       reflectance (1.22e-4); decoding returns {@code q * STEP}, within {@code STEP / 2} = 6.1e-5 of the input (an
 *       error of 3.5e-5 r.m.s.). The simulated cameras' smallest noise, read noise in their most responsive band, is
 *       ~9e-4 (VNIR) and ~1.6e-3 (SWIR) reflectance, 25 and 45 times that (docs/scanline-codec.md).</li>
 *   <li><b>Prediction</b> along the band axis and across the line, with the median edge detector of LOCO-I / JPEG-LS:
 *       for pixel {@code p}, band {@code b}, with {@code a = q[p][b-1]}, {@code c = q[p-1][b]} (the same band of the
 *       previous pixel) and {@code d = q[p-1][b-1]}: {@code min(a, c)} if {@code d >= max(a, c)}, {@code max(a, c)} if
 *       {@code d <= min(a, c)}, else {@code a + c - d}. The first pixel predicts from the previous band, the first band
 *       from the previous pixel, the very first value from 0.</li>
 *   <li><b>Entropy coding</b>: each residual, zig-zag mapped to an unsigned number, is written as an adaptive
 *       Golomb-Rice code (the parameter from a running mean of the recent mapped residuals, as in LOCO-I), with an
 *       escape for values whose unary part would exceed {@value #ESCAPE_UNARY} bits (then the 32-bit value).</li>
 * </ol>
 * Layout (big-endian): version (u8), step bits (u8), pixels (i32), bands (i32), bit stream length (i32), bit stream,
 * CRC-32C of the bit stream (i32). The decoder checks the version, the step, that the sizes match the record's, the
 * checksum, and that the stream ends where its values do.
 */
final class CompactReflectanceV1Reference {
    public static final int VERSION = 1;
    public static final int STEP_BITS = 13;
    public static final double STEP = 1.0 / (1 << STEP_BITS);
    static final int ESCAPE_UNARY = 24;
    /** Largest |reflectance| the codec takes: far beyond any calibrated value (a glint is ~2). */
    public static final double MAX_ABS = 1000;
    private static final int RESET = 64;

    private CompactReflectanceV1Reference() {
    }

    /** Encodes {@code pixels x bands} values; throws {@link CodecException} for a value beyond ±{@link #MAX_ABS}. */
    static byte[] encode(float[] r, int pixels, int bands, String what) {
        int[] q = new int[r.length];
        for (int i = 0; i < r.length; i++) {
            float v = r[i];
            if (!(Math.abs(v) <= MAX_ABS)) {
                throw new CodecException(what + ": value " + v + " at pixel " + i / bands + ", band " + i % bands
                        + " is beyond the compact codec's range of +/-" + MAX_ABS);
            }
            q[i] = (int) Math.round(v * (double) (1 << STEP_BITS));
        }
        BitWriter bits = new BitWriter(r.length);
        Adaptive rice = new Adaptive();
        for (int p = 0; p < pixels; p++) {
            int row = p * bands;
            for (int b = 0; b < bands; b++) {
                int e = q[row + b] - predict(q, p, b, bands);
                rice.write(bits, (e << 1) ^ (e >> 31));
            }
        }
        byte[] stream = bits.toBytes();
        CRC32C crc = new CRC32C();
        crc.update(stream);
        ByteBuffer out = ByteBuffer.allocate(1 + 1 + 4 + 4 + 4 + stream.length + 4);
        out.put((byte) VERSION).put((byte) STEP_BITS).putInt(pixels).putInt(bands).putInt(stream.length).put(stream)
                .putInt((int) crc.getValue());
        return out.array();
    }

    /** Decodes a payload into reflectance, checking it against the record's own {@code pixels} and {@code bands}. */
    static float[] decode(byte[] payload, int pixels, int bands, String where) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        if (payload.length < 18) {
            throw new CodecException(where + ": compact line payload of " + payload.length + " bytes is truncated");
        }
        int version = in.get();
        if (version != VERSION) {
            throw new CodecException(where + ": compact line version " + version + ", this build reads " + VERSION);
        }
        int stepBits = in.get();
        if (stepBits != STEP_BITS) {
            throw new CodecException(where + ": compact line quantised with step 2^-" + stepBits + ", this build reads 2^-"
                    + STEP_BITS);
        }
        int px = in.getInt();
        int bd = in.getInt();
        if (px != pixels || bd != bands) {
            throw new CodecException(where + ": compact line holds " + px + " pixels x " + bd + " bands, the record says "
                    + pixels + " x " + bands);
        }
        int n = in.getInt();
        if (n < 0 || n != in.remaining() - 4) {
            throw new CodecException(where + ": compact line bit stream of " + n + " bytes, " + (in.remaining() - 4)
                    + " present");
        }
        byte[] stream = new byte[n];
        in.get(stream);
        int stored = in.getInt();
        CRC32C crc = new CRC32C();
        crc.update(stream);
        if ((int) crc.getValue() != stored) {
            throw new CodecException(String.format("%s: compact line checksum 0x%08X, its bit stream gives 0x%08X",
                    where, stored, (int) crc.getValue()));
        }
        long count = (long) pixels * bands;
        int[] q = new int[(int) count];
        BitReader bits = new BitReader(stream, where);
        Adaptive rice = new Adaptive();
        for (int p = 0; p < pixels; p++) {
            int row = p * bands;
            for (int b = 0; b < bands; b++) {
                int u = rice.read(bits);
                int e = (u >>> 1) ^ -(u & 1);
                q[row + b] = predict(q, p, b, bands) + e;
            }
        }
        bits.expectEnd();
        float[] r = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            r[i] = (float) (q[i] * STEP);
        }
        return r;
    }

    /** The median edge detector (see the class comment). */
    private static int predict(int[] q, int p, int b, int bands) {
        int i = p * bands + b;
        if (p == 0) {
            return b == 0 ? 0 : q[i - 1];
        }
        int c = q[i - bands];
        if (b == 0) {
            return c;
        }
        int a = q[i - 1];
        int d = q[i - bands - 1];
        int mx = Math.max(a, c);
        int mn = Math.min(a, c);
        if (d >= mx) {
            return mn;
        }
        if (d <= mn) {
            return mx;
        }
        return a + c - d;
    }

    /** Golomb-Rice with the parameter from a running mean (LOCO-I style). */
    private static final class Adaptive {
        private long sum = 16;
        private int count = 1;

        /** The smallest k with count * 2^k >= sum, at most 30. */
        private int k() {
            long t = (sum + count - 1) / count;
            return Math.min(30, 64 - Long.numberOfLeadingZeros(t - 1));
        }

        private void update(int u) {
            sum += u & 0xFFFFFFFFL;
            if (++count == RESET) {
                sum >>= 1;
                count >>= 1;
            }
        }

        void write(BitWriter w, int u) {
            int k = k();
            long unary = (u & 0xFFFFFFFFL) >>> k;
            if (unary >= ESCAPE_UNARY) {
                w.ones(ESCAPE_UNARY);
                w.bits(u & 0xFFFFFFFFL, 32);
            } else {
                w.ones((int) unary);
                w.bits(0, 1);
                w.bits(u & ((1L << k) - 1), k);
            }
            update(u);
        }

        int read(BitReader r) {
            int k = k();
            int unary = r.countOnes(ESCAPE_UNARY);
            int u;
            if (unary == ESCAPE_UNARY) {
                u = (int) r.bits(32);
            } else {
                u = (int) ((long) unary << k | r.bits(k));
            }
            update(u);
            return u;
        }
    }

    private static final class BitWriter {
        private byte[] buf;
        private int pos;
        private long acc;
        private int filled;

        BitWriter(int values) {
            buf = new byte[Math.max(64, values)];
        }

        void ones(int n) {
            while (n > 0) {
                int m = Math.min(n, 32);
                bits((1L << m) - 1, m);
                n -= m;
            }
        }

        void bits(long v, int n) {
            if (n == 0) {
                return;
            }
            acc = (acc << n) | (v & ((1L << n) - 1));
            filled += n;
            while (filled >= 8) {
                filled -= 8;
                put((byte) (acc >>> filled));
            }
        }

        private void put(byte b) {
            if (pos == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[pos++] = b;
        }

        byte[] toBytes() {
            if (filled > 0) {
                put((byte) (acc << (8 - filled)));
                filled = 0;
            }
            return java.util.Arrays.copyOf(buf, pos);
        }
    }

    private static final class BitReader {
        private final byte[] buf;
        private final String where;
        private int pos;
        private long acc;
        private int available;

        BitReader(byte[] buf, String where) {
            this.buf = buf;
            this.where = where;
        }

        private void need(int n) {
            while (available < n) {
                if (pos == buf.length) {
                    throw new CodecException(where + ": compact line bit stream ends before its last value");
                }
                acc = (acc << 8) | (buf[pos++] & 0xFF);
                available += 8;
            }
        }

        long bits(int n) {
            if (n == 0) {
                return 0;
            }
            need(n);
            available -= n;
            return (acc >>> available) & ((1L << n) - 1);
        }

        int countOnes(int max) {
            int n = 0;
            while (n < max) {
                need(1);
                available--;
                if (((acc >>> available) & 1) == 0) {
                    return n;
                }
                n++;
            }
            return n;
        }

        void expectEnd() {
            if (pos != buf.length || (available > 0 && (acc & ((1L << available) - 1)) != 0)) {
                throw new CodecException(where + ": compact line bit stream has " + (buf.length - pos) + " bytes after its"
                        + " last value");
            }
        }
    }
}
