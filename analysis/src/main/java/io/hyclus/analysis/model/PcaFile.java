package io.hyclus.analysis.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The one home of the PCA weights file {@code pca.bin}, little-endian:
 * <pre>
 *   int32  magic 0x48595043 ("HYPC")
 *   int32  format version (1)
 *   int32  bands d
 *   int32  components k
 *   float64[d]      band means of the scaled training spectra
 *   float64[d * k]  components, row-major bands x k (band b's loading on component j at b * k + j)
 *   int64  CRC-32 of every byte before it
 * </pre>
 * The length must be exactly {@code 16 + 8 d + 8 d k + 8} bytes. Reading checks the magic, the version, the sizes
 * against what the model's metadata says, the length, the checksum and that every value is finite; any failure is a
 * {@link ModelException} naming the file.
 */
public final class PcaFile {
    public static final String NAME = "pca.bin";
    static final int MAGIC = 0x48595043;
    static final int VERSION = 1;
    private static final int HEADER = 16;

    /** What the file holds; arrays are owned by the caller after reading. */
    public record Content(int bands, int components, double[] mean, double[] loadings) {
        public Content {
            if (mean.length != bands || loadings.length != (long) bands * components) {
                throw new IllegalArgumentException("PCA of " + bands + " bands x " + components + " components needs "
                        + bands + " means and " + (long) bands * components + " loadings, got " + mean.length + " and "
                        + loadings.length);
            }
        }
    }

    private PcaFile() {
    }

    static long length(int bands, int k) {
        return HEADER + 8L * bands + 8L * bands * k + 8;
    }

    public static void write(Path file, Content c) {
        ByteBuffer buf = ByteBuffer.allocate((int) length(c.bands(), c.components())).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(MAGIC).putInt(VERSION).putInt(c.bands()).putInt(c.components());
        for (double m : c.mean()) {
            buf.putDouble(m);
        }
        for (double v : c.loadings()) {
            buf.putDouble(v);
        }
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putLong(crc.getValue());
        try {
            Files.write(file, buf.array());
        } catch (IOException e) {
            throw new ModelException("cannot write PCA weights " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks {@code file}, which must hold {@code bands} x {@code k}. */
    public static Content read(Path file, int bands, int k) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelException("PCA weights file " + file + " is missing", e);
        } catch (IOException e) {
            throw new ModelException("cannot read PCA weights " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length < HEADER) {
            throw new ModelException("PCA weights file " + file + " is truncated: " + bytes.length + " bytes, less than its "
                    + HEADER + "-byte header");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = buf.getInt();
        int version = buf.getInt();
        int d = buf.getInt();
        int kk = buf.getInt();
        if (magic != MAGIC) {
            throw new ModelException(file + " is not a PCA weights file (magic 0x" + Integer.toHexString(magic)
                    + ", expected 0x" + Integer.toHexString(MAGIC) + ")");
        }
        if (version != VERSION) {
            throw new ModelException(file + " has PCA format version " + version + ", this HyClus reads " + VERSION);
        }
        if (d != bands || kk != k) {
            throw new ModelException(file + " holds " + d + " bands x " + kk + " components, the model's metadata says "
                    + bands + " x " + k);
        }
        long expected = length(d, kk);
        if (bytes.length != expected) {
            throw new ModelException("PCA weights file " + file + " is " + (bytes.length < expected ? "truncated" : "too long")
                    + ": " + bytes.length + " bytes, expected " + expected);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = buf.getLong(bytes.length - 8);
        if (stored != crc.getValue()) {
            throw new ModelException("PCA weights file " + file + " is corrupt: CRC-32 " + Long.toHexString(crc.getValue())
                    + ", stored " + Long.toHexString(stored));
        }
        double[] mean = new double[d];
        double[] loadings = new double[d * kk];
        for (int i = 0; i < d; i++) {
            mean[i] = finite(buf.getDouble(), file, i);
        }
        for (int i = 0; i < loadings.length; i++) {
            loadings[i] = finite(buf.getDouble(), file, d + i);
        }
        return new Content(d, kk, mean, loadings);
    }

    private static double finite(double v, Path file, int index) {
        if (!Double.isFinite(v)) {
            throw new ModelException("PCA weights file " + file + ": value " + index + " is " + v);
        }
        return v;
    }
}
