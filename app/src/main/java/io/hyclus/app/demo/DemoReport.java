package io.hyclus.app.demo;

import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.spectral.SensorKind;

import java.io.PrintWriter;

/** Prints a demo's outcome: where the files went and one line per sample. */
final class DemoReport {
    /** Wavelengths (nm) at which each sample's mean reflectance is shown. */
    static final double[] SHOWN_NM = {450, 550, 650, 850, 950};

    private DemoReport() {
    }

    static void print(DemoResult r, PrintWriter out) {
        out.printf("Scan %s: %d lines through Kafka at %s, processed in %.1f s%n", r.scan().scanId(), r.scan().lines(),
                r.bootstrapServers(), r.elapsed().toMillis() / 1000.0);
        for (String d : r.scan().degradations()) {
            out.println("  recorded: " + d);
        }
        out.println("HDF5 containers in " + r.outputDir().resolve(r.scan().scanId()).toAbsolutePath());
        for (SampleSpectra s : r.samples()) {
            out.println(line(s));
        }
        out.flush();
    }

    static String line(SampleSpectra s) {
        CameraSpectra v = s.camera(SensorKind.VNIR).orElseThrow();
        StringBuilder b = new StringBuilder(String.format("  %-16s %-8s %s %-9s %7d px ", s.metadata().sampleId(),
                s.metadata().plant(), s.metadata().month(), s.metadata().fraction().label(), v.size()));
        for (double nm : SHOWN_NM) {
            b.append(String.format(" R%.0f=%.3f", nm, v.meanAt(nm)));
        }
        b.append("  ").append(s.file().getFileName());
        return b.toString();
    }
}
