package io.hyclus.report;

import io.hyclus.core.HyclusVersion;
import io.hyclus.report.StudyReport.ReportContent;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code report.html} (self-contained: styles inline, figures as base64 PNG, no external reference), the
 * figures as SVG under {@code figures/}, and the CSV files the tables were computed from: {@code predictions.csv}
 * (every test spectrum), {@code sample-predictions.csv} (every test sample's vote), {@code tables.csv} (every table
 * row at full precision), {@code confusion.csv} (every confusion-matrix cell), {@code elbow.csv}, and per camera and representation {@code kmeans-<camera>-<model>.csv}
 * (the clustered codes and their clusters for k = 1..9).
 */
public final class ReportWriter {
    public static final String HTML = "report.html";

    private ReportWriter() {
    }

    public static Path write(ReportContent c) {
        Path out = c.settings().out();
        try {
            Files.createDirectories(out.resolve("figures"));
            for (CameraReport cam : c.cameras()) {
                for (Figure f : cam.figures()) {
                    Files.write(out.resolve("figures").resolve(f.name() + ".svg"), f.svg());
                }
            }
            writeCsvs(c, out);
            Path html = out.resolve(HTML);
            Path tmp = out.resolve(HTML + ".tmp");
            Files.writeString(tmp, ReportHtml.render(c, HyclusVersion.get()), StandardCharsets.UTF_8);
            Files.move(tmp, html, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return html;
        } catch (IOException e) {
            throw new ReportException("cannot write the report into " + out + ": " + e.getMessage(), e);
        }
    }

    static String base64(byte[] png) {
        return Base64.getEncoder().encodeToString(png);
    }

    private static void writeCsvs(ReportContent c, Path out) throws IOException {
        try (Writer p = Files.newBufferedWriter(out.resolve("predictions.csv"));
             Writer s = Files.newBufferedWriter(out.resolve("sample-predictions.csv"));
             Writer t = Files.newBufferedWriter(out.resolve("tables.csv"));
             Writer e = Files.newBufferedWriter(out.resolve("elbow.csv"));
             Writer m = Files.newBufferedWriter(out.resolve("confusion.csv"))) {
            m.write("camera,representation,category,split,level,truth,predicted,count\n");
            p.write("camera,representation,category,split,row,sample,truth,predicted\n");
            s.write("camera,representation,category,split,sample,truth,predicted\n");
            t.write("camera,representation,category,split,level,class,precision,recall,f1,support\n");
            e.write("camera,representation,model,k,sse\n");
            for (CameraReport cam : c.cameras()) {
                for (ClassificationResult r : cam.results()) {
                    String head = csv(r.camera(), r.representation(), r.category().id(), r.split().id());
                    for (int i = 0; i < r.testRows().length; i++) {
                        int row = r.testRows()[i];
                        SampleInfo info = cam.data().samples().get(cam.data().sampleOfRow()[row]);
                        p.write(head + "," + row + "," + csv(info.key(), info.label(r.category()), r.predicted().get(i)) + "\n");
                    }
                    for (int i = 0; i < r.testSamples().size(); i++) {
                        s.write(head + "," + csv(r.testSamples().get(i), r.sampleTruth().get(i), r.samplePredicted().get(i)) + "\n");
                    }
                    table(t, head + ",spectrum", r.spectra());
                    table(t, head + ",sample", r.samples());
                    confusion(m, head + ",spectrum", r.spectra());
                    confusion(m, head + ",sample", r.samples());
                }
                for (var en : cam.elbows().entrySet()) {
                    String model = cam.representations().stream().filter(x -> x.title().equals(en.getKey()))
                            .findFirst().orElseThrow().id();
                    for (int k = 0; k < en.getValue().sse().length; k++) {
                        e.write(csv(cam.data().camera().name(), en.getKey(), model) + "," + (k + 1) + ","
                                + en.getValue().sse()[k] + "\n");
                    }
                    kmeans(out, cam, en.getKey(), en.getValue());
                }
            }
        }
    }

    private static void kmeans(Path out, CameraReport cam, String rep, Elbow elbow) throws IOException {
        Representation r = cam.representations().stream().filter(x -> x.title().equals(rep)).findFirst().orElseThrow();
        Path f = out.resolve("kmeans-" + cam.data().id() + "-" + r.id() + ".csv");
        try (Writer w = Files.newBufferedWriter(f)) {
            StringBuilder h = new StringBuilder("row");
            for (int j = 0; j < r.codes().bands(); j++) {
                h.append(",c").append(j);
            }
            for (int k = 1; k <= Elbow.MAX_K; k++) {
                h.append(",k").append(k);
            }
            w.write(h + "\n");
            int[] rows = cam.mapRows();
            for (int i = 0; i < rows.length; i++) {
                StringBuilder l = new StringBuilder().append(rows[i]);
                for (int j = 0; j < r.codes().bands(); j++) {
                    l.append(',').append(r.codes().get(rows[i], j));
                }
                for (int k = 0; k < Elbow.MAX_K; k++) {
                    l.append(',').append(elbow.assignments()[k][i]);
                }
                w.write(l + "\n");
            }
        }
    }

    private static void table(Writer t, String head, ClassTable tab) throws IOException {
        for (int i = 0; i < tab.classes().size(); i++) {
            t.write(head + "," + csv(tab.classes().get(i)) + "," + tab.precision()[i] + "," + tab.recall()[i] + ","
                    + tab.f1()[i] + "," + tab.support()[i] + "\n");
        }
        t.write(head + ",accuracy,," + "," + tab.accuracy() + "," + tab.total() + "\n");
        t.write(head + ",macro avg," + tab.macro()[0] + "," + tab.macro()[1] + "," + tab.macro()[2] + "," + tab.total() + "\n");
        t.write(head + ",weighted avg," + tab.weighted()[0] + "," + tab.weighted()[1] + "," + tab.weighted()[2] + ","
                + tab.total() + "\n");
    }

    private static void confusion(Writer m, String head, ClassTable tab) throws IOException {
        for (int i = 0; i < tab.classes().size(); i++) {
            for (int j = 0; j < tab.classes().size(); j++) {
                m.write(head + "," + csv(tab.classes().get(i), tab.classes().get(j)) + "," + tab.confusion()[i][j] + "\n");
            }
        }
    }

    static String csv(String... values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return sb.toString();
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

}
