package io.hyclus.app.report;

import io.hyclus.analysis.model.Architecture;
import io.hyclus.analysis.model.EpochListener;
import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.app.OptionChecks;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.report.ReportException;
import io.hyclus.report.ReportSettings;
import io.hyclus.report.StudyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hyclus report}: the reference study on a campaign's containers, written as one self-contained
 * {@code report.html} with SVG figures and CSV files beside it. Exit 0 when a report was written, with a warning line
 * per missing part; 1 when nothing at all could be done; 2 for a bad option.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reproduces the reference study on a campaign: PCA, dense AE-4, dense AE-16 and conv AE-16 codes,"
                + " classification tables by grain size, plant and month on two splits, k-means, Ward, SOM, t-SNE maps;"
                + " one self-contained report.html (docs/report.md).",
            "Each camera is reported alone; STITCHED reports the stitched 400-2500 nm spectra (docs/stitching.md)."})
public final class ReportCommand implements Callable<Integer> {
    private static final Pattern MODEL = Pattern.compile("(pca|dense-ae|conv-ae)-([0-9]+)");
    /** Tribuo logs every training at INFO through java.util.logging; the report's progress lines say enough. */
    private static final java.util.logging.Logger TRIBUO = java.util.logging.Logger.getLogger("org.tribuo");
    /** slf4j-simple reads a logger's level when the logger is made: the report's maps are fitted after this is set. */
    private static final String TSNE_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.hyclus.analysis.embed";

    @Spec
    CommandSpec spec;

    @Option(names = "--samples", required = true, paramLabel = "DIR", description = "Sample containers (*.h5, searched recursively).")
    String samples;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where report.html, figures/ and the CSV files go.")
    String out;

    @Option(names = "--registry", paramLabel = "DIR", description = "Take the models from this registry (newest version"
            + " of <model>-<camera>); the missing ones are trained on the fly unless --no-training.")
    String registry;

    @Option(names = "--no-training", description = "Never train: a model missing from --registry is left out.")
    boolean noTraining;

    @Option(names = "--camera", split = ",", paramLabel = "CAM", defaultValue = "VNIR,SWIR,STITCHED",
            description = "Cameras, each reported alone: VNIR, SWIR, STITCHED (the stitched 400-2500 nm spectra; "
                    + "containers written before stitching have none, and the report says so) "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> cameras;

    @Option(names = "--models", split = ",", paramLabel = "M", defaultValue = "pca-16,dense-ae-4,dense-ae-16,conv-ae-16",
            description = "Representations (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--spectra-per-sample", defaultValue = "" + ReportSettings.DEFAULT_SPECTRA_PER_SAMPLE, paramLabel = "N",
            description = "Seeded random subsample per sample and camera (default: ${DEFAULT-VALUE}; the study's ~300k "
                    + "spectra are about 4200 per sample of 72).")
    int spectraPerSample;

    @Option(names = "--max-epochs", defaultValue = "" + ReportSettings.DEFAULT_MAX_EPOCHS, paramLabel = "N",
            description = "Most epochs of an autoencoder trained on the fly (default: ${DEFAULT-VALUE}, early stopping may end sooner).")
    int maxEpochs;

    @Option(names = "--map-points", defaultValue = "" + ReportSettings.DEFAULT_MAP_POINTS, paramLabel = "N",
            description = "Spectra mapped by t-SNE and clustered by k-means and the SOM (default: ${DEFAULT-VALUE}).")
    int mapPoints;

    @Option(names = "--test-fraction", defaultValue = "" + ReportSettings.DEFAULT_TEST_FRACTION, paramLabel = "F",
            description = "Share of spectra (random split) or of each class's samples (held-out split) tested on (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--seed", defaultValue = "" + ReportSettings.DEFAULT_SEED, description = "The one seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "Training and t-SNE threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        ReportSettings settings = settings();
        TRIBUO.setLevel(java.util.logging.Level.WARNING);
        // the t-SNE logs two INFO lines per map (dozens per report) between the progress lines; its warnings still show
        if (System.getProperty(TSNE_LOG_LEVEL) == null) {
            System.setProperty(TSNE_LOG_LEVEL, "warn");
        }
        PrintWriter o = spec.commandLine().getOut();
        boolean terminal = System.console() != null;
        String command = "hyclus " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        StudyReport.Outcome r;
        try {
            r = new StudyReport(settings, Clock.systemUTC(), (done, total, what) -> progress(o, terminal, done, total, what),
                    epochs(o, terminal)).run(command);
        } catch (ReportException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage() + "; no report written");
            spec.commandLine().getErr().flush();
            return 1;
        }
        if (terminal) {
            o.println();
        }
        for (String p : r.problems()) {
            o.println("warning: " + p);
        }
        o.printf(Locale.ROOT, "Report written to %s: %d classification tables, %d figures, %.1f s%s%n", r.html(),
                r.tables(), r.figures(), r.seconds(), r.problems().isEmpty() ? "" : " (" + r.problems().size()
                        + " warning" + (r.problems().size() == 1 ? "" : "s") + ", listed in the report)");
        o.flush();
        return 0;
    }

    private static void progress(PrintWriter o, boolean terminal, int done, int total, String what) {
        int bar = 24;
        int filled = (int) Math.round(bar * Math.min(1.0, done / (double) total));
        String line = "[" + "#".repeat(filled) + ".".repeat(bar - filled) + "] " + done + "/" + total + " " + what;
        o.print(terminal ? "\r" + line + "\u001b[K" : line + "\n");
        o.flush();
    }

    private static EpochListener epochs(PrintWriter o, boolean terminal) {
        return (rec, max) -> {
            if (!terminal) {
                o.printf(Locale.ROOT, "    epoch %d/%d  train %.5f  val %.5f  %.1f s%n", rec.epoch(), max, rec.trainLoss(),
                        rec.validationLoss(), rec.seconds());
                o.flush();
            }
        };
    }

    private ReportSettings settings() {
        OptionChecks.range(spec, "--spectra-per-sample", spectraPerSample, 1, 10_000_000);
        OptionChecks.range(spec, "--max-epochs", maxEpochs, 1, 100_000);
        OptionChecks.range(spec, "--map-points", mapPoints, 100, 1_000_000);
        OptionChecks.range(spec, "--threads", threads, 1, 1024);
        if (!(testFraction > 0 && testFraction < 1)) {
            throw OptionChecks.invalid(spec, "--test-fraction must be between 0 and 1 (exclusive): " + testFraction);
        }
        Path samplesDir = path("--samples", samples);
        if (!Files.isDirectory(samplesDir)) {
            throw OptionChecks.invalid(spec, "--samples must be a directory of sample containers: " + samplesDir);
        }
        Optional<Path> reg = registry == null ? Optional.empty() : Optional.of(path("--registry", registry));
        if (reg.isPresent() && !Files.isDirectory(reg.get())) {
            throw OptionChecks.invalid(spec, "--registry must be an existing model registry folder: " + reg.get());
        }
        if (noTraining && reg.isEmpty()) {
            throw OptionChecks.invalid(spec, "--no-training needs --registry (there would be no model at all)");
        }
        List<SensorKind> cams = new ArrayList<>();
        for (String c : cameras) {
            try {
                SensorKind k = SensorKind.valueOf(c.strip().toUpperCase(Locale.ROOT));
                if (!cams.contains(k)) {
                    cams.add(k);
                }
            } catch (IllegalArgumentException e) {
                throw OptionChecks.invalid(spec, "--camera must be VNIR, SWIR and/or STITCHED: '" + c + "'");
            }
        }
        List<ModelSpec> specs = new ArrayList<>();
        for (String m : models) {
            Matcher x = MODEL.matcher(m.strip().toLowerCase(Locale.ROOT));
            if (!x.matches()) {
                throw OptionChecks.invalid(spec, "--models takes pca-K, dense-ae-K or conv-ae-K: '" + m + "'");
            }
            try {
                specs.add(new ModelSpec(Architecture.fromId(x.group(1)), Integer.parseInt(x.group(2))));
            } catch (IllegalArgumentException e) {
                throw OptionChecks.invalid(spec, "--models " + m + ": " + e.getMessage());
            }
        }
        return new ReportSettings(samplesDir, path("--out", out), reg, !noTraining, cams, specs, spectraPerSample,
                maxEpochs, mapPoints, testFraction, seed, threads);
    }

    private Path path(String option, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw OptionChecks.invalid(spec, option + " is not a path this JVM can use: '" + value + "' (" + e.getReason() + ")");
        }
    }
}
