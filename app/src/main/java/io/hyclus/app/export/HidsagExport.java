package io.hyclus.app.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyclus.app.AppException;
import io.hyclus.container.CameraSpectra;
import io.hyclus.container.ContainerStorage;
import io.hyclus.container.HsiCube;
import io.hyclus.container.SafeFileNames;
import io.hyclus.container.SampleContainerFormat;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.RegionMm;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes the containers under one directory in HIDSAG's layout: {@code <out>/wavelengths.json} and per sample
 * {@code <out>/<sample>/metadata.json} with one crop per container (scan) of the sample, each with one image per camera
 * that saw the sample, {@code <out>/<sample>/<scan>_<camera>.h5} holding {@code /hsi_data}. Folder and file names are
 * {@link SafeFileNames}. Every file is written to {@code <name>.partial} and moved into place; the output depends only
 * on the containers, so a re-run writes the same bytes. Layout and mapping: {@code docs/hidsag-export.md}.
 */
final class HidsagExport {
    private static final Logger LOG = LoggerFactory.getLogger(HidsagExport.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String METADATA = "metadata.json";
    static final String WAVELENGTHS = "wavelengths.json";
    static final String HSI_DATA = "hsi_data";

    record Result(int containers, int samples, int images) {
    }

    private final Path samplesDir;
    private final Path outDir;
    /** Sample id to its metadata.json (crops in container order); the sample's first container sets its labels. */
    private final Map<String, ObjectNode> metadata = new TreeMap<>();
    /** Camera group (vnir, swir) to the band centres every exported image of that camera shares. */
    private final Map<String, double[]> wavelengths = new TreeMap<>();
    private final Map<String, Path> bandSource = new TreeMap<>();
    private int images;

    HidsagExport(Path samplesDir, Path outDir) {
        this.samplesDir = samplesDir;
        this.outDir = outDir;
    }

    Result run() {
        List<Path> containers = containers();
        for (Path file : containers) {
            export(file);
        }
        metadata.forEach((id, json) -> writeJson(outDir.resolve(SafeFileNames.of(id)).resolve(METADATA), json));
        ObjectNode wl = JSON.objectNode();
        wavelengths.forEach((camera, nm) -> {
            ArrayNode a = wl.putArray(camera);
            Arrays.stream(nm).forEach(a::add);
        });
        writeJson(outDir.resolve(WAVELENGTHS), wl);
        LOG.info("Exported {} containers of {} samples as HIDSAG to {}", containers.size(), metadata.size(), outDir);
        return new Result(containers.size(), metadata.size(), images);
    }

    private List<Path> containers() {
        try (Stream<Path> files = Files.walk(samplesDir)) {
            List<Path> found = files.filter(Files::isRegularFile)
                    .filter(p -> io.hyclus.container.SampleContainerFormat.isContainerFile(p)).sorted().toList();
            if (found.isEmpty()) {
                throw new AppException("no sample container (*" + SampleContainerFormat.FILE_SUFFIX + ") under " + samplesDir);
            }
            return found;
        } catch (IOException e) {
            throw new AppException("cannot list the sample containers under " + samplesDir + ": " + e.getMessage(), e);
        }
    }

    private void export(Path file) {
        SampleSpectra s = SampleContainerReader.read(file);
        Map<SensorKind, HsiCube> cubes = SampleContainerReader.readCubes(file);
        String sampleId = s.metadata().sampleId();
        Path sampleDir = outDir.resolve(SafeFileNames.of(sampleId));
        ObjectNode sample = metadata.computeIfAbsent(sampleId, id -> sampleNode(s));
        ObjectNode crop = crop(s, file, (ArrayNode) sample.get("crops"));
        ArrayNode imageNodes = crop.putArray("images");
        for (SensorKind kind : SensorKind.values()) {
            CameraSpectra cam = s.cameras().get(kind);
            if (cam == null || cam.size() == 0) {
                continue;
            }
            String camera = SampleContainerFormat.cameraGroup(kind);
            checkBands(camera, cam.wavelengthNm(), file);
            String name = SafeFileNames.of(s.scanId()) + "_" + camera + SampleContainerFormat.FILE_SUFFIX;
            writeImage(sampleDir.resolve(name), s, cam, cubes.get(kind));
            imageNodes.add(HidsagImage.entry(s, cam, cubes.get(kind), name, camera));
            images++;
        }
    }

    private static ObjectNode sampleNode(SampleSpectra s) {
        ObjectNode o = JSON.objectNode();
        o.put("sample_id", s.metadata().sampleId());
        o.put("plant", s.metadata().plant());
        o.put("month", s.metadata().month().toString());
        o.put("grain_size_fraction", s.metadata().fraction().label());
        o.putArray("crops");
        return o;
    }

    private ObjectNode crop(SampleSpectra s, Path file, ArrayNode crops) {
        for (var c : crops) {
            if (c.get("scan_id").asText().equals(s.scanId())) {
                throw new AppException("sample " + s.metadata().sampleId() + " of scan " + s.scanId() + " is in two "
                        + "containers: " + c.get("source").asText() + " and " + samplesDir.relativize(file));
            }
        }
        ObjectNode crop = crops.addObject();
        crop.put("crop_id", SafeFileNames.of(s.scanId()));
        crop.put("scan_id", s.scanId());
        crop.put("tray_id", s.trayId());
        crop.put("slot_index", s.slot().index());
        RegionMm r = s.slot().region();
        crop.putArray("region_mm").add(r.x0()).add(r.y0()).add(r.x1()).add(r.y1());
        crop.put("source", samplesDir.relativize(file).toString());
        crop.put("container_format", s.format());
        return crop;
    }

    private void checkBands(String camera, double[] nm, Path file) {
        double[] known = wavelengths.putIfAbsent(camera, nm);
        bandSource.putIfAbsent(camera, file);
        if (known != null && !Arrays.equals(known, nm)) {
            throw new AppException("HIDSAG has one wavelengths.json: " + file + " has " + nm.length + " " + camera
                    + " bands " + nm[0] + "-" + nm[nm.length - 1] + " nm, " + bandSource.get(camera) + " " + known.length
                    + " bands " + known[0] + "-" + known[known.length - 1] + " nm; export them to separate directories");
        }
    }

    /** {@code /hsi_data} float32 rows x columns x bands, NaN where no spectrum, with {@code /hsi_mask} beside it. */
    private static void writeImage(Path target, SampleSpectra s, CameraSpectra cam, HsiCube cube) {
        ContainerStorage storage = ContainerStorage.DEFAULT;
        atomically(target, tmp -> {
            try (WritableHdfFile hdf = HdfFile.write(tmp)) {
                hdf.putAttribute("sample_id", s.metadata().sampleId());
                hdf.putAttribute("scan_id", s.scanId());
                hdf.putAttribute("sensor_id", cam.sensorId());
                hdf.putAttribute("sensor_kind", cam.kind().name());
                WritableDataset d = hdf.putDataset(HSI_DATA, cube.data(),
                        storage.options(new int[] {cube.rows(), cube.columns(), cube.bands()}, Float.BYTES, false));
                d.putAttribute(SampleContainerFormat.UNITS, SampleContainerFormat.UNITS_REFLECTANCE);
                d.putAttribute(SampleContainerFormat.FIRST_LINE_INDEX, cube.firstLine());
                d.putAttribute(SampleContainerFormat.FIRST_PIXEL_INDEX, cube.firstPixel());
                hdf.putDataset(SampleContainerFormat.HSI_MASK, cube.mask(),
                        storage.options(new int[] {cube.rows(), cube.columns()}, Byte.BYTES, true));
                hdf.putDataset(SampleContainerFormat.WAVELENGTH_NM, cam.wavelengthNm())
                        .putAttribute(SampleContainerFormat.UNITS, SampleContainerFormat.UNITS_NM);
            }
        });
    }

    private static void writeJson(Path target, ObjectNode json) {
        atomically(target, tmp -> Files.write(tmp, MAPPER.writeValueAsBytes(json)));
    }

    interface Writing {
        void to(Path tmp) throws IOException;
    }

    /** Writes {@code <target>.partial} (a stale one deleted first: jhdf does not truncate) and moves it into place. */
    private static void atomically(Path target, Writing w) {
        Path tmp = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(tmp);
            w.to(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new AppException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
