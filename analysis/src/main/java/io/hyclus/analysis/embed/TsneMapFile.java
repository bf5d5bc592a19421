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
 * The saved t-SNE map, format version 2 (all little-endian; see docs/tsne.md):
 * <pre>
 *   16 bytes  magic "HYCLUS-TSNE-MAP\n"
 *   int32     format version (2; version 1 files, which end after the positions, are still read)
 *   int32     N reference points, int32 D input dimension
 *   int32     byte length L of the provenance, then L bytes UTF-8 "key=value\n" lines ({@link EmbeddingProvenance})
 *   float32   reference data, N × D row-major
 *   float32   positions, N × 2 row-major
 *   version 2 only, the reference's repulsion field for transforms ({@link KernelPotentials}):
 *   float64   grid origin x, origin y, side; int32 boxes B per side
 *   float32   potentials, 4 channels × (3B)² nodes, row-major
 *   uint32    CRC-32 of every byte before it
 * </pre>
 * Written through a temporary file and an atomic rename. No neighbour index is stored: transforms onto maps of up to
 * {@link TsneMap#EXACT_QUERY_LIMIT} points search exactly; above, the HNSW graph is rebuilt on first use.
 */
public final class TsneMapFile {
    public static final byte[] MAGIC = "HYCLUS-TSNE-MAP\n".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 2;
    /** The first format: no repulsion field (computed on first use after loading). */
    public static final int VERSION_1 = 1;

    private TsneMapFile() {
    }

    public static void write(Path file, TsneMap map) {
        Points ref = map.reference();
        byte[] prov = provenanceBytes(map.provenance());
        KernelPotentials pot;
        try (Parallel parallel = new Parallel(map.provenance().settings().threads())) {
            pot = map.field(parallel).potentials();
        }
        long cells = (long) pot.potential(0).length;
        long size = MAGIC.length + 4L * 4 + prov.length + 4L * ref.values().length + 4L * 2 * ref.n()
                + 3 * 8 + 4 + 4L * KernelPotentials.CHANNELS * cells + 4;
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
        buf.putDouble(pot.originX()).putDouble(pot.originY()).putDouble(pot.side()).putInt(pot.boxes());
        for (int c = 0; c < KernelPotentials.CHANNELS; c++) {
            for (double v : pot.potential(c)) {
                buf.putFloat((float) v);
            }
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
            if (version != VERSION && version != VERSION_1) {
                throw new MapFileException(file + ": map format version " + version + ", this build reads versions "
                        + VERSION_1 + " and " + VERSION);
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
            buf.position(buf.position() + 4 * pos.length);
            KernelPotentials pot = version == VERSION_1 ? null : readField(buf);
            if (buf.remaining() != 4) {
                throw new MapFileException(file + ": " + (buf.remaining() - 4) + " unexpected bytes before the checksum"
                        + " (format version " + version + ")");
            }
            if (provenance.n() != n || provenance.d() != d) {
                throw new MapFileException(file + ": header says " + n + " x " + d + ", provenance says "
                        + provenance.n() + " x " + provenance.d());
            }
            return TsneMap.restored(Points.of(n, d, data), pos, provenance, pot);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException | ArithmeticException e) {
            throw new MapFileException(file + ": truncated or malformed map (" + all.length + " bytes): " + e, e);
        }
    }

    private static KernelPotentials readField(ByteBuffer buf) {
        double originX = buf.getDouble();
        double originY = buf.getDouble();
        double side = buf.getDouble();
        int boxes = buf.getInt();
        long cells = (long) KernelPotentials.NODES_PER_BOX * boxes * KernelPotentials.NODES_PER_BOX * boxes;
        if (boxes < 1 || cells * KernelPotentials.CHANNELS * 4 > buf.remaining()) {
            throw new IllegalArgumentException("repulsion field of " + boxes + " boxes per side does not fit in the "
                    + buf.remaining() + " bytes left");
        }
        double[][] potential = new double[KernelPotentials.CHANNELS][(int) cells];
        for (double[] channel : potential) {
            for (int e = 0; e < channel.length; e++) {
                channel[e] = buf.getFloat();
            }
        }
        return KernelPotentials.restored(originX, originY, side, boxes, potential);
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
