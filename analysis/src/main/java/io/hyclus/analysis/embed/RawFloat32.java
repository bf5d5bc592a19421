package io.hyclus.analysis.embed;

import io.hyclus.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Raw little-endian float32, row-major, no header: the file format of the benchmark peers ({@code --data F --shape
 * N,D}). Reading checks the file holds exactly N × D values and that all are finite (row and column named).
 */
public final class RawFloat32 {
    private RawFloat32() {
    }

    public static Points read(Path file, int n, int d) {
        long expected = (long) n * d * Float.BYTES;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() != expected) {
                throw new EmbeddingInputException(file + ": expected " + n + " x " + d + " float32 = " + expected
                        + " bytes, found " + ch.size());
            }
            if (expected > Integer.MAX_VALUE) {
                throw new EmbeddingInputException(file + ": " + expected + " bytes is above the 2 GiB limit");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) expected).order(ByteOrder.LITTLE_ENDIAN);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read until full
            }
            buf.flip();
            float[] v = new float[n * d];
            buf.asFloatBuffer().get(v);
            try {
                return Points.of(n, d, v);
            } catch (EmbeddingInputException e) {
                throw new EmbeddingInputException(file + ": " + e.getMessage());
            }
        } catch (IOException e) {
            throw new EmbeddingInputException(file + ": cannot read: " + e);
        }
    }

    /** Writes {@code values} atomically (temporary file, then rename). */
    public static void write(Path file, float[] values) throws IOException {
        AtomicFiles.write(file, out -> {
            ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(values);
            out.write(buf.array());
        });
    }
}
