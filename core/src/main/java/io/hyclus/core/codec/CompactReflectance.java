package io.hyclus.core.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The compact scanline payload: one line's reflectance (pixels x bands, band-interleaved by pixel) quantised, predicted
 * and entropy coded. This build writes version {@value #VERSION} and reads versions 1 and 2, which differ only in the
 * entropy stage (docs/scanline-codec.md):
 * <ol>
 *   <li><b>Quantisation</b>: {@code q = round(r / STEP)} with {@code STEP} = 2<sup>-{@value #STEP_BITS}</sup>
 *       reflectance (1.22e-4); decoding returns {@code q * STEP}, within {@code STEP / 2} = 6.1e-5 of the input (an
 *       error of 3.5e-5 r.m.s.). The simulated cameras' smallest noise, read noise in their most responsive band, is
 *       ~9e-4 (VNIR) and ~1.6e-3 (SWIR) reflectance, 25 and 45 times that (docs/scanline-codec.md).</li>
 *   <li><b>Prediction</b> along the band axis and across the line, with the median edge detector of LOCO-I / JPEG-LS:
 *       for pixel {@code p}, band {@code b}, with {@code a = q[p][b-1]}, {@code c = q[p-1][b]} (the same band of the
 *       previous pixel) and {@code d = q[p-1][b-1]}: {@code min(a, c)} if {@code d >= max(a, c)}, {@code max(a, c)} if
 *       {@code d <= min(a, c)}, else {@code a + c - d}. The first pixel predicts from the previous band, the first band
 *       from the previous pixel, the very first value from 0. Each residual is zig-zag mapped to an unsigned number.</li>
 *   <li><b>Entropy coding</b>, version 2: the mapped residuals in blocks of {@value #BLOCK} (the last one shorter), one
 *       width byte per block first (the bit length of the block's largest value, 0-32), then every block's values at
 *       its width, most significant bit first, each block starting on a byte. Version 1 (read only): an adaptive
 *       Golomb-Rice code per value (the parameter from a running mean of the recent mapped residuals, as in LOCO-I),
 *       with an escape for values whose unary part would exceed {@value #ESCAPE_UNARY} bits (then the 32-bit value).
 *       Version 2 is 4-6 % larger, twice as fast to encode and 1.7 times as fast to decode.</li>
 * </ol>
 * Layout (big-endian): version (u8), step bits (u8), pixels (i32), bands (i32), bit stream length (i32), bit stream,
 * CRC-32C of the bit stream (i32). The decoder checks the version, the step, that the sizes match the record's, the
 * checksum, every block width, and that the stream ends where its values do.
 */
public final class CompactReflectance {
    /** The version this build writes; it reads 1 as well. */
    public static final int VERSION = 2;
    public static final int STEP_BITS = 13;
    public static final double STEP = 1.0 / (1 << STEP_BITS);
    /** Version 1's escape: a unary part this long is followed by the 32-bit value. */
    static final int ESCAPE_UNARY = 24;
    /** Version 2's block: this many residuals share one width byte. */
    static final int BLOCK = 16;
    /** Largest |reflectance| the codec takes: far beyond any calibrated value (a glint is ~2). */
    public static final double MAX_ABS = 1000;
    /** Version 1's running mean halves after this many values. */
    private static final int RESET = 64;
    /** version, step bits, pixels, bands, stream length. */
    private static final int HEADER = 14;
    /** The bits of {@code (float) MAX_ABS}: a float's magnitude is beyond it exactly when its bits without the sign are. */
    private static final int MAX_ABS_BITS = Float.floatToRawIntBits((float) MAX_ABS);
    /** 2^23, above |MAX_ABS / STEP| (8,192,000): added before the cast so that truncation rounds down. */
    private static final int ROUNDING_OFFSET = 1 << 23;
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private CompactReflectance() {
    }

    /** Encodes {@code pixels x bands} values; throws {@link CodecException} for a value beyond ±{@link #MAX_ABS}. */
    static byte[] encode(float[] r, int pixels, int bands, String what) {
        return encode(r, bands, 0, pixels, bands, what);
    }

    /**
     * Encodes bands {@code [from, from + bands)} of each of {@code pixels} pixels laid out {@code stride} values apart in
     * {@code r} (a scanline's own array, read where it is: no copy of the line); throws {@link CodecException} for a
     * value beyond ±{@link #MAX_ABS}.
     */
    static byte[] encode(float[] r, int stride, int from, int pixels, int bands, String what) {
        if (from < 0 || bands > stride - from || (long) pixels * stride > r.length) {
            throw new IllegalArgumentException(what + ": bands " + from + "+" + bands + " of " + pixels + " pixels of "
                    + stride + " values do not fit " + r.length + " values");
        }
        Scratch s = SCRATCH.get();
        s.size(bands);
        // a row and its neighbours get arrays of their own so that every array in the residual loop is read at [b]:
        // C2 (JDK 17) vectorises that loop then, not when it reads one array at four offsets
        int[] x = s.neighbours[0]; // q[p][b]
        int[] a = s.neighbours[1]; // q[p][b-1]
        int[] c = s.neighbours[2]; // q[p-1][b]
        int[] d = s.neighbours[3]; // q[p-1][b-1]
        int[] u = s.row;
        int[] q = s.values(pixels * bands);
        // quantised first, straight from the line's array; the rows are then copied out of q with their neighbours
        // (measured: faster than quantising row by row inside the coding loop)
        for (int p = 0; p < pixels; p++) {
            quantise(r, p * stride + from, q, p * bands, bands, p, what);
        }
        int n = pixels * bands;
        int[] us = s.residuals(n);
        int prev = 0;
        for (int b = 0; b < bands; b++) { // the first pixel predicts from the previous band only
            us[b] = zigzag(q[b] - prev);
            prev = q[b];
        }
        for (int p = 1; p < pixels; p++) {
            int row = p * bands;
            System.arraycopy(q, row, x, 0, bands);
            System.arraycopy(q, row, a, 1, Math.max(0, bands - 1));
            System.arraycopy(q, row - bands, c, 0, bands);
            System.arraycopy(q, row - bands, d, 1, Math.max(0, bands - 1));
            residuals(x, a, c, d, u, bands);
            u[0] = zigzag(x[0] - c[0]); // the first band predicts from the previous pixel only
            System.arraycopy(u, 0, us, row, bands);
        }
        int blocks = blocks(n);
        // room for the widest stream (32 bits a value) and its checksum; packEight's longs stay within it too
        byte[] buf = s.buffer(HEADER + blocks + 4 * n + 8);
        int end = pack(us, n, buf, HEADER, blocks);
        int streamLength = end - HEADER;
        CRC32C crc = new CRC32C();
        crc.update(buf, HEADER, streamLength);
        ByteBuffer out = ByteBuffer.wrap(buf);
        out.put((byte) VERSION).put((byte) STEP_BITS).putInt(pixels).putInt(bands).putInt(streamLength);
        out.position(end);
        out.putInt((int) crc.getValue());
        return Arrays.copyOf(buf, end + 4);
    }

    private static int blocks(int n) {
        return (n + BLOCK - 1) / BLOCK;
    }

    /**
     * Version 2's entropy stage: the {@code n} residuals in blocks of {@value #BLOCK}, one width byte per block first
     * (the bits of the block's largest value), then each block's values at that width, most significant bit first,
     * each block starting on a byte. Returns the end of the stream. A full block of width {@code w <= 16} is packed as
     * two halves of exactly {@code w} bytes each, a long at a time ({@link #packEight}); other blocks value by value.
     */
    private static int pack(int[] us, int n, byte[] buf, int start, int blocks) {
        int pos = start + blocks;
        for (int blk = 0; blk < blocks; blk++) {
            int s = blk * BLOCK;
            int count = Math.min(BLOCK, n - s);
            int or = 0;
            for (int i = 0; i < count; i++) {
                or |= us[s + i];
            }
            int w = 32 - Integer.numberOfLeadingZeros(or);
            buf[start + blk] = (byte) w;
            if (w == 0) {
                continue;
            }
            if (count == BLOCK && w <= 16) {
                pos = packEight(us, s, w, buf, pos);
                pos = packEight(us, s + 8, w, buf, pos);
            } else {
                pos = packEach(us, s, count, w, buf, pos);
            }
        }
        return pos;
    }

    /**
     * Eight values of at most {@code w} (1-16) bits from {@code us[s]}: 8w bits, exactly {@code w} bytes at {@code pos},
     * most significant bit first. Writes whole longs (8 or 16 bytes, zeros past the {@code w}), which the next write or
     * the checksum overwrites: {@link #encode}'s buffer has room for them. Returns {@code pos + w}.
     */
    private static int packEight(int[] us, int s, int w, byte[] buf, int pos) {
        if (w <= 8) {
            long all = 0;
            for (int i = 0; i < 8; i++) {
                all = all << w | us[s + i];
            }
            LONG_BE.set(buf, pos, all << (64 - 8 * w));
            return pos + w;
        }
        long first = 0;
        long second = 0;
        for (int i = 0; i < 4; i++) {
            first = first << w | us[s + i];
            second = second << w | us[s + 4 + i];
        }
        int half = 4 * w; // bits in each of first and second: 36-64
        int spill = 2 * half - 64; // bits of second that do not fit the first long: 8-64
        LONG_BE.set(buf, pos, half == 64 ? first : first << (64 - half) | second >>> spill);
        LONG_BE.set(buf, pos + 8, second << (64 - spill));
        return pos + w;
    }

    /** {@code count} values of {@code w} bits from {@code us[s]} at {@code pos}, most significant bit first. */
    private static int packEach(int[] us, int s, int count, int w, byte[] buf, int pos) {
        long acc = 0;
        int bits = 0;
        for (int i = 0; i < count; i++) {
            acc = acc << w | (us[s + i] & 0xFFFFFFFFL); // at most 31 + 32 bits held
            bits += w;
            if (bits >= 32) {
                bits -= 32;
                INT_BE.set(buf, pos, (int) (acc >>> bits));
                pos += 4;
            }
        }
        while (bits >= 8) {
            bits -= 8;
            buf[pos++] = (byte) (acc >>> bits);
        }
        if (bits > 0) {
            buf[pos++] = (byte) (acc << (8 - bits));
        }
        return pos;
    }

    /** Decodes a payload into reflectance, checking it against the record's own {@code pixels} and {@code bands}. */
    static float[] decode(byte[] payload, int pixels, int bands, String where) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        if (payload.length < 18) {
            throw new CodecException(where + ": compact line payload of " + payload.length + " bytes is truncated");
        }
        int version = in.get();
        if (version != 1 && version != VERSION) {
            throw new CodecException(where + ": compact line version " + version + ", this build reads 1 and "
                    + VERSION);
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
        int stored = ByteBuffer.wrap(payload, HEADER + n, 4).getInt();
        CRC32C crc = new CRC32C();
        crc.update(payload, HEADER, n);
        if ((int) crc.getValue() != stored) {
            throw new CodecException(String.format("%s: compact line checksum 0x%08X, its bit stream gives 0x%08X",
                    where, stored, (int) crc.getValue()));
        }
        int count = pixels * bands;
        Scratch scratch = SCRATCH.get();
        int[] q = scratch.values(count);
        int[] residuals = scratch.residuals(count);
        if (version == 1) {
            readRiceStream(payload, HEADER + n, residuals, count, where);
        } else {
            unpack(payload, HEADER, HEADER + n, residuals, count, where);
        }
        reconstruct(residuals, q, pixels, bands);
        float[] r = new float[count];
        for (int i = 0; i < count; i++) {
            r[i] = (float) (q[i] * STEP);
        }
        return r;
    }

    /** Version 1's stream: the {@code count} residuals, one adaptive Golomb-Rice code each. */
    private static void readRiceStream(byte[] payload, int end, int[] residuals, int count, String where) {
        Decoder dec = new Decoder(payload, HEADER, end, where);
        for (int i = 0; i < count; i++) {
            residuals[i] = dec.read();
        }
        dec.expectEnd();
    }

    /**
     * Version 2's stream into the {@code count} residuals (zig-zag mapped back): checks every block's width (at most 32)
     * and that the blocks end exactly where the stream does.
     */
    private static void unpack(byte[] payload, int start, int end, int[] residuals, int count, String where) {
        int blocks = blocks(count);
        if (end - start < blocks) {
            throw new CodecException(where + ": compact line bit stream of " + (end - start) + " bytes is shorter than its "
                    + blocks + " block widths");
        }
        int pos = start + blocks;
        for (int blk = 0; blk < blocks; blk++) {
            int s = blk * BLOCK;
            int n = Math.min(BLOCK, count - s);
            int w = payload[start + blk] & 0xFF;
            if (w > 32) {
                throw new CodecException(where + ": compact line block " + blk + " has a width of " + w
                        + " bits, at most 32 are possible");
            }
            int bytes = (n * w + 7) >>> 3;
            if (pos + bytes > end) {
                throw ended(where);
            }
            if (w == 0) {
                Arrays.fill(residuals, s, s + n, 0);
            } else {
                long bit = (long) pos << 3;
                for (int i = 0; i < n; i++, bit += w) {
                    int at = (int) (bit >>> 3);
                    long word = at + 8 <= payload.length ? (long) LONG_BE.get(payload, at) : tail(payload, at);
                    residuals[s + i] = unzigzag((int) ((word << (bit & 7)) >>> (64 - w)));
                }
            }
            pos += bytes;
        }
        if (pos != end) {
            throw new CodecException(where + ": compact line bit stream has " + (end - pos)
                    + " bytes after its last value");
        }
    }

    /** The 8 bytes from {@code at}, big-endian, zeros past the payload's end. */
    private static long tail(byte[] payload, int at) {
        long word = 0;
        for (int i = 0; i < 8; i++) {
            word = word << 8 | (at + i < payload.length ? payload[at + i] & 0xFF : 0);
        }
        return word;
    }

    private static CodecException ended(String where) {
        return new CodecException(where + ": compact line bit stream ends before its last value");
    }

    /** The quantised values from their residuals, predicted as the encoder did (both versions). */
    private static void reconstruct(int[] residuals, int[] q, int pixels, int bands) {
        int prev = 0;
        for (int b = 0; b < bands; b++) {
            prev += residuals[b];
            q[b] = prev;
        }
        for (int p = 1; p < pixels; p++) {
            int row = p * bands;
            q[row] = q[row - bands] + residuals[row];
            for (int b = 1; b < bands; b++) {
                int i = row + b;
                q[i] = med(q[i - 1], q[i - bands], q[i - bands - 1]) + residuals[i];
            }
        }
    }

    private static int unzigzag(int u) {
        return (u >>> 1) ^ -(u & 1);
    }

    /**
     * {@code q = round(r / STEP)} (half up, as {@link Math#round}) for one pixel's {@code bands} values from
     * {@code r[from]}; throws {@link CodecException} naming the first value beyond +/-{@link #MAX_ABS} (or not a number).
     * The range test rides along without a branch: a float's magnitude bits compare as integers, and NaN's are above
     * every finite value's. With {@link #ROUNDING_OFFSET} added the sum is positive for every value in range, so the
     * cast's truncation is its floor; and the double sum differs from the exact one by at most 2^-30, while a float's
     * {@code v * 2^13 + 0.5} is an integer or at least 2^-25 from one, so it floors to {@code Math.round}'s value.
     */
    private static void quantise(float[] r, int from, int[] q, int offset, int bands, int pixel, String what) {
        int beyond = 0;
        for (int b = 0; b < bands; b++) {
            float v = r[from + b];
            beyond |= MAX_ABS_BITS - (Float.floatToRawIntBits(v) & 0x7FFFFFFF); // negative when |v| > MAX_ABS or NaN
            q[offset + b] = (int) (v * (double) (1 << STEP_BITS) + (ROUNDING_OFFSET + 0.5)) - ROUNDING_OFFSET;
        }
        if (beyond < 0) {
            for (int b = 0; b < bands; b++) {
                float v = r[from + b];
                if (!(Math.abs(v) <= MAX_ABS)) {
                    throw new CodecException(what + ": value " + v + " at pixel " + pixel + ", band " + b
                            + " is beyond the compact codec's range of +/-" + MAX_ABS);
                }
            }
        }
    }

    /**
     * The zig-zag mapped residuals of one row ({@code u[b]} from {@code x[b]} and its neighbours {@code a[b]}, previous
     * band, {@code c[b]}, previous pixel, {@code d[b]}, both): {@link #med} and {@link #zigzag} written with adds, ands
     * and shifts only, which C2 vectorises (it does not vectorise Math.min/max of ints, nor {@code e << 1} here). Exact:
     * quantised values are within +/-8,192,000 (< 2^23), so no sum or difference here overflows.
     */
    private static void residuals(int[] x, int[] a, int[] c, int[] d, int[] u, int n) {
        for (int b = 0; b < n; b++) {
            int ab = a[b];
            int cb = c[b];
            int ac = ab - cb;
            int m = ac & (ac >> 31); // min(a, c) - c
            int lo = cb + m; // min(a, c)
            int hi = ab - m; // max(a, c)
            int e = ab + cb - d[b];
            int he = hi - e;
            int mid = e + (he & (he >> 31)); // min(max(a, c), a + c - d)
            int lm = lo - mid;
            int residual = x[b] - (lo - (lm & (lm >> 31))); // x - max(min(a, c), mid)
            u[b] = (residual + residual) ^ (residual >> 31);
        }
    }

    private static int zigzag(int e) {
        return (e << 1) ^ (e >> 31);
    }

    /** The median edge detector (see the class comment): {@code a} previous band, {@code c} previous pixel. */
    private static int med(int a, int c, int d) {
        // the same as the three cases of the class comment: a + c - d clamped to [min(a, c), max(a, c)], branch-free
        return Math.max(Math.min(a, c), Math.min(Math.max(a, c), a + c - d));
    }

    /**
     * The Golomb-Rice parameter from the running mean: the smallest k with {@code count * 2^k >= sum}, at most 30 (and
     * 30 when the sum has decayed to 0, as version 1 defines it).
     */
    static int riceParameter(long sum, int count) {
        if (sum == 0) {
            return 30;
        }
        int k = Math.max(0, Long.numberOfLeadingZeros(count) - Long.numberOfLeadingZeros(sum));
        k += (int) ((((long) count << k) - sum) >>> 63); // one more when count * 2^k is still below the sum
        return Math.min(30, k);
    }

    /** Per-thread buffers, so encoding and decoding a line allocates only its result. */
    private static final class Scratch {
        private int[] values = new int[0];
        private int[] residuals = new int[0];
        private byte[] buf = new byte[64];
        /** One quantised row and its neighbours, and its residuals: sized by {@link #size}. */
        private int[][] neighbours = new int[4][0];
        private int[] row = new int[0];

        void size(int bands) {
            if (row.length < bands) {
                neighbours = new int[4][bands];
                row = new int[bands];
            }
        }

        int[] values(int n) {
            if (values.length < n) {
                values = new int[n];
            }
            return values;
        }

        int[] residuals(int n) {
            if (residuals.length < n) {
                residuals = new int[n];
            }
            return residuals;
        }

        byte[] buffer(int n) {
            if (buf.length < n) {
                buf = new byte[n];
            }
            return buf;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Decoder {
        private final byte[] buf;
        private final int end;
        private final String where;
        private int pos;
        private long acc;
        private int available;
        private long sum = 16;
        private int count = 1;

        Decoder(byte[] buf, int start, int end, String where) {
            this.buf = buf;
            this.pos = start;
            this.end = end;
            this.where = where;
        }

        private void fill() {
            while (available <= 56 && pos < end) {
                acc = acc << 8 | (buf[pos++] & 0xFF);
                available += 8;
            }
        }

        private CodecException ended() {
            return new CodecException(where + ": compact line bit stream ends before its last value");
        }

        private long take(int n) {
            if (available < n) {
                throw ended();
            }
            available -= n;
            return n == 0 ? 0 : (acc >>> available) & ((1L << n) - 1);
        }

        int read() {
            int k = riceParameter(sum, count);
            fill();
            if (available == 0) {
                throw ended();
            }
            int ones = Long.numberOfLeadingZeros(~(acc << (64 - available)));
            long uu;
            if (ones >= ESCAPE_UNARY) {
                available -= ESCAPE_UNARY;
                uu = take(32);
            } else {
                if (ones >= available) {
                    throw ended();
                }
                available -= ones + 1;
                uu = (long) ones << k | take(k);
            }
            int u = (int) uu;
            sum += u & 0xFFFFFFFFL;
            if (++count == RESET) {
                sum >>= 1;
                count >>= 1;
            }
            return (u >>> 1) ^ -(u & 1);
        }

        void expectEnd() {
            if (pos != end || available >= 8 || (available > 0 && (acc & ((1L << available) - 1)) != 0)) {
                throw new CodecException(where + ": compact line bit stream has " + (end - pos + available / 8)
                        + " bytes after its last value");
            }
        }
    }
}
