package io.hyclus.container;

import io.hyclus.core.spectral.MaterialClass;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TraySlot;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import static io.hyclus.container.SampleContainerFormat.*;

/**
 * Reads a sample container of any format in {@link SampleContainerFormat#READABLE}. A missing file, a foreign
 * format or a dataset of the wrong type or shape fails with a {@link ContainerException} naming the file, the node
 * and what was expected; nothing is returned half-read.
 */
public final class SampleContainerReader {
    private SampleContainerReader() {
    }

    public static SampleSpectra read(Path file) {
        requireFile(file);
        try (HdfFile hdf = new HdfFile(file)) {
            String format = readableFormat(hdf, file);
            SampleMetadata meta = new SampleMetadata(text(hdf, SAMPLE_ID, file), text(hdf, PLANT, file),
                    YearMonth.parse(text(hdf, MONTH, file)), GrainSizeFraction.parse(text(hdf, GRAIN_SIZE_FRACTION, file)));
            double[] r = doubles(hdf, SAMPLE_REGION_MM, 4, file);
            TraySlot slot = new TraySlot(number(hdf, SLOT_INDEX, file).intValue(), meta,
                    new RegionMm(r[0], r[1], r[2], r[3]));
            Map<SensorKind, CameraSpectra> cams = new EnumMap<>(SensorKind.class);
            for (SensorKind k : SensorKind.values()) {
                if (hdf.getChild(cameraGroup(k)) instanceof Group g) {
                    cams.put(k, camera(k, g, format, file));
                }
            }
            return new SampleSpectra(file, format, text(hdf, SCAN_ID, file), text(hdf, TRAY_ID, file), slot, cams,
                    provenance(hdf, file));
        } catch (ContainerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ContainerException("cannot read sample container " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Which sample a container holds (format, scan, tray, sample metadata), from its root attributes only: no dataset
     * is read, so choosing containers by plant, month or scan costs little.
     */
    public static SampleHeader readHeader(Path file) {
        requireFile(file);
        try (HdfFile hdf = new HdfFile(file)) {
            String format = readableFormat(hdf, file);
            SampleMetadata meta = new SampleMetadata(text(hdf, SAMPLE_ID, file), text(hdf, PLANT, file),
                    YearMonth.parse(text(hdf, MONTH, file)), GrainSizeFraction.parse(text(hdf, GRAIN_SIZE_FRACTION, file)));
            return new SampleHeader(file, format, text(hdf, SCAN_ID, file), text(hdf, TRAY_ID, file), meta);
        } catch (ContainerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ContainerException("cannot read sample container " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The number of spectra per camera a container holds, from its attributes only (no dataset is read), for a
     * writer that must not replace a container with one holding fewer.
     */
    public static Map<SensorKind, Long> spectraCounts(Path file) {
        requireFile(file);
        try (HdfFile hdf = new HdfFile(file)) {
            Map<SensorKind, Long> counts = new EnumMap<>(SensorKind.class);
            for (SensorKind k : SensorKind.values()) {
                if (hdf.getChild(cameraGroup(k)) instanceof Group g) {
                    counts.put(k, number(g, SPECTRA_COUNT, file + " /" + g.getName()).longValue());
                }
            }
            return counts;
        } catch (ContainerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ContainerException("cannot read sample container " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ContainerException("no sample container at " + file);
        }
    }

    /** The container's format, when this reader reads it. */
    private static String readableFormat(HdfFile hdf, Path file) {
        String format = text(hdf, FORMAT, file);
        if (!READABLE.contains(format)) {
            throw new ContainerException(file + " has format '" + format + "', expected one of " + READABLE);
        }
        return format;
    }

    /**
     * One camera's material classes (one per spectrum, in file order; {@link MaterialClass}), read without its spectra:
     * all 0 (material) for containers written before format /4; null when the container has no group for the camera.
     */
    public static byte[] readMaterial(Path file, SensorKind camera) {
        requireFile(file);
        try (HdfFile hdf = new HdfFile(file)) {
            String format = readableFormat(hdf, file);
            if (!(hdf.getChild(cameraGroup(camera)) instanceof Group g)) {
                return null;
            }
            String where = file + " /" + g.getName();
            long n = number(g, SPECTRA_COUNT, where).longValue();
            return FORMAT_V4.equals(format) && n > 0 ? material(g, n, where) : new byte[(int) n];
        } catch (ContainerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ContainerException("cannot read sample container " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Each camera's spectra as an {@link HsiCube} (an empty cube for a camera with none). Format /3 files are read from
     * {@code hsi_data} and {@code hsi_mask}, checked against the camera's spectrum count and band axis; older files get
     * the cube built from {@code spectra}, {@code line_index} and {@code pixel_index}, as the /3 writer builds it.
     */
    public static Map<SensorKind, HsiCube> readCubes(Path file) {
        SampleSpectra s = read(file);
        Map<SensorKind, HsiCube> cubes = new EnumMap<>(SensorKind.class);
        if (!hasCube(s.format())) {
            s.cameras().forEach((k, c) -> cubes.put(k, HsiCube.of(c.spectra(), c.lineIndex(), c.pixelIndex(),
                    c.wavelengthNm().length)));
            return cubes;
        }
        try (HdfFile hdf = new HdfFile(file)) {
            s.cameras().forEach((k, c) -> cubes.put(k, c.size() == 0
                    ? HsiCube.of(c.spectra(), c.lineIndex(), c.pixelIndex(), c.wavelengthNm().length)
                    : hsi((Group) hdf.getChild(cameraGroup(k)), c, file)));
            return cubes;
        } catch (ContainerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ContainerException("cannot read sample container " + file + ": " + e.getMessage(), e);
        }
    }

    private static HsiCube hsi(Group g, CameraSpectra c, Path file) {
        String where = file + " /" + g.getName();
        float[][][] data = data(g, HSI_DATA, float[][][].class, where);
        byte[][] mask = bytes(g, HSI_MASK, where);
        Node d = g.getChild(HSI_DATA);
        long firstLine = number(d, FIRST_LINE_INDEX, where + "/" + HSI_DATA).longValue();
        int firstPixel = number(d, FIRST_PIXEL_INDEX, where + "/" + HSI_DATA).intValue();
        if (data.length == 0 || data[0].length == 0 || data[0][0].length != c.wavelengthNm().length
                || mask.length != data.length || mask[0].length != data[0].length) {
            throw new ContainerException(where + "/" + HSI_DATA + " is " + data.length + " x "
                    + (data.length == 0 ? 0 : data[0].length) + " x " + (data.length == 0 || data[0].length == 0 ? 0
                    : data[0][0].length) + " with a mask of " + mask.length + " rows, expected rows x columns x "
                    + c.wavelengthNm().length + " bands and a mask of rows x columns");
        }
        HsiCube cube = new HsiCube(firstLine, firstPixel, data, mask);
        if (cube.filled() != c.size()) {
            throw new ContainerException(where + "/" + HSI_MASK + " marks " + cube.filled() + " cells, the camera has "
                    + c.size() + " spectra");
        }
        return cube;
    }

    /** The 8-bit {@code material} dataset of {@code n} class codes, each a known {@link MaterialClass}. */
    private static byte[] material(Group g, long n, String where) {
        if (!(g.getChild(MATERIAL) instanceof Dataset d)) {
            throw new ContainerException(where + " lacks the dataset " + MATERIAL);
        }
        Object v = d.getData();
        if (!v.getClass().isArray() || v.getClass().getComponentType().isArray()) {
            throw new ContainerException(where + "/" + MATERIAL + " is " + describe(v) + ", expected " + n
                    + " 8-bit class codes");
        }
        int len = java.lang.reflect.Array.getLength(v);
        if (len != n) {
            throw new ContainerException(where + "/" + MATERIAL + " has " + len + " class codes, the camera " + n
                    + " spectra");
        }
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            int code = ((Number) java.lang.reflect.Array.get(v, i)).intValue();
            if (code < 0 || code >= MaterialClass.values().length) {
                throw new ContainerException(where + "/" + MATERIAL + "[" + i + "] is " + code + ", expected a class code "
                        + materialClasses());
            }
            out[i] = (byte) code;
        }
        return out;
    }

    /** An 8-bit dataset; jhdf returns unsigned bytes widened to a larger type. */
    private static byte[][] bytes(Group g, String name, String where) {
        if (!(g.getChild(name) instanceof Dataset d)) {
            throw new ContainerException(where + " lacks the dataset " + name);
        }
        Object v = d.getData();
        if (v instanceof byte[][] b) {
            return b;
        }
        if (v instanceof Object[] rows && d.getDimensions().length == 2) {
            byte[][] out = new byte[rows.length][];
            for (int r = 0; r < rows.length; r++) {
                int len = java.lang.reflect.Array.getLength(rows[r]);
                out[r] = new byte[len];
                for (int i = 0; i < len; i++) {
                    out[r][i] = ((Number) java.lang.reflect.Array.get(rows[r], i)).byteValue();
                }
            }
            return out;
        }
        throw new ContainerException(where + "/" + name + " is " + describe(v) + ", expected 8-bit rows x columns");
    }

    private static Map<String, String> provenance(HdfFile hdf, Path file) {
        if (!(hdf.getChild(PROVENANCE) instanceof Group p)) {
            throw new ContainerException(file + " lacks the group /" + PROVENANCE);
        }
        Map<String, String> prov = new TreeMap<>();
        p.getAttributes().forEach((name, a) -> {
            if (!(a.getData() instanceof String s)) {
                throw new ContainerException(file + ": provenance attribute '" + name + "' is " + describe(a.getData())
                        + ", expected text");
            }
            prov.put(name, s);
        });
        return prov;
    }

    private static CameraSpectra camera(SensorKind kind, Group g, String format, Path file) {
        String where = file + " /" + g.getName();
        String sensorId = text(g, SENSOR_ID, where);
        String storedKind = text(g, SENSOR_KIND, where);
        if (!kind.name().equals(storedKind)) {
            throw new ContainerException(where + " has sensor_kind '" + storedKind + "', expected '" + kind.name() + "'");
        }
        long n = number(g, SPECTRA_COUNT, where).longValue();
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new ContainerException(where + " has " + SPECTRA_COUNT + " = " + n + ", expected 0 to " + Integer.MAX_VALUE);
        }
        boolean bandAxis = n > 0 || !FORMAT_V1.equals(format);
        double[] wl = bandAxis ? data(g, WAVELENGTH_NM, double[].class, where) : new double[0];
        double[] fwhm = bandAxis ? data(g, FWHM_NM, double[].class, where) : new double[0];
        if (fwhm.length != wl.length) {
            throw new ContainerException(where + ": " + FWHM_NM + " has " + fwhm.length + " bands, " + WAVELENGTH_NM
                    + " " + wl.length);
        }
        if (n == 0) {
            return new CameraSpectra(kind, sensorId, wl, fwhm, new float[0][], new long[0], new int[0], new double[0][]);
        }
        float[][] spectra = data(g, SPECTRA, float[][].class, where);
        long[] lines = data(g, LINE_INDEX, long[].class, where);
        int[] pixels = data(g, PIXEL_INDEX, int[].class, where);
        double[][] pos = data(g, POSITION_MM, double[][].class, where);
        shape(where, SPECTRA, spectra.length, n, spectra[0].length, wl.length);
        shape(where, LINE_INDEX, lines.length, n, 1, 1);
        shape(where, PIXEL_INDEX, pixels.length, n, 1, 1);
        shape(where, POSITION_MM, pos.length, n, pos[0].length, 2);
        byte[] material = FORMAT_V4.equals(format) ? material(g, n, where) : new byte[(int) n];
        return new CameraSpectra(kind, sensorId, wl, fwhm, spectra, lines, pixels, pos, material);
    }

    private static void shape(String where, String name, int rows, long expectedRows, int cols, int expectedCols) {
        if (rows != expectedRows || cols != expectedCols) {
            throw new ContainerException(where + "/" + name + " is " + rows + " x " + cols + ", expected " + expectedRows
                    + " x " + expectedCols);
        }
    }

    private static <T> T data(Group g, String name, Class<T> type, String where) {
        if (!(g.getChild(name) instanceof Dataset d)) {
            throw new ContainerException(where + " lacks the dataset " + name);
        }
        Object data = d.getData();
        if (!type.isInstance(data)) {
            throw new ContainerException(where + "/" + name + " is " + describe(data) + " " + Arrays.toString(d.getDimensions())
                    + ", expected " + type.getSimpleName());
        }
        return type.cast(data);
    }

    private static Attribute attribute(Node node, String name, Object where) {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            throw new ContainerException(where + " lacks the attribute '" + name + "'");
        }
        return a;
    }

    private static String text(Node node, String name, Object where) {
        Object v = attribute(node, name, where).getData();
        if (!(v instanceof String s)) {
            throw new ContainerException(where + ": attribute '" + name + "' is " + describe(v) + ", expected text");
        }
        return s;
    }

    private static Number number(Node node, String name, Object where) {
        Object v = attribute(node, name, where).getData();
        if (!(v instanceof Number n)) {
            throw new ContainerException(where + ": attribute '" + name + "' is " + describe(v) + ", expected an integer");
        }
        return n;
    }

    private static double[] doubles(Node node, String name, int length, Object where) {
        Object v = attribute(node, name, where).getData();
        if (!(v instanceof double[] d) || d.length != length) {
            throw new ContainerException(where + ": attribute '" + name + "' is " + describe(v) + ", expected " + length
                    + " float64 values");
        }
        return d;
    }

    private static String describe(Object v) {
        if (v == null) {
            return "empty";
        }
        if (v.getClass().isArray()) {
            return v.getClass().getComponentType().getSimpleName() + "[" + java.lang.reflect.Array.getLength(v) + "]";
        }
        return v.getClass().getSimpleName() + " '" + v + "'";
    }
}
