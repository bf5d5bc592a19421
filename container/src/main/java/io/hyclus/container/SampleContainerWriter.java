package io.hyclus.container;

import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static io.hyclus.container.SampleContainerFormat.*;

/**
 * Writes one sample's container, format {@value SampleContainerFormat#CURRENT}, as
 * {@code <outputDir>/<scan>/<sample>.h5}, {@code <scan>} and {@code <sample>} being the {@link SafeFileNames} of the scan
 * and sample ids (the ids themselves are kept in the root attributes): first to {@code <sample>.h5.partial} beside it,
 * then moved into place atomically, so a reader never sees half a file. Nothing is written outside
 * {@code outputDir}. Names and layout: {@link SampleContainerFormat}; storage: {@link ContainerStorage}.
 */
public final class SampleContainerWriter {
    private final Path outputDir;
    private final ContainerStorage storage;

    /** A writer with {@link ContainerStorage#DEFAULT} storage (shuffle + deflate). */
    public SampleContainerWriter(Path outputDir) {
        this(outputDir, ContainerStorage.DEFAULT);
    }

    public SampleContainerWriter(Path outputDir, ContainerStorage storage) {
        if (outputDir == null) {
            throw new IllegalArgumentException("container output directory must be given");
        }
        if (storage == null) {
            throw new IllegalArgumentException("container storage must be given");
        }
        this.outputDir = outputDir;
        this.storage = storage;
    }

    /** Where the container of that sample and scan goes: {@code <outputDir>/<safe scan id>/<safe sample id>.h5}. */
    public Path fileFor(String scanId, String sampleId) {
        return outputDir.resolve(SafeFileNames.of(scanId)).resolve(SafeFileNames.of(sampleId) + FILE_SUFFIX);
    }

    /** The temporary file a container is written to before it is moved to {@link #fileFor}. */
    public Path partialFileFor(String scanId, String sampleId) {
        return fileFor(scanId, sampleId).resolveSibling(SafeFileNames.of(sampleId) + PARTIAL_SUFFIX);
    }

    /**
     * Writes the container and returns its absolute path; an existing file of that sample and scan is replaced. A
     * {@code .partial} file left by a process that died while writing is deleted first: jhdf opens it without
     * truncating, so its old tail would otherwise stay in the new file.
     */
    public Path write(SampleContainer c) {
        SampleMetadata m = c.slot().sample();
        Path target = fileFor(c.scanId(), m.sampleId());
        Path tmp = partialFileFor(c.scanId(), m.sampleId());
        try {
            Files.createDirectories(target.getParent());
            insideOutputDir(target.getParent());
            Files.deleteIfExists(tmp);
            WritableHdfFile hdf = HdfFile.write(tmp);
            try {
                root(hdf, c, m);
                WritableGroup prov = hdf.putGroup(PROVENANCE);
                c.provenance().asMap().forEach(prov::putAttribute);
                for (SampleCube cube : c.cubes()) {
                    camera(hdf, cube, storage);
                }
                hdf.close(); // jhdf writes everything here
            } catch (RuntimeException e) {
                JhdfFiles.release(hdf, e);
                throw e;
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target.toAbsolutePath();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp, e);
            throw new ContainerException("cannot write container of sample " + m.sampleId() + " (scan " + c.scanId()
                    + ") to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Safe names make this hold by construction; a symbolic link planted in the output directory would break it. */
    private void insideOutputDir(Path scanDir) throws IOException {
        Path real = scanDir.toRealPath();
        if (!real.getParent().equals(outputDir.toRealPath())) {
            throw new ContainerException("scan directory " + scanDir + " resolves to " + real + ", outside the output "
                    + "directory " + outputDir.toRealPath() + "; nothing written");
        }
    }

    private static void root(WritableHdfFile hdf, SampleContainer c, SampleMetadata m) {
        hdf.putAttribute(FORMAT, CURRENT);
        hdf.putAttribute(SAMPLE_ID, m.sampleId());
        hdf.putAttribute(PLANT, m.plant());
        hdf.putAttribute(MONTH, m.month().toString());
        hdf.putAttribute(GRAIN_SIZE_FRACTION, m.fraction().label());
        hdf.putAttribute(SCAN_ID, c.scanId());
        hdf.putAttribute(TRAY_ID, c.trayId());
        hdf.putAttribute(SLOT_INDEX, c.slot().index());
        RegionMm r = c.slot().region();
        hdf.putAttribute(SAMPLE_REGION_MM, new double[] {r.x0(), r.y0(), r.x1(), r.y1()});
    }

    /**
     * The band axis is written even when the camera saw no pixel of the sample: jhdf 0.13.0 writes a group without
     * any dataset beside groups with datasets so that neither jhdf nor h5py can open it (format /1's defect).
     * jhdf cannot write zero-length datasets, so the per-spectrum datasets are left out when there are none.
     */
    private static void camera(WritableHdfFile hdf, SampleCube cube, ContainerStorage storage) {
        CameraSetup cam = cube.camera();
        WritableGroup g = hdf.putGroup(cameraGroup(cam.sensor().kind()));
        g.putAttribute(SENSOR_ID, cam.sensor().id());
        g.putAttribute(SENSOR_KIND, cam.sensor().kind().name());
        g.putAttribute(SPECTRA_COUNT, (long) cube.size());
        g.putDataset(WAVELENGTH_NM, cam.sensor().grid().centresNm()).putAttribute(UNITS, UNITS_NM);
        g.putDataset(FWHM_NM, cam.sensor().grid().fwhmNm()).putAttribute(UNITS, UNITS_NM);
        if (cube.size() == 0) {
            return;
        }
        int n = cube.size();
        int bands = cam.sensor().bands();
        g.putDataset(SPECTRA, cube.spectra(), storage.options(new int[] {n, bands}, Float.BYTES, false))
                .putAttribute(UNITS, UNITS_REFLECTANCE);
        g.putDataset(LINE_INDEX, cube.lineIndex(), storage.options(new int[] {n}, Long.BYTES, false));
        g.putDataset(PIXEL_INDEX, cube.pixelIndex(), storage.options(new int[] {n}, Integer.BYTES, false));
        g.putDataset(POSITION_MM, cube.positionMm(), storage.options(new int[] {n, 2}, Double.BYTES, false))
                .putAttribute(UNITS, UNITS_MM);
        g.putDataset(MATERIAL, cube.material(), storage.options(new int[] {n}, Byte.BYTES, true))
                .putAttribute(MATERIAL_CLASSES, materialClasses());
        hsi(g, HsiCube.of(cube.spectra(), cube.lineIndex(), cube.pixelIndex(), bands), storage);
    }

    private static void hsi(WritableGroup g, HsiCube hsi, ContainerStorage storage) {
        int[] dims = {hsi.rows(), hsi.columns(), hsi.bands()};
        WritableDataset data = g.putDataset(HSI_DATA, hsi.data(), storage.options(dims, Float.BYTES, false));
        data.putAttribute(UNITS, UNITS_REFLECTANCE);
        data.putAttribute(FIRST_LINE_INDEX, hsi.firstLine());
        data.putAttribute(FIRST_PIXEL_INDEX, hsi.firstPixel());
        g.putDataset(HSI_MASK, hsi.mask(), storage.options(new int[] {hsi.rows(), hsi.columns()}, Byte.BYTES, true));
    }

    private static void deleteQuietly(Path tmp, Exception cause) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
