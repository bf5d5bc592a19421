package io.hyclus.report;

import io.hyclus.analysis.model.Architecture;
import io.hyclus.analysis.model.EpochListener;
import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.core.tray.GrainSizeFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the report does with a campaign it cannot fully use: it says what is missing and writes the rest. */
class BadInputIT {
    @TempDir
    Path dir;

    private static StudyReport.Outcome run(ReportSettings s) {
        return new StudyReport(s, Clock.systemUTC(), ReportProgress.NONE, EpochListener.NONE).run("test");
    }

    @Test
    void onePlant_andAContainerOnAnotherGrid_reportsWhatIsMissing_andWritesTheRest() throws Exception {
        Path samples = dir.resolve("samples");
        SmallCampaign.write(samples, 1, 2, 40);
        Path odd = SmallCampaign.write(samples, "scan-1", 1, 3, GrainSizeFraction.PLUS_100, 40, 5.0);
        StudyReport.Outcome o = run(StudyReportIT.settings(samples, dir.resolve("out"), Optional.empty(), true,
                List.of(new ModelSpec(Architecture.PCA, 4))));
        String problems = String.join("\n", o.problems());
        assertTrue(problems.contains("VNIR: plant has one class only (Plant-1): no plant classification"), problems);
        assertTrue(problems.contains(odd + ": VNIR wavelength grid differs (16 bands, 425.0-950.0 nm; the other 4 "
                + "samples: 16 bands, 420.0-945.0 nm), sample scan-1/P1-2025-03-P100 left out of VNIR"), problems);
        assertEquals(4, o.tables(), "grain size and month, two splits each");
        String html = Files.readString(o.html());
        assertTrue(html.contains("<h2>What is missing</h2>"));
        assertTrue(html.contains("plant has one class only (Plant-1)"));
        assertFalse(html.contains("<h4>PCA-4 - plant"));
        assertTrue(html.contains("<h4>PCA-4 - month - held-out samples</h4>"));
    }

    @Test
    void missingModel_withoutTraining_isLeftOut_andTheRegistryModelIsUsed() throws Exception {
        Path samples = dir.resolve("samples");
        SmallCampaign.write(samples, 2, 2, 40);
        ModelSpec pca = new ModelSpec(Architecture.PCA, 4);
        ModelSpec dense = new ModelSpec(Architecture.DENSE, 4);
        run(StudyReportIT.settings(samples, dir.resolve("first"), Optional.empty(), true, List.of(pca)));
        Path registry = dir.resolve("first/models");
        StudyReport.Outcome o = run(StudyReportIT.settings(samples, dir.resolve("out"), Optional.of(registry), false,
                List.of(pca, dense)));
        assertEquals(List.of("VNIR: model dense-ae-4-vnir is missing from the registry " + registry
                + "; dense AE-4 left out for VNIR"), o.problems());
        assertEquals(6, o.tables());
        String html = Files.readString(o.html());
        assertTrue(html.contains("pca-4-vnir@1 from the registry " + registry));
        assertTrue(html.contains("Missing: dense AE-4"));
        assertFalse(Files.exists(dir.resolve("out/models")), "nothing trained");
    }

    @Test
    void noContainerAtAll_isAnError_namingTheFolder() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ReportException e = assertThrows(ReportException.class, () -> run(StudyReportIT.settings(empty,
                dir.resolve("out"), Optional.empty(), true, List.of(new ModelSpec(Architecture.PCA, 4)))));
        assertEquals("no sample containers (*.h5) under " + empty, e.getMessage());
    }
}
