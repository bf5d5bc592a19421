package io.hyclus.report;

import io.hyclus.analysis.embed.Points;
import io.hyclus.analysis.embed.TsneFit;
import io.hyclus.analysis.embed.TsneSettings;
import io.hyclus.analysis.model.EpochListener;
import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs the study on a campaign and writes the report: dataset, representations, classification on both splits,
 * clustering, t-SNE maps, figures, then {@link ReportWriter}. What cannot be done is noted and the rest goes on.
 */
public final class StudyReport {
    public static final int SOM_ROWS = 6;
    public static final int SOM_COLS = 8;
    static final double MAX_PERPLEXITY = 30;

    private final ReportSettings settings;
    private final InstantSource clock;
    private final ReportProgress progress;
    private final EpochListener epochs;
    private int done;
    private int total;

    /** What was written. */
    public record Outcome(Path html, List<String> problems, int tables, int figures, double seconds) {
    }

    public StudyReport(ReportSettings settings, InstantSource clock, ReportProgress progress, EpochListener epochs) {
        this.settings = settings;
        this.clock = clock;
        this.progress = progress;
        this.epochs = epochs;
    }

    public Outcome run(String command) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        int perCamera = settings.models().size() * 3 + 2;
        total = 2 + settings.cameras().size() * perCamera;
        step("reading containers under " + settings.samples());
        int containers = DatasetReader.containers(settings.samples()).size();
        Dataset data = DatasetReader.read(settings, n -> {
            if (n % 8 == 0 && n < containers) {
                progress.step(done, total, "reading containers under " + settings.samples() + ": " + n + " of "
                        + containers);
            }
        });
        List<String> problems = new ArrayList<>(data.problems());
        List<CameraReport> cameras = new ArrayList<>();
        for (SensorKind cam : settings.cameras()) {
            CameraData d = data.cameras().get(cam);
            if (d == null) {
                done += perCamera;
                continue;
            }
            cameras.add(camera(d, problems));
        }
        step("writing the report into " + settings.out());
        double seconds = (System.nanoTime() - t0) / 1e9;
        ReportContent content = new ReportContent(settings, command, started, seconds, data, cameras, problems);
        Path html = ReportWriter.write(content);
        int tables = cameras.stream().mapToInt(c -> c.results().size()).sum();
        int figures = cameras.stream().mapToInt(c -> c.figures().size()).sum();
        return new Outcome(html, problems, tables, figures, seconds);
    }

    private void step(String what) {
        progress.step(++done, total, what);
    }

    private CameraReport camera(CameraData d, List<String> problems) {
        List<String> notes = new ArrayList<>();
        Representations source = new Representations(settings, clock);
        List<Representation> reps = new ArrayList<>();
        for (ModelSpec spec : settings.models()) {
            step(d.camera() + ": " + Representation.title(spec) + " (registry or training)");
            List<String> missing = new ArrayList<>();
            source.get(d, spec, epochs, missing).ifPresent(reps::add);
            missing.forEach(m -> problems.add(d.camera() + ": " + m));
        }
        done += 2 * (settings.models().size() - reps.size()); // their mapping and classification steps are skipped
        int[] mapRows = mapRows(d);
        Map<String, float[]> tsne = new LinkedHashMap<>();
        Map<String, Elbow> elbows = new LinkedHashMap<>();
        Map<String, Ward> wards = new LinkedHashMap<>();
        Map<String, Som> soms = new LinkedHashMap<>();
        double perplexity = Math.min(MAX_PERPLEXITY, Math.floor((mapRows.length - 1) / 3.0 * 100) / 100);
        TsneSettings ts = TsneSettings.defaults(settings.seed(), settings.threads()).withPerplexity(Math.max(1, perplexity));
        for (Representation rep : reps) {
            step(d.camera() + ": t-SNE, k-means, Ward and SOM of " + rep.title());
            SpectraBlock pts = subset(rep.codes(), mapRows);
            try {
                tsne.put(rep.title(), TsneFit.fit(Points.of(pts.rows(), pts.bands(), pts.values().clone()), ts).positions());
            } catch (RuntimeException e) {
                notes.add(rep.title() + ": no t-SNE map (" + e.getMessage() + ")");
            }
            elbows.put(rep.title(), Elbow.of(pts, settings.seed(), settings.threads()));
            soms.put(rep.title(), Som.of(pts, SOM_ROWS, SOM_COLS, settings.seed()));
            if (d.samples().size() >= 2) {
                wards.put(rep.title(), Ward.of(sampleMeans(d, rep.codes())));
            } else {
                notes.add(rep.title() + ": one sample only, no Ward dendrogram");
            }
        }
        List<ClassificationResult> results = new ArrayList<>();
        for (Representation rep : reps) {
            step(d.camera() + ": classifying " + rep.title() + " codes (3 categories x 2 splits)");
            for (Category c : Category.values()) {
                for (SplitKind k : SplitKind.values()) {
                    List<String> n = new ArrayList<>();
                    Classification.run(d, rep, c, k, settings, n).ifPresent(results::add);
                    n.stream().filter(x -> !notes.contains(x)).forEach(notes::add);
                }
            }
        }
        step(d.camera() + ": figures");
        String tsneText = String.format(Locale.ROOT, "%d spectra (seeded subsample), perplexity %s, %d + %d iterations, "
                + "%s, seed %d", mapRows.length, ts.perplexity(), ts.earlyIterations(), ts.iterations(), ts.repulsion(),
                ts.seed());
        CameraReport partial = new CameraReport(d, reps, results, mapRows, tsne, tsneText, elbows, wards, soms,
                List.of(), notes);
        List<Figure> figures = new ArrayList<>();
        try {
            figures.addAll(figures(partial));
        } catch (RuntimeException e) {
            notes.add("figures could not all be drawn: " + e);
        }
        step(d.camera() + ": done");
        notes.forEach(n -> problems.add(d.camera() + ": " + n));
        return new CameraReport(d, reps, results, mapRows, tsne, tsneText, elbows, wards, soms, figures, notes);
    }

    /** At most {@link ReportSettings#mapPoints()} rows drawn without replacement (seeded), ascending. */
    int[] mapRows(CameraData d) {
        int n = d.rows();
        int k = Math.min(n, settings.mapPoints());
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(settings.seed() + 17);
        for (int i = 0; i < k && k < n; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = Arrays.copyOf(idx, k);
        Arrays.sort(out);
        return out;
    }

    static SpectraBlock subset(SpectraBlock b, int[] rows) {
        float[] v = new float[rows.length * b.bands()];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(b.values(), rows[i] * b.bands(), v, i * b.bands(), b.bands());
        }
        return new SpectraBlock(v, rows.length, b.bands());
    }

    static double[][] sampleMeans(CameraData d, SpectraBlock codes) {
        double[][] m = new double[d.samples().size()][codes.bands()];
        int[] count = new int[d.samples().size()];
        for (int r = 0; r < codes.rows(); r++) {
            int s = d.sampleOfRow()[r];
            count[s]++;
            for (int j = 0; j < codes.bands(); j++) {
                m[s][j] += codes.get(r, j);
            }
        }
        for (int s = 0; s < m.length; s++) {
            for (int j = 0; j < codes.bands(); j++) {
                m[s][j] /= Math.max(1, count[s]);
            }
        }
        return m;
    }

    private List<Figure> figures(CameraReport r) {
        CameraData d = r.data();
        String cam = d.id();
        List<Figure> f = new ArrayList<>();
        for (Category c : Category.values()) {
            f.add(CameraFigures.spectra(d, c));
        }
        if (!r.representations().isEmpty()) {
            f.add(CameraFigures.decoded(d, r.representations(), new SplittableRandom(settings.seed()).nextInt(d.rows())));
        }
        for (Representation rep : r.representations()) {
            for (Category c : Category.values()) {
                f.add(CameraFigures.codes(d, rep, c));
            }
        }
        for (Representation rep : r.representations()) {
            float[] xy = r.tsne().get(rep.title());
            if (xy == null) {
                continue;
            }
            String base = cam + "-tsne-" + rep.id();
            for (Category c : Category.values()) {
                f.add(CameraFigures.map(base + "-" + c.id(), d.camera() + " " + rep.title() + " t-SNE map coloured by "
                        + c.title() + "; class names at the class medians.", d.camera() + " " + rep.title()
                        + " t-SNE by " + c.title(), d, r.mapRows(), xy, c, row -> true));
            }
            for (GrainSizeFraction g : GrainSizeFraction.values()) {
                f.add(CameraFigures.map(base + "-" + g.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-plant",
                        d.camera() + " " + rep.title() + " t-SNE map, " + g.label() + " spectra only, coloured by plant.",
                        d.camera() + " " + rep.title() + ": " + g.label() + " by plant", d, r.mapRows(), xy,
                        Category.PLANT, row -> d.samples().get(d.sampleOfRow()[row]).fraction() == g));
            }
            for (String plant : CameraFigures.classes(d, Category.PLANT)) {
                f.add(CameraFigures.map(base + "-" + slug(plant) + "-month", d.camera() + " " + rep.title()
                                + " t-SNE map, plant " + plant + " only, coloured by month.", d.camera() + " "
                                + rep.title() + ": " + plant + " by month", d, r.mapRows(), xy, Category.MONTH,
                        row -> d.samples().get(d.sampleOfRow()[row]).plant().equals(plant)));
            }
        }
        if (!r.elbows().isEmpty()) {
            List<Charts.Line> lines = new ArrayList<>();
            double[] ks = new double[Elbow.MAX_K];
            for (int k = 0; k < ks.length; k++) {
                ks[k] = k + 1;
            }
            r.elbows().forEach((t, e) -> {
                double[] y = new double[e.sse().length];
                for (int k = 0; k < y.length; k++) {
                    y[k] = e.sse()[0] > 0 ? e.sse()[k] / e.sse()[0] : 0;
                }
                lines.add(new Charts.Line(t, ks, y));
            });
            f.add(Charts.lines(cam + "-elbow", d.camera() + " k-means elbow: SSE for k = 1..9 divided by SSE at k = 1 "
                    + "(the representations' code scales differ; raw SSE in the table).", d.camera()
                    + " k-means elbow", "k", "SSE / SSE(k=1)", lines, true));
        }
        List<String> plants = CameraFigures.classes(d, Category.PLANT);
        int[] leafClass = d.samples().stream().mapToInt(s -> plants.indexOf(s.plant())).toArray();
        List<String> leafLabels = d.samples().stream().map(SampleInfo::sampleId).toList();
        r.wards().forEach((t, w) -> f.add(Drawings.dendrogram(cam + "-ward-" + slug(t), d.camera() + " " + t
                + ": Ward hierarchical clustering of the sample means of the codes; leaves coloured by plant.",
                d.camera() + " " + t + ": Ward dendrogram of sample means", w, leafLabels, leafClass, plants)));
        List<String> months = CameraFigures.classes(d, Category.MONTH);
        int[] monthOf = Arrays.stream(r.mapRows()).map(row -> months.indexOf(d.label(row, Category.MONTH))).toArray();
        r.soms().forEach((t, s) -> f.add(Drawings.somHits(cam + "-som-" + slug(t), d.camera() + " " + t + ": "
                + SOM_ROWS + " x " + SOM_COLS + " self-organising map of the mapped spectra; square area = hits, colour"
                + " = the month most of its spectra have.", d.camera() + " " + t + ": SOM hits by month", s, monthOf,
                months)));
        return f;
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The report's whole content, for the writer. */
    public record ReportContent(ReportSettings settings, String command, Instant started, double seconds,
                                Dataset dataset, List<CameraReport> cameras, List<String> problems) {
    }

}
