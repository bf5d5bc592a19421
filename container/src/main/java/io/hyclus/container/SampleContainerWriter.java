package io.hyclus.container;

import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static io.hyclus.container.SampleContainerFormat.*;

/**
 * Writes one sample's container, format {@value SampleContainerFormat#CURRENT}, as
 * {@code <outputDir>/<scanId>/<sampleId>.h5}: first to {@code <sampleId>.h5.partial} beside it, then moved into place
 * atomically, so a reader never sees half a file. Names and layout: {@link SampleContainerFormat}.
 */
public final class SampleContainerWriter {
    private final Path outputDir;

    public SampleContainerWriter(Path outputDir) {
        if (outputDir == null) {
            throw new IllegalArgumentException("container output directory must be given");
        }
        this.outputDir = outputDir;
    }

    public Path fileFor(String scanId, String sampleId) {
        return outputDir.resolve(scanId).resolve(sampleId + FILE_SUFFIX);
    }

    /** The temporary file a container is written to before it is moved to {@link #fileFor}. */
    public Path partialFileFor(String scanId, String sampleId) {
        return fileFor(scanId, sampleId).resolveSibling(sampleId + PARTIAL_SUFFIX);
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
            Files.deleteIfExists(tmp);
            try (WritableHdfFile hdf = HdfFile.write(tmp)) {
                root(hdf, c, m);
                WritableGroup prov = hdf.putGroup(PROVENANCE);
                c.provenance().asMap().forEach(prov::putAttribute);
                for (SampleCube cube : c.cubes()) {
                    camera(hdf, cube);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target.toAbsolutePath();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp, e);
            throw new ContainerException("cannot write container of sample " + m.sampleId() + " (scan " + c.scanId()
                    + ") to " + target + ": " + e.getMessage(), e);
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
    private static void camera(WritableHdfFile hdf, SampleCube cube) {
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
        g.putDataset(SPECTRA, cube.spectra()).putAttribute(UNITS, UNITS_REFLECTANCE);
        g.putDataset(LINE_INDEX, cube.lineIndex());
        g.putDataset(PIXEL_INDEX, cube.pixelIndex());
        g.putDataset(POSITION_MM, cube.positionMm()).putAttribute(UNITS, UNITS_MM);
    }

    private static void deleteQuietly(Path tmp, Exception cause) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
