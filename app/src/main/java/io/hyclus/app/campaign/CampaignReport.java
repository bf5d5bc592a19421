package io.hyclus.app.campaign;

import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Prints each tray's outcome as it finishes. */
final class CampaignReport {
    private CampaignReport() {
    }

    static void printTray(TrayOutcome o, PrintWriter out) {
        out.printf("Tray %s: scan %s, %d lines%n", o.trayId(), o.scan().scanId(), o.scan().lines());
        for (String d : o.scan().degradations()) {
            out.println("  recorded: " + d);
        }
        for (SampleContainerWritten w : o.containers()) {
            out.printf("  %-16s VNIR %6d  SWIR %6d  %s%n", w.sampleId(), w.spectra().getOrDefault(SensorKind.VNIR, 0L),
                    w.spectra().getOrDefault(SensorKind.SWIR, 0L), Path.of(w.file()));
        }
        out.flush();
    }
}
