package io.hyclus.analysis.live;

import io.hyclus.container.ContainerStorage;
import io.hyclus.container.SampleContainerFormat;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The codes file, format {@value #FORMAT}: one sample's codes beside its container, {@code <sample>.codes.h5} next to
 * {@code <sample>.h5}. The one home of its names, writer and reader (docs/live-encoder.md).
 *
 * <pre>
 * /                root attributes: format, scan_id, sample_id, plant, month (YYYY-MM), grain_size_fraction (label),
 *                  container_file (the container's file name, in the same directory), encoded_at (ISO-8601 UTC)
 * /provenance      one text attribute per provenance entry (software.version, encoder.model.VNIR, ...)
 * /&lt;camera&gt;         (vnir, swir; only cameras that were encoded) attributes sensor_kind, model_ref,
 *                  code_size (int32), spectra (int64, N)
 * /&lt;camera&gt;/codes   float32 [N x code_size]: row i is the code of the container's /&lt;camera&gt;/spectra row i;
 *                  chunked, shuffled and deflated like the container's large datasets
 * </pre>
 * Written to {@code <sample>.codes.h5.partial} and moved into place atomically: a reader never sees half a file, and
 * writing the same codes again (a restart after a crash) gives the same bytes.
 */
public final class CodesFile {
    public static final String FORMAT = "hyclus-sample-codes/1";
    /** Replaces the container's {@code .h5}. */
    public static final String SUFFIX = SampleContainerFormat.CODES_SUFFIX;
    public static final String PARTIAL_SUFFIX = ".codes.h5.partial";

    static final String FORMAT_ATTR = "format";
    static final String SCAN_ID = "scan_id";
    static final String SAMPLE_ID = "sample_id";
    static final String PLANT = "plant";
    static final String MONTH = "month";
    static final String GRAIN_SIZE_FRACTION = "grain_size_fraction";
    static final String CONTAINER_FILE = "container_file";
    static final String ENCODED_AT = "encoded_at";
    static final String PROVENANCE = "provenance";
    static final String SENSOR_KIND = "sensor_kind";
    static final String MODEL_REF = "model_ref";
    static final String CODE_SIZE = "code_size";
    static final String SPECTRA = "spectra";
    static final String CODES = "codes";

    private static final ContainerStorage STORAGE = ContainerStorage.DEFAULT;

    private CodesFile() {
    }

    /** The codes file of a container: {@code A-1.h5} -> {@code A-1.codes.h5} in the same directory. */
    public static Path siblingOf(Path container) {
        String name = container.getFileName().toString();
        String stem = name.endsWith(SampleContainerFormat.FILE_SUFFIX)
                ? name.substring(0, name.length() - SampleContainerFormat.FILE_SUFFIX.length()) : name;
        return container.resolveSibling(stem + SUFFIX);
    }

    static Path partialOf(Path codesFile) {
        String name = codesFile.getFileName().toString();
        return codesFile.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + PARTIAL_SUFFIX);
    }

    /**
     * Writes {@code s} as the sibling of its container, replacing an older one, and returns the file. A
     * {@code .partial} left by a process that died while writing is deleted first (jhdf does not truncate).
     *
     * @throws LiveEncoderException naming the file and the reason (the disk full, the directory not writable)
     */
    public static Path write(EncodedSample s) {
        Path target = siblingOf(s.container());
        Path tmp = partialOf(target);
        WritableHdfFile hdf = null;
        try {
            Files.deleteIfExists(tmp);
            hdf = HdfFile.write(tmp);
            root(hdf, s, target);
            WritableGroup prov = hdf.putGroup(PROVENANCE);
            s.provenance().asMap().forEach(prov::putAttribute);
            for (CameraCodes c : s.cameras()) {
                camera(hdf, c);
            }
            hdf.close(); // jhdf writes everything here; when that fails it leaves its channel open (released below)
            hdf = null;
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | RuntimeException e) {
            if (hdf != null) {
                io.hyclus.container.JhdfFiles.release(hdf, e);
            }
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new LiveEncoderException("cannot write the codes of sample " + s.metadata().sampleId() + " (scan "
                    + s.scanId() + ") to " + target + ": " + reason(e), e);
        }
    }

    /** The OS's reason ("No space left on device"), or what failed on which file when the exception gives none. */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? f.getReason() + " (" + f.getFile() + ")"
                    : f.getClass().getSimpleName() + " (" + f.getFile() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Deletes the codes file of {@code container} and its {@code .partial}, if any; true if a codes file was there. */
    static boolean delete(Path container) {
        Path target = siblingOf(container);
        try {
            Files.deleteIfExists(partialOf(target));
            return Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new LiveEncoderException("cannot delete the stale codes file " + target + ": " + e.getMessage(), e);
        }
    }

    private static void root(WritableHdfFile hdf, EncodedSample s, Path target) {
        SampleMetadata m = s.metadata();
        hdf.putAttribute(FORMAT_ATTR, FORMAT);
        hdf.putAttribute(SCAN_ID, s.scanId());
        hdf.putAttribute(SAMPLE_ID, m.sampleId());
        hdf.putAttribute(PLANT, m.plant());
        hdf.putAttribute(MONTH, m.month().toString());
        hdf.putAttribute(GRAIN_SIZE_FRACTION, m.fraction().label());
        if (!s.container().toAbsolutePath().getParent().equals(target.toAbsolutePath().getParent())) {
            throw new IllegalStateException("codes file " + target + " must be in its container's directory");
        }
        hdf.putAttribute(CONTAINER_FILE, s.container().getFileName().toString());
        hdf.putAttribute(ENCODED_AT, s.encodedAt().toString());
    }

    private static void camera(WritableHdfFile hdf, CameraCodes c) {
        WritableGroup g = hdf.putGroup(SampleContainerFormat.cameraGroup(c.camera()));
        g.putAttribute(SENSOR_KIND, c.camera().name());
        g.putAttribute(MODEL_REF, c.modelRef());
        g.putAttribute(CODE_SIZE, c.codeSize());
        g.putAttribute(SPECTRA, (long) c.rows());
        float[][] rows = new float[c.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = c.row(i);
        }
        g.putDataset(CODES, rows, STORAGE.options(new int[] {rows.length, c.codeSize()}, Float.BYTES, false));
    }

    /**
     * Reads a codes file back.
     *
     * @throws LiveEncoderException naming the file and node when it is missing, of another format, or malformed
     */
    public static EncodedSample read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LiveEncoderException("no codes file at " + file);
        }
        try (HdfFile hdf = new HdfFile(file)) {
            String format = text(hdf, FORMAT_ATTR, file);
            if (!FORMAT.equals(format)) {
                throw new LiveEncoderException(file + " has format '" + format + "', expected '" + FORMAT + "'");
            }
            SampleMetadata m = new SampleMetadata(text(hdf, SAMPLE_ID, file), text(hdf, PLANT, file),
                    YearMonth.parse(text(hdf, MONTH, file)), GrainSizeFraction.parse(text(hdf, GRAIN_SIZE_FRACTION, file)));
            List<CameraCodes> cams = new ArrayList<>();
            for (SensorKind k : SensorKind.values()) {
                if (hdf.getChild(SampleContainerFormat.cameraGroup(k)) instanceof Group g) {
                    cams.add(camera(k, g, file + " /" + g.getName()));
                }
            }
            return new EncodedSample(text(hdf, SCAN_ID, file), m, file.resolveSibling(text(hdf, CONTAINER_FILE, file)),
                    Instant.parse(text(hdf, ENCODED_AT, file)), cams, provenance(hdf, file));
        } catch (LiveEncoderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LiveEncoderException("cannot read codes file " + file + ": " + e.getMessage(), e);
        }
    }

    private static CameraCodes camera(SensorKind k, Group g, String where) {
        String kind = text(g, SENSOR_KIND, where);
        if (!k.name().equals(kind)) {
            throw new LiveEncoderException(where + " has sensor_kind '" + kind + "', expected '" + k.name() + "'");
        }
        int codeSize = ((Number) attribute(g, CODE_SIZE, where).getData()).intValue();
        long n = ((Number) attribute(g, SPECTRA, where).getData()).longValue();
        if (!(g.getChild(CODES) instanceof Dataset d) || !(d.getData() instanceof float[][] rows)) {
            throw new LiveEncoderException(where + " lacks the float32 dataset " + CODES);
        }
        if (rows.length != n || rows.length == 0 || rows[0].length != codeSize) {
            throw new LiveEncoderException(where + "/" + CODES + " is " + rows.length + " x "
                    + (rows.length == 0 ? 0 : rows[0].length) + ", expected " + n + " x " + codeSize);
        }
        float[] flat = new float[rows.length * codeSize];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * codeSize, codeSize);
        }
        return new CameraCodes(k, text(g, MODEL_REF, where), codeSize, flat);
    }

    private static Provenance provenance(HdfFile hdf, Path file) {
        if (!(hdf.getChild(PROVENANCE) instanceof Group p)) {
            throw new LiveEncoderException(file + " lacks the group /" + PROVENANCE);
        }
        TreeMap<String, String> map = new TreeMap<>();
        p.getAttributes().forEach((k, a) -> map.put(k, String.valueOf(a.getData())));
        return Provenance.fromMap(map);
    }

    private static Attribute attribute(Node node, String name, Object where) {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            throw new LiveEncoderException(where + " lacks the attribute '" + name + "'");
        }
        return a;
    }

    private static String text(Node node, String name, Object where) {
        Object v = attribute(node, name, where).getData();
        if (!(v instanceof String s)) {
            throw new LiveEncoderException(where + ": attribute '" + name + "' is " + v + ", expected text");
        }
        return s;
    }
}
