package io.hyclus.app.demo;

import io.hyclus.analysis.live.EncodedSample;
import io.hyclus.analysis.livemap.SamplePlacement;
import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.spectral.SensorKind;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Prints a demo's outcome: where the files went and one line per sample, each camera's pixels and mean reflectance. */
final class DemoReport {
    /** Wavelengths (nm) at which each sample's mean reflectance is shown, per camera. */
    static final Map<SensorKind, double[]> SHOWN_NM = Map.of(
            SensorKind.VNIR, new double[] {450, 550, 650, 850, 950},
            SensorKind.SWIR, new double[] {1400, 1900, 2200},
            SensorKind.STITCHED, new double[] {550, 1000, 2200});

    private DemoReport() {
    }

    static void print(DemoResult r, PrintWriter out) {
        out.printf(Locale.ROOT, "Scan %s: %d lines from VNIR and SWIR through Kafka at %s, processed in %.1f s%n",
                r.scan().scanId(), r.scan().lines(), r.bootstrapServers(), r.elapsed().toMillis() / 1000.0);
        for (String d : r.scan().degradations()) {
            out.println("  recorded: " + d);
        }
        out.println("HDF5 containers in " + r.outputDir().resolve(r.scan().scanId()).toAbsolutePath());
        for (SampleSpectra s : r.samples()) {
            out.println(line(s));
        }
        out.println("Codes (live encoder), one " + io.hyclus.analysis.live.CodesFile.SUFFIX + " file beside each container:");
        for (SampleSpectra s : r.samples()) {
            out.println(codesLine(s.metadata().sampleId(), r.codes().getOrDefault(s.metadata().sampleId(), Optional.empty())));
        }
        out.println("Live map (" + io.hyclus.kafka.topic.HyclusTopics.SAMPLE_MAP.name() + "), one line per sample:");
        for (SampleSpectra s : r.samples()) {
            out.println(mapLine(s.metadata().sampleId(), Optional.ofNullable(r.map().get(s.metadata().sampleId()))));
        }
        if (r.mapVersion() > 0) {
            out.println("  the map is now v" + r.mapVersion());
        }
        out.flush();
    }

    static String codesLine(String sampleId, Optional<EncodedSample> codes) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-16s", sampleId));
        if (codes.isEmpty()) {
            return b.append(" not encoded (see the encoder's log and hyclus.sample-containers.dlq)").toString();
        }
        for (SensorKind kind : SensorKind.values()) {
            if (kind == SensorKind.STITCHED && codes.get().camera(kind).isEmpty()) {
                continue; // no model for the stitched spectra is shipped: only say so for the cameras
            }
            codes.get().camera(kind).ifPresentOrElse(
                    c -> b.append(String.format(Locale.ROOT, "  %s %6d x %d by %s", kind, c.rows(), c.codeSize(), c.modelRef())),
                    () -> b.append("  ").append(kind).append(" not encoded"));
        }
        return b.toString();
    }

    static String mapLine(String sampleId, Optional<SamplePlacement> p) {
        String head = String.format(Locale.ROOT, "  %-16s", sampleId);
        if (p.isEmpty()) {
            return head + " not on the map (no codes of the map's camera)";
        }
        SamplePlacement m = p.get();
        if (!m.placed()) {
            return head + " not on the map: " + m.reason();
        }
        return head + String.format(Locale.ROOT, " map v%d: %d points, x/y centre (%.2f, %.2f), %s in %d ms%s",
                m.version(), m.points(), m.centreX(), m.centreY(),
                m.update() == io.hyclus.core.scan.MapUpdate.FITTED ? "fitted" : "placed by transform",
                m.update() == io.hyclus.core.scan.MapUpdate.FITTED ? m.fitMillis() : m.transformMillis(),
                m.update() == io.hyclus.core.scan.MapUpdate.ADDED && m.fitMillis() > 0
                        ? String.format(Locale.ROOT, " (then re-fitted in %d ms)", m.fitMillis()) : "");
    }

    static String line(SampleSpectra s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-16s %-8s %s %-9s", s.metadata().sampleId(),
                s.metadata().plant(), s.metadata().month(), s.metadata().fraction().label()));
        for (SensorKind kind : SensorKind.values()) {
            if (kind == SensorKind.STITCHED && s.camera(kind).isEmpty()) {
                continue; // stitching off (--no-stitch)
            }
            CameraSpectra c = s.camera(kind).orElseThrow(() -> new IllegalStateException(s.file() + " holds no "
                    + kind + " spectra"));
            b.append(String.format(Locale.ROOT, "  %s %6d px", kind, c.size()));
            for (double nm : SHOWN_NM.get(kind)) {
                b.append(String.format(Locale.ROOT, " R%.0f=%.3f", nm, c.meanAt(nm)));
            }
        }
        b.append("  ").append(s.file().getFileName());
        return b.toString();
    }
}
