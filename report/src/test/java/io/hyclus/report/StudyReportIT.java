package io.hyclus.report;

import io.hyclus.analysis.model.Architecture;
import io.hyclus.analysis.model.EpochListener;
import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.core.HyclusVersion;
import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report on a small campaign (2 plants x 3 months x 2 fractions, 60 spectra each, 16 VNIR bands), its tables
 * recomputed independently by scikit-learn and numpy (Debian's /usr/bin/python3 with python3-sklearn) from the
 * per-spectrum predictions it writes.
 */
class StudyReportIT {
    @TempDir
    static Path dir;
    static StudyReport.Outcome outcome;
    static Path out;
    static String html;
    static List<String> steps = new ArrayList<>();

    static ReportSettings settings(Path samples, Path out, Optional<Path> registry, boolean train, List<ModelSpec> models) {
        return new ReportSettings(samples, out, registry, train, List.of(SensorKind.VNIR), models, 60, 2, 200, 0.25, 3, 1);
    }

    @BeforeAll
    static void report() throws IOException {
        Path samples = dir.resolve("samples");
        SmallCampaign.write(samples, 2, 3, 60);
        out = dir.resolve("out");
        outcome = new StudyReport(settings(samples, out, Optional.empty(), true, List.of(
                new ModelSpec(Architecture.PCA, 4), new ModelSpec(Architecture.DENSE, 4))), Clock.systemUTC(),
                (done, total, what) -> steps.add(done + "/" + total + " " + what), EpochListener.NONE)
                .run("hyclus report (test)");
        html = Files.readString(outcome.html());
    }

    @Test
    void tables_matchScikitLearnAndNumpy_recomputedFromThePredictions() throws Exception {
        Path script = dir.resolve("check_report.py");
        try (InputStream in = StudyReportIT.class.getResourceAsStream("check_report.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), out.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), text);
        assertEquals(0, p.exitValue(), text);
        // 2 representations x 3 categories x 2 splits, each per spectrum and per sample
        assertTrue(text.contains("checked 24 tables, 24 confusion matrices, 2 elbows"), text);
        assertEquals(12, outcome.tables());
    }

    @Test
    void html_showsTheTablesNumbers_studyFormat() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("tables.csv"));
        int checked = 0;
        for (String l : lines) {
            String[] f = l.split(",", -1);
            if (f[5].equals("accuracy") && f[4].equals("spectrum")) {
                String title = f[1] + " - " + title(Category.values(), f[2]) + " - " + title(SplitKind.values(), f[3]);
                int at = html.indexOf("<h4>" + title + "</h4>");
                assertTrue(at > 0, title);
                String acc = String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(f[8]));
                Matcher m = Pattern.compile("<td class=\"l\">accuracy</td><td></td><td></td><td>([0-9.]+)</td><td>("
                        + f[9] + ")</td>").matcher(html);
                assertTrue(m.find(at), title);
                assertEquals(acc, m.group(1), title);
                checked++;
            }
        }
        assertEquals(12, checked);
        for (String h : List.of("precision", "recall", "f1-score", "support", "macro avg", "weighted avg",
                "true \\ predicted")) {
            assertTrue(html.contains(h), h);
        }
    }

    private static String title(Object[] values, String id) {
        for (Object v : values) {
            String t = v instanceof Category c ? c.title() : ((SplitKind) v).title();
            if (t.replace(' ', '-').equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no title for " + id);
    }

    @Test
    void html_isSelfContained_namesProvenance_andTheFiguresAreWritten() throws IOException {
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?https?://", Pattern.CASE_INSENSITIVE).matcher(html).find());
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertTrue(html.contains("HyClus " + HyclusVersion.get()));
        assertTrue(html.contains("seed</th><td class=\"l\">3 "));
        assertTrue(html.contains("cameras</th><td class=\"l\">VNIR; each reported alone."), "the cameras row");
        assertTrue(html.contains("multinomial logistic regression (Tribuo 4.3.2 LinearSGDTrainer"));
        assertTrue(html.contains("scan-1/P1-2025-01-M100"));
        Matcher img = Pattern.compile("<img alt=\"([^\"]+)\" src=\"data:image/png;base64,").matcher(html);
        int n = 0;
        while (img.find()) {
            Path svg = out.resolve("figures").resolve(img.group(1) + ".svg");
            assertTrue(Files.size(svg) > 1000, svg.toString());
            n++;
        }
        // 3 spectra + decoded + 2 x 3 codes + 2 x (3 + 2 + 2) maps + elbow + 2 dendrograms + 2 SOMs
        assertEquals(3 + 1 + 6 + 14 + 1 + 2 + 2, n);
        assertEquals(n, outcome.figures());
        assertTrue(outcome.problems().isEmpty(), outcome.problems().toString());
        String[] last = steps.get(steps.size() - 1).split("[/ ]");
        assertEquals(last[1], last[0], "the progress ends at its total: " + steps);
        assertTrue(steps.contains("1/" + last[1] + " reading containers under " + dir.resolve("samples") + ": 8 of 12"),
                steps.toString());
        assertTrue(Files.isDirectory(out.resolve("models/pca-4-vnir/v1")));
        assertTrue(html.contains("pca-4-vnir@1 trained on the fly into "));
    }
}
