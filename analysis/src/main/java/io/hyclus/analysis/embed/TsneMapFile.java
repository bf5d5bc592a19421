package io.hyclus.analysis.embed;

import io.hyclus.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The saved t-SNE map, format version 1 (all little-endian; see docs/tsne.md):
 * <pre>
 *   16 bytes  magic "HYCLUS-TSNE-MAP\n"
 *   int32     format version (1)
 *   int32     N reference points, int32 D input dimension
 *   int32     byte length L of the provenance, then L bytes UTF-8 "key=value\n" lines ({@link EmbeddingProvenance})
 *   float32   reference data, N × D row-major
 *   float32   positions, N × 2 row-major
 *   uint32    CRC-32 of every byte before it
 * </pre>
 * Written through a temporary file and an atomic rename. The neighbour index is not stored; it is rebuilt on load.
 */
public final class TsneMapFile {
    public static final byte[] MAGIC = "HYCLUS-TSNE-MAP\n".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;

    private TsneMapFile() {
    }

    public static void write(Path file, TsneMap map) {
        Points ref = map.reference();
        byte[] prov = provenanceBytes(map.provenance());
        long size = MAGIC.length + 4L * 4 + prov.length + 4L * ref.values().length + 4L * 2 * ref.n() + 4;
        if (size > Integer.MAX_VALUE) {
            throw new MapFileException(file + ": a map of " + size + " bytes is above the 2 GiB limit");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(VERSION).putInt(ref.n()).putInt(ref.d()).putInt(prov.length).put(prov);
        for (float v : ref.values()) {
            buf.putFloat(v);
        }
        for (float v : map.positionsView()) {
            buf.putFloat(v);
        }
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        try {
            AtomicFiles.write(file, out -> out.write(buf.array()));
        } catch (IOException e) {
            throw new MapFileException(file + ": cannot write the map: " + e, e);
        }
    }

    public static TsneMap read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MapFileException(file + ": cannot read: " + e, e);
        }
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte[] magic = new byte[MAGIC.length];
            buf.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new MapFileException(file + ": not a HyClus t-SNE map (magic " + printable(magic) + ")");
            }
            int version = buf.getInt();
            if (version != VERSION) {
                throw new MapFileException(file + ": map format version " + version + ", this build reads " + VERSION);
            }
            CRC32 crc = new CRC32();
            crc.update(all, 0, all.length - 4);
            int stored = ByteBuffer.wrap(all, all.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (stored != (int) crc.getValue()) {
                throw new MapFileException(file + ": checksum mismatch (stored " + Integer.toHexString(stored)
                        + ", computed " + Long.toHexString(crc.getValue()) + "): the file is damaged");
            }
            int n = buf.getInt();
            int d = buf.getInt();
            byte[] prov = new byte[buf.getInt()];
            buf.get(prov);
            EmbeddingProvenance provenance = EmbeddingProvenance.fromMap(parse(new String(prov, StandardCharsets.UTF_8)));
            float[] data = new float[Math.multiplyExact(n, d)];
            buf.asFloatBuffer().get(data);
            buf.position(buf.position() + 4 * data.length);
            float[] pos = new float[2 * n];
            buf.asFloatBuffer().get(pos);
            if (provenance.n() != n || provenance.d() != d) {
                throw new MapFileException(file + ": header says " + n + " x " + d + ", provenance says "
                        + provenance.n() + " x " + provenance.d());
            }
            return TsneMap.restored(Points.of(n, d, data), pos, provenance);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException | ArithmeticException e) {
            throw new MapFileException(file + ": truncated or malformed map (" + all.length + " bytes): " + e, e);
        }
    }

    private static byte[] provenanceBytes(EmbeddingProvenance p) {
        StringBuilder sb = new StringBuilder();
        p.toMap().forEach((k, v) -> sb.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(x >= 32 && x < 127 ? (char) x : '.');
        }
        return '"' + sb.toString() + '"';
    }
}
