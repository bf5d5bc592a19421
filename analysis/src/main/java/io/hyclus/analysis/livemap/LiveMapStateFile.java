package io.hyclus.analysis.livemap;

import io.hyclus.analysis.embed.MapFileException;
import io.hyclus.analysis.embed.TsneMap;
import io.hyclus.analysis.embed.TsneMapFile;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The live map's saved state, in its directory: {@value #STATE} (format below) and the current map as
 * {@code map-v<N>.tsne} ({@link TsneMapFile}). {@link #save} writes the map file of a new version first (a leftover of a crash is overwritten), then the
 * state file, each through a temporary file and an atomic rename, then deletes map files of other versions: a crash at
 * any point leaves a state file and the map file it names.
 *
 * <pre>
 * state file, big-endian (Java DataOutput; str = modified UTF-8 with a 2-byte length):
 *   16 bytes "HYCLUS-LIVEMAP1\n", i32 format version (1), i32 map version, str camera, str model ("" none),
 *   str map file ("" none), i64 points added since the fit,
 *   i32 provenance entries, (str key, str value) each,
 *   i8 reservoir present; if 1: i32 capacity, i32 D, i64 seed, i64 points seen,
 *     i32 samples, (str scanId, sampleId, plant, month YYYY-MM, fraction, model) each,
 *     i32 points, (i32 sample, i32 row) each, points x D float32 codes,
 *   i32 partitions, (i32 partition, i64 next offset) each,
 *   i32 CRC-32 of every byte before it
 * </pre>
 */
final class LiveMapStateFile {
    static final String STATE = "live-map.state";
    static final int VERSION = 1;
    private static final byte[] MAGIC = "HYCLUS-LIVEMAP1\n".getBytes(StandardCharsets.US_ASCII);

    /** What was saved: the state, where to resume on each partition of the codes topic, and provenance. */
    record Saved(LiveMapState state, Map<Integer, Long> offsets, Map<String, String> provenance) {
    }

    private LiveMapStateFile() {
    }

    static String mapFileName(int version) {
        return "map-v" + version + ".tsne";
    }

    /** Saves the state; the map file of its version is (re)written when {@code writeMap} (a new version). */
    static void save(Path dir, LiveMapState s, boolean writeMap, Map<Integer, Long> offsets,
                     Map<String, String> provenance) {
        try {
            Files.createDirectories(dir);
            String mapFile = "";
            if (s.map() != null) {
                mapFile = mapFileName(s.version());
                if (writeMap || !Files.exists(dir.resolve(mapFile))) {
                    TsneMapFile.write(dir.resolve(mapFile), s.map());
                }
            }
            atomicWrite(dir.resolve(STATE), encode(s, mapFile, offsets, provenance));
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "map-v*.tsne")) {
                for (Path p : old) {
                    if (!p.getFileName().toString().equals(mapFile)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException | MapFileException e) {
            throw new LiveMapException("cannot save the live map in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The saved state in {@code dir}, if there is one. */
    static Optional<Saved> read(Path dir) {
        Path file = dir.resolve(STATE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LiveMapException(file + ": cannot read: " + e, e);
        }
        if (all.length < MAGIC.length + 8 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new LiveMapException(file + ": not a HyClus live map state (" + all.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 4);
        int stored = java.nio.ByteBuffer.wrap(all, all.length - 4, 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new LiveMapException(file + ": checksum mismatch: the file is damaged");
        }
        try {
            return Optional.of(decode(dir, new DataInputStream(new ByteArrayInputStream(all, MAGIC.length,
                    all.length - MAGIC.length - 4))));
        } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new LiveMapException(file + ": malformed live map state: " + e.getMessage(), e);
        }
    }

    private static byte[] encode(LiveMapState s, String mapFile, Map<Integer, Long> offsets,
                                 Map<String, String> provenance) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(s.version());
        out.writeUTF(s.camera().name());
        out.writeUTF(s.modelRef() == null ? "" : s.modelRef());
        out.writeUTF(mapFile);
        out.writeLong(s.addedSinceFit());
        out.writeInt(provenance.size());
        for (Map.Entry<String, String> e : provenance.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        Reservoir r = s.reservoir();
        out.writeByte(r == null ? 0 : 1);
        if (r != null) {
            writeReservoir(out, r);
        }
        out.writeInt(offsets.size());
        for (Map.Entry<Integer, Long> e : new TreeMap<>(offsets).entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue());
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    private static void writeReservoir(DataOutputStream out, Reservoir r) throws IOException {
        out.writeInt(r.capacity());
        out.writeInt(r.d());
        out.writeLong(r.seed());
        out.writeLong(r.seen());
        List<MapSample> samples = r.heldSamples();
        out.writeInt(samples.size());
        for (MapSample m : samples) {
            SampleMetadata md = m.metadata();
            out.writeUTF(m.scanId());
            out.writeUTF(md.sampleId());
            out.writeUTF(md.plant());
            out.writeUTF(md.month().toString());
            out.writeUTF(md.fraction().name());
            out.writeUTF(m.modelRef());
        }
        int[] sampleOf = r.heldSampleIndices();
        int[] rows = r.rows();
        out.writeInt(sampleOf.length);
        for (int i = 0; i < sampleOf.length; i++) {
            out.writeInt(sampleOf[i]);
            out.writeInt(rows[i]);
        }
        for (float v : r.codes()) {
            out.writeFloat(v);
        }
    }

    private static Saved decode(Path dir, DataInputStream in) throws IOException {
        int format = in.readInt();
        if (format != VERSION) {
            throw new IllegalArgumentException("state format version " + format + ", this build reads " + VERSION);
        }
        int version = in.readInt();
        SensorKind camera = SensorKind.valueOf(in.readUTF());
        String model = in.readUTF();
        String mapFile = in.readUTF();
        long added = in.readLong();
        Map<String, String> prov = new LinkedHashMap<>();
        int entries = in.readInt();
        for (int i = 0; i < entries; i++) {
            prov.put(in.readUTF(), in.readUTF());
        }
        Reservoir reservoir = in.readByte() == 1 ? readReservoir(in) : null;
        Map<Integer, Long> offsets = new TreeMap<>();
        int parts = in.readInt();
        for (int i = 0; i < parts; i++) {
            offsets.put(in.readInt(), in.readLong());
        }
        if (in.available() != 0) {
            throw new IllegalArgumentException(in.available() + " unexpected trailing bytes");
        }
        TsneMap map = mapFile.isEmpty() ? null : TsneMapFile.read(dir.resolve(mapFile));
        return new Saved(new LiveMapState(version, camera, model.isEmpty() ? null : model, map, reservoir, added),
                offsets, prov);
    }

    private static Reservoir readReservoir(DataInputStream in) throws IOException {
        int capacity = in.readInt();
        int d = in.readInt();
        long seed = in.readLong();
        long seen = in.readLong();
        int n = in.readInt();
        List<MapSample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String scan = in.readUTF();
            SampleMetadata m = new SampleMetadata(in.readUTF(), in.readUTF(), YearMonth.parse(in.readUTF()),
                    GrainSizeFraction.valueOf(in.readUTF()));
            samples.add(new MapSample(scan, m, in.readUTF()));
        }
        int size = in.readInt();
        if (size < 0 || size > capacity) {
            throw new IllegalArgumentException("reservoir of " + size + " points, capacity " + capacity);
        }
        int[] sampleOf = new int[size];
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) {
            sampleOf[i] = in.readInt();
            rows[i] = in.readInt();
        }
        float[] codes = new float[Math.multiplyExact(size, d)];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = in.readFloat();
        }
        return Reservoir.restored(capacity, d, seed, seen, samples, sampleOf, rows, codes);
    }

    private static void atomicWrite(Path target, byte[] content) throws IOException {
        io.hyclus.core.io.AtomicFiles.write(target, content);
    }
}
