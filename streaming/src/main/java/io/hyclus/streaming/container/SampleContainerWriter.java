package io.hyclus.streaming.container;

import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.streaming.StreamingException;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.TreeMap;

/**
 * Writes one sample's container as {@code <outputDir>/<scanId>/<sampleId>.h5}, first to a temporary
 * file that is then moved into place, so a reader never sees half a file.
 *
 * <p>Layout ({@value #FORMAT}):
 * <pre>
 * /                      attributes: format, sample_id, plant, month (YYYY-MM), grain_size_fraction,
 *                        scan_id, tray_id, slot_index, sample_region_mm [x0, y0, x1, y1]
 * /provenance            attributes: one per provenance entry (software version, calibration, seeds,
 *                        Kafka origin, lines received, degradations...)
 * /&lt;camera&gt;               (vnir, swir) attributes: sensor_id, sensor_kind, spectra
 * /&lt;camera&gt;/spectra       float32 [spectra x bands], reflectance (unitless, 0-1 nominal)
 * /&lt;camera&gt;/wavelength_nm float64 [bands], band centres
 * /&lt;camera&gt;/fwhm_nm       float64 [bands], band widths
 * /&lt;camera&gt;/line_index    int64 [spectra], scan line of each spectrum
 * /&lt;camera&gt;/pixel_index   int32 [spectra], camera pixel of each spectrum
 * /&lt;camera&gt;/position_mm   float64 [spectra x 2], tray x, y of each spectrum
 * </pre>
 * A camera that saw no pixel of the sample has its group with {@code spectra = 0} and no datasets.
 */
public final class SampleContainerWriter {
    public static final String FORMAT = "hyclus-sample-container/1";

    private final Path outputDir;

    public SampleContainerWriter(Path outputDir) {
        this.outputDir = outputDir;
    }

    public Path fileFor(String scanId, String sampleId) {
        return outputDir.resolve(scanId).resolve(sampleId + ".h5");
    }

    public Path write(SampleContainer c) {
        SampleMetadata m = c.slot().sample();
        Path target = fileFor(c.scanId(), m.sampleId());
        Path tmp = target.resolveSibling(m.sampleId() + ".h5.partial");
        try {
            Files.createDirectories(target.getParent());
            try (WritableHdfFile hdf = HdfFile.write(tmp)) {
                root(hdf, c, m);
                WritableGroup prov = hdf.putGroup("provenance");
                new TreeMap<>(c.provenance()).forEach(prov::putAttribute);
                for (SampleCube cube : c.cubes()) {
                    camera(hdf, cube);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target.toAbsolutePath();
        } catch (IOException | RuntimeException e) {
            throw new StreamingException("cannot write container of sample " + m.sampleId() + " (scan " + c.scanId()
                    + ") to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void root(WritableHdfFile hdf, SampleContainer c, SampleMetadata m) {
        hdf.putAttribute("format", FORMAT);
        hdf.putAttribute("sample_id", m.sampleId());
        hdf.putAttribute("plant", m.plant());
        hdf.putAttribute("month", m.month().toString());
        hdf.putAttribute("grain_size_fraction", m.fraction().label());
        hdf.putAttribute("scan_id", c.scanId());
        hdf.putAttribute("tray_id", c.trayId());
        hdf.putAttribute("slot_index", c.slot().index());
        var r = c.slot().region();
        hdf.putAttribute("sample_region_mm", new double[] {r.x0(), r.y0(), r.x1(), r.y1()});
    }

    private static void camera(WritableHdfFile hdf, SampleCube cube) {
        CameraSetup cam = cube.camera();
        WritableGroup g = hdf.putGroup(cam.sensor().kind().name().toLowerCase(java.util.Locale.ROOT));
        g.putAttribute("sensor_id", cam.sensor().id());
        g.putAttribute("sensor_kind", cam.sensor().kind().name());
        g.putAttribute("spectra", (long) cube.size());
        if (cube.size() == 0) {
            return;
        }
        WritableDataset spectra = g.putDataset("spectra", cube.spectra());
        spectra.putAttribute("units", "reflectance");
        g.putDataset("wavelength_nm", cam.sensor().grid().centresNm()).putAttribute("units", "nm");
        g.putDataset("fwhm_nm", cam.sensor().grid().fwhmNm()).putAttribute("units", "nm");
        g.putDataset("line_index", cube.lineIndex());
        g.putDataset("pixel_index", cube.pixelIndex());
        g.putDataset("position_mm", cube.positionMm()).putAttribute("units", "mm");
    }
}
