package io.hyclus.report;

import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.report.StudyReport.ReportContent;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import static io.hyclus.report.ReportWriter.f2;

/** Renders the report's HTML: one page, styles inline, figures as base64 PNG, nothing fetched from anywhere. */
final class ReportHtml {
    private static final String STYLE = "body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;"
            + "color:#222}table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;padding:2px 8px;"
            + "text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}.warn{background:#fff4e0;border:1px "
            + "solid #e0a040;padding:.5em 1em}figure{display:inline-block;margin:.5em;vertical-align:top;max-width:740px}"
            + "figure img{max-width:100%}figcaption{font-size:.85em;color:#555}details{margin:.4em 0}"
            + "summary{cursor:pointer;font-weight:bold}code{background:#f5f5f5;padding:0 3px}.better{color:#070}"
            + ".worse{color:#a00}";

    private ReportHtml() {
    }

    static String render(ReportContent c, String version) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>HyClus report</title><style>")
                .raw(STYLE).raw("</style></head><body>\n");
        h.el("h1", "HyClus report: the reference study on " + c.settings().samples());
        provenance(h, c, version);
        problems(h, c);
        summary(h, c);
        for (CameraReport cam : c.cameras()) {
            camera(h, cam, c);
        }
        h.raw("</body></html>\n");
        return h.toString();
    }

    private static void provenance(Html h, ReportContent c, String version) {
        ReportSettings s = c.settings();
        h.el("h2", "What produced this report");
        h.raw("<table>");
        row(h, "software", "HyClus " + version);
        row(h, "command", c.command());
        row(h, "started (UTC)", DateTimeFormatter.ISO_INSTANT.format(c.started()));
        row(h, "took", String.format(Locale.ROOT, "%.1f s (reading, training, classifying, clustering, mapping and "
                + "drawing; writing the files not included)", c.seconds()));
        row(h, "samples folder", s.samples().toString());
        row(h, "campaign hash", "SHA-256 of the sorted container names and sizes: " + c.dataset().sha256());
        row(h, "containers read", c.dataset().containers().size() + "");
        row(h, "seed", s.seed() + " (subsampling, splits, training, classifier, k-means, SOM, t-SNE)");
        row(h, "spectra per sample", s.spectraPerSample() + " per camera, seeded random subsample (all if fewer); "
                + "the study had ~300k spectra in all (about 4,200 per sample of 72: --spectra-per-sample 4200)");
        row(h, "models", s.registry().map(r -> "newest version in the registry " + r + (s.trainMissing()
                ? ", missing ones trained on the fly" : ", missing ones left out")).orElse("trained on the fly")
                + "; autoencoders at most " + s.maxEpochs() + " epochs");
        row(h, "classifier", CodeClassifier.DESCRIPTION);
        row(h, "splits", String.format(Locale.ROOT, "%s: %.0f %% of the spectra drawn at random as the study did "
                + "(spectra of one sample on both sides, inflated); %s: %.0f %% of each class's samples held out whole "
                + "(a class with one sample is only trained on). Both per category.", SplitKind.RANDOM_SPECTRA.title(),
                100 * s.testFraction(), SplitKind.HELD_OUT_SAMPLES.title(), 100 * s.testFraction()));
        row(h, "cameras", s.cameras().stream().map(ReportHtml::cameraTitle).collect(Collectors.joining(", "))
                + "; each reported alone. A camera no container holds is named under \"What is missing\".");
        h.raw("</table>");
        h.raw("<details><summary>Samples (").text(c.dataset().containers().size() + "").raw(")</summary><p>")
                .text(c.dataset().containers().stream().map(SampleInfo::key).collect(Collectors.joining(", ")))
                .raw("</p></details>\n");
    }

    private static String cameraTitle(SensorKind cam) {
        return cam == SensorKind.STITCHED ? "STITCHED (VNIR + SWIR stitched into one 400-2500 nm spectrum, "
                + "docs/stitching.md)" : cam.name();
    }

    private static void row(Html h, String k, String v) {
        h.raw("<tr><th class=\"l\">").text(k).raw("</th><td class=\"l\">").text(v).raw("</td></tr>");
    }

    private static void problems(Html h, ReportContent c) {
        if (c.problems().isEmpty()) {
            return;
        }
        h.raw("<div class=\"warn\"><h2>What is missing</h2><ul>");
        for (String p : c.problems()) {
            h.raw("<li>").text(p).raw("</li>");
        }
        h.raw("</ul></div>\n");
    }

    private static void summary(Html h, ReportContent c) {
        h.el("h2", "Summary: accuracy per category, representation and split");
        h.raw("<p>").text("Per spectrum (per sample: each test sample's spectra voting). The study's figures are for its "
                + "random split per spectrum, on its own plant's data (not this campaign's).").raw("</p>");
        for (CameraReport cam : c.cameras()) {
            h.el("h3", cam.data().camera() + "");
            h.raw("<table><tr><th class=\"l\">category</th><th class=\"l\">representation</th>");
            for (SplitKind k : SplitKind.values()) {
                h.raw("<th>").text(k.title()).raw("</th><th>").text(k.title() + ", per sample").raw("</th>");
            }
            h.raw("<th>study (random split)</th></tr>");
            for (Category cat : Category.values()) {
                for (Representation rep : cam.representations()) {
                    h.raw("<tr><td class=\"l\">").text(cat.title()).raw("</td><td class=\"l\">").text(rep.title()).raw("</td>");
                    for (SplitKind k : SplitKind.values()) {
                        ClassificationResult r = find(cam, rep.title(), cat, k);
                        h.raw("<td>").text(r == null ? "-" : f2(r.spectra().accuracy())).raw("</td><td>")
                                .text(r == null ? "-" : f2(r.samples().accuracy())).raw("</td>");
                    }
                    OptionalDouble st = StudyFigures.accuracy(rep.spec(), cat);
                    h.raw("<td>").text(st.isPresent() ? f2(st.getAsDouble()) : "-").raw("</td></tr>");
                }
            }
            h.raw("</table>\n");
            comparison(h, cam);
        }
    }

    /** Whether each autoencoder-16 is at least as accurate as PCA in every category on both splits. */
    private static void comparison(Html h, CameraReport cam) {
        Representation pca = cam.representations().stream().filter(r -> !r.isAutoencoder()).findFirst().orElse(null);
        if (pca == null) {
            return;
        }
        for (Representation ae : cam.representations()) {
            if (!ae.isAutoencoder() || ae.spec().codeSize() != 16) {
                continue;
            }
            int ok = 0;
            int all = 0;
            StringBuilder worse = new StringBuilder();
            for (Category cat : Category.values()) {
                for (SplitKind k : SplitKind.values()) {
                    ClassificationResult a = find(cam, ae.title(), cat, k);
                    ClassificationResult p = find(cam, pca.title(), cat, k);
                    if (a == null || p == null) {
                        continue;
                    }
                    all++;
                    if (a.spectra().accuracy() >= p.spectra().accuracy()) {
                        ok++;
                    } else {
                        worse.append("; ").append(cat.title()).append(", ").append(k.title()).append(": ")
                                .append(lessThan(a.spectra().accuracy(), p.spectra().accuracy()));
                    }
                }
            }
            h.raw("<p class=\"").raw(ok == all ? "better" : "worse").raw("\">").text(String.format(Locale.ROOT,
                    "%s is at least as accurate as %s (per spectrum) in %d of %d category x split cells%s.", ae.title(),
                    pca.title(), ok, all, worse)).raw("</p>\n");
        }
    }

    /**
     * {@code "a < b"} with two decimals, or as many more (up to six) as it takes for the two to read differently: a
     * reader must not see "1.00 < 1.00".
     */
    static String lessThan(double a, double b) {
        for (int digits = 2; digits < 6; digits++) {
            String x = String.format(Locale.ROOT, "%." + digits + "f", a);
            String y = String.format(Locale.ROOT, "%." + digits + "f", b);
            if (!x.equals(y)) {
                return x + " < " + y;
            }
        }
        return String.format(Locale.ROOT, "%.6f < %.6f", a, b);
    }

    static ClassificationResult find(CameraReport cam, String rep, Category c, SplitKind k) {
        for (ClassificationResult r : cam.results()) {
            if (r.representation().equals(rep) && r.category() == c && r.split() == k) {
                return r;
            }
        }
        return null;
    }

    private static void camera(Html h, CameraReport cam, ReportContent c) {
        CameraData d = cam.data();
        double[] wl = d.wavelengthNm();
        h.raw("<h2 id=\"").text(d.id()).raw("\">").text(d.camera() + "").raw("</h2>");
        h.raw("<p>").text(String.format(Locale.ROOT, "%d spectra from %d samples, %d bands, %.1f-%.1f nm.", d.rows(),
                d.samples().size(), wl.length, wl[0], wl[wl.length - 1])).raw("</p>");
        for (Category cat : Category.values()) {
            h.raw("<p>").text(cat.title() + " classes: " + String.join(", ", CameraFigures.classes(d, cat))).raw("</p>");
        }
        h.el("h3", "Representations");
        h.raw("<table><tr><th class=\"l\">representation</th><th class=\"l\">model</th></tr>");
        for (Representation r : cam.representations()) {
            h.raw("<tr><td class=\"l\">").text(r.title()).raw("</td><td class=\"l\">").text(r.source()).raw("</td></tr>");
        }
        h.raw("</table>");
        List<ModelSpec> missing = c.settings().models().stream()
                .filter(m -> cam.representations().stream().noneMatch(r -> r.spec().equals(m))).toList();
        if (!missing.isEmpty()) {
            h.raw("<p class=\"worse\">").text("Missing: " + missing.stream().map(Representation::title)
                    .collect(Collectors.joining(", ")) + " (see 'What is missing').").raw("</p>");
        }
        figures(h, cam, "-spectra-", "-decoded", "-codes-");
        h.el("h3", "Classification tables");
        for (Representation rep : cam.representations()) {
            h.raw("<details><summary>").text(d.camera() + " " + rep.title()).raw("</summary>");
            for (Category cat : Category.values()) {
                for (SplitKind k : SplitKind.values()) {
                    ClassificationResult r = find(cam, rep.title(), cat, k);
                    if (r == null) {
                        continue;
                    }
                    h.raw("<h4>").text(rep.title() + " - " + cat.title() + " - " + k.title()).raw("</h4>");
                    table(h, "per spectrum", r.spectra());
                    table(h, "per sample (voting)", r.samples());
                }
            }
            h.raw("</details>\n");
        }
        h.el("h3", "Clustering");
        if (!cam.elbows().isEmpty()) {
            h.raw("<p>").text("k-means (Tribuo KMeansTrainer, k-means++, at most " + Elbow.ITERATIONS + " iterations, seed "
                    + c.settings().seed() + ") on the " + cam.mapRows().length + " mapped spectra's codes as they are. "
                    + "SSE = within-cluster sum of squares:").raw("</p><table><tr><th class=\"l\">representation</th>");
            for (int k = 1; k <= Elbow.MAX_K; k++) {
                h.raw("<th>k=").text(k + "").raw("</th>");
            }
            h.raw("</tr>");
            cam.elbows().forEach((t, e) -> {
                h.raw("<tr><td class=\"l\">").text(t).raw("</td>");
                for (double v : e.sse()) {
                    h.raw("<td>").text(String.format(Locale.ROOT, "%.4g", v)).raw("</td>");
                }
                h.raw("</tr>");
            });
            h.raw("</table>");
        }
        h.raw("<p>").text("Ward hierarchical clustering on the mean code of each sample (" + d.samples().size()
                + " samples); SOM " + StudyReport.SOM_ROWS + " x " + StudyReport.SOM_COLS + " on the mapped spectra's "
                + "codes, standardised.").raw("</p>");
        figures(h, cam, "-elbow", "-ward-", "-som-");
        h.el("h3", "t-SNE maps");
        h.raw("<p>").text("HyClus t-SNE (docs/tsne.md): " + cam.tsneSettings() + ".").raw("</p>");
        figures(h, cam, "-tsne-");
    }

    private static void figures(Html h, CameraReport cam, String... kinds) {
        for (String kind : kinds) {
            for (Figure f : cam.figures()) {
                if (f.name().contains(kind)) {
                    h.raw("<figure><img alt=\"").text(f.name()).raw("\" src=\"data:image/png;base64,")
                            .raw(ReportWriter.base64(f.png())).raw("\"><figcaption>").text(f.caption())
                            .raw(" (figures/").text(f.name()).raw(".svg)</figcaption></figure>\n");
                }
            }
        }
    }

    private static void table(Html h, String title, ClassTable t) {
        h.raw("<table><tr><th class=\"l\">").text(title).raw("</th><th>precision</th><th>recall</th><th>f1-score</th>"
                + "<th>support</th></tr>");
        for (int i = 0; i < t.classes().size(); i++) {
            h.raw("<tr><td class=\"l\">").text(t.classes().get(i)).raw("</td><td>").text(f2(t.precision()[i]))
                    .raw("</td><td>").text(f2(t.recall()[i])).raw("</td><td>").text(f2(t.f1()[i])).raw("</td><td>")
                    .text(t.support()[i] + "").raw("</td></tr>");
        }
        h.raw("<tr><td class=\"l\">accuracy</td><td></td><td></td><td>").text(f2(t.accuracy())).raw("</td><td>")
                .text(t.total() + "").raw("</td></tr>");
        avg(h, "macro avg", t.macro(), t.total());
        avg(h, "weighted avg", t.weighted(), t.total());
        h.raw("</table>");
        h.raw("<table><tr><th class=\"l\">true \\ predicted</th>");
        for (String cl : t.classes()) {
            h.raw("<th>").text(cl).raw("</th>");
        }
        h.raw("</tr>");
        for (int i = 0; i < t.classes().size(); i++) {
            h.raw("<tr><th class=\"l\">").text(t.classes().get(i)).raw("</th>");
            for (int j = 0; j < t.classes().size(); j++) {
                h.raw("<td>").text(t.confusion()[i][j] + "").raw("</td>");
            }
            h.raw("</tr>");
        }
        h.raw("</table>\n");
    }

    private static void avg(Html h, String name, double[] v, int total) {
        h.raw("<tr><td class=\"l\">").text(name).raw("</td><td>").text(f2(v[0])).raw("</td><td>").text(f2(v[1]))
                .raw("</td><td>").text(f2(v[2])).raw("</td><td>").text(total + "").raw("</td></tr>");
    }
}
