package io.hyclus.analysis.container;

import io.hyclus.analysis.AnalysisException;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Reads a sample container written by streaming; a missing or foreign file fails naming the file and what is wrong. */
public final class SampleContainerReader {
    public static final String FORMAT = "hyclus-sample-container/1";

    private SampleContainerReader() {
    }

    public static SampleSpectra read(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            String format = text(hdf, "format", file);
            if (!FORMAT.equals(format)) {
                throw new AnalysisException(file + " has format '" + format + "', expected '" + FORMAT + "'");
            }
            SampleMetadata meta = new SampleMetadata(text(hdf, "sample_id", file), text(hdf, "plant", file),
                    YearMonth.parse(text(hdf, "month", file)), GrainSizeFraction.parse(text(hdf, "grain_size_fraction", file)));
            Map<SensorKind, CameraSpectra> cams = new EnumMap<>(SensorKind.class);
            for (SensorKind k : SensorKind.values()) {
                Node n = hdf.getChild(k.name().toLowerCase(Locale.ROOT));
                if (n instanceof Group g) {
                    cams.put(k, camera(k, g));
                }
            }
            Map<String, String> prov = new TreeMap<>();
            Node p = hdf.getChild("provenance");
            if (p != null) {
                p.getAttributes().forEach((name, a) -> prov.put(name, String.valueOf(a.getData())));
            }
            return new SampleSpectra(file, meta, text(hdf, "scan_id", file), text(hdf, "tray_id", file), cams, prov);
        } catch (AnalysisException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AnalysisException("cannot read sample container " + file + ": " + e.getMessage(), e);
        }
    }

    private static CameraSpectra camera(SensorKind kind, Group g) {
        Node spectra = g.getChild("spectra");
        if (spectra == null) {
            return new CameraSpectra(kind, new double[0], new float[0][]);
        }
        double[] wl = (double[]) g.getDatasetByPath("wavelength_nm").getData();
        return new CameraSpectra(kind, wl, (float[][]) g.getDatasetByPath("spectra").getData());
    }

    private static String text(HdfFile hdf, String name, Path file) {
        Attribute a = hdf.getAttribute(name);
        if (a == null) {
            throw new AnalysisException(file + " lacks root attribute '" + name + "'");
        }
        return String.valueOf(a.getData());
    }
}
