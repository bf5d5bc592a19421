package io.hyclus.app.train;

import io.hyclus.analysis.model.EpochRecord;
import io.hyclus.analysis.model.ModelException;
import io.hyclus.analysis.model.ModelRegistry;
import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.analysis.model.TrainingSettings;
import io.hyclus.analysis.training.TrainingData;
import io.hyclus.analysis.training.TrainingDataReader;
import io.hyclus.analysis.training.TrainingDataSettings;
import io.hyclus.analysis.training.TrainingJob;
import io.hyclus.analysis.training.TrainingRun;
import io.hyclus.app.OptionChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code hyclus train}: reads training spectra from sample containers, fits a model, stores it as the next version in
 * the registry (and promotes it if asked). Does not take the work directory's lock: training can run beside a scan.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a model (PCA, dense or convolutional autoencoder) on one camera's spectra from sample "
                + "containers and stores it as a new version in the model registry (docs/models.md).",
            "--camera STITCHED trains on the stitched 400-2500 nm spectra (docs/stitching.md)."})
public class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--work-dir", defaultValue = "hyclus-work",
            description = "Working directory (default: ${DEFAULT-VALUE}); gives the defaults of --samples and --registry.")
    String workDir;

    @Option(names = "--samples", paramLabel = "DIR", description = "Sample containers (*.h5, searched recursively); "
            + "default <work-dir>/samples.")
    String samples;

    @Option(names = "--registry", paramLabel = "DIR", description = "Model registry; default <work-dir>/models.")
    String registry;

    @Option(names = "--model", required = true, paramLabel = "KIND",
            description = "pca, dense-ae or conv-ae; the code size may be appended (dense-ae-4).")
    String model;

    @Option(names = "--code-size", paramLabel = "K", description = "Numbers per spectrum after encoding (default 16).")
    Integer codeSize;

    @Option(names = "--camera", defaultValue = "VNIR", description = "VNIR, SWIR or STITCHED (default: ${DEFAULT-VALUE}).")
    String camera;

    @Option(names = "--plant", split = ",", paramLabel = "PLANT", description = "Only these plants, e.g. Plant-1 (repeatable or comma list).")
    List<String> plants = List.of();

    @Option(names = "--fraction", split = ",", paramLabel = "F", description = "Only these size fractions: M100, P100 (repeatable or comma list).")
    List<String> fractions = List.of();

    @Option(names = "--month", split = ",", paramLabel = "YYYY-MM", description = "Only these months (repeatable or comma list).")
    List<String> months = List.of();

    @Option(names = "--scan", split = ",", paramLabel = "ID", description = "Only these scan ids (repeatable or comma list).")
    List<String> scans = List.of();

    @Option(names = "--spectra-per-sample", defaultValue = "2000", paramLabel = "N",
            description = "Seeded random subsample per sample, all if fewer (default: ${DEFAULT-VALUE}).")
    int spectraPerSample;

    @Option(names = "--validation", defaultValue = "samples", paramLabel = "HOW",
            description = "samples: whole samples held out; random: random spectra, as the study (default: ${DEFAULT-VALUE}).")
    String validation;

    @Option(names = "--validation-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "Fraction of samples (or spectra) held out (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--seed", defaultValue = "1", description = "Subsample, split and initialisation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", defaultValue = "30", description = "At most this many epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--threads", defaultValue = "1", description = "Training threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--promote", description = "Promote the new version for its camera.")
    boolean promote;

    @Override
    public Integer call() {
        TrainingJob job = job();
        Path registryDir = registryDir();
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        TrainingData data = TrainingDataReader.read(job.data());
        describe(out, data, job, (System.nanoTime() - start) / 1e9);
        ProgressPrinter progress = new ProgressPrinter(out, System.console() != null);
        TrainingRun.Result r;
        try {
            r = new TrainingRun(ModelRegistry.open(registryDir), Clock.systemUTC()).run(data, job, progress);
        } catch (UnsupportedOperationException e) {
            throw new ModelException("cannot train " + job.modelName() + ": " + e.getMessage(), e);
        }
        progress.finish();
        report(out, r, job, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** The registry: {@code --registry}, or {@code <work-dir>/models}. */
    final Path registryDir() {
        return registry == null ? TrainOptions.path(spec, "--work-dir", workDir).resolve("models")
                : TrainOptions.path(spec, "--registry", registry);
    }

    /** Every option checked and turned into the job (exit 2 on a bad one), before anything is read. */
    final TrainingJob job() {
        ModelSpec modelSpec = TrainOptions.model(spec, model, codeSize);
        OptionChecks.range(spec, "--spectra-per-sample", spectraPerSample, 1, 10_000_000);
        OptionChecks.range(spec, "--epochs", epochs, 1, 100_000);
        OptionChecks.range(spec, "--threads", threads, 1, 1024);
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw OptionChecks.invalid(spec, "--validation-fraction must be between 0 and 1 (exclusive): " + validationFraction);
        }
        Path samplesDir = samples == null ? TrainOptions.path(spec, "--work-dir", workDir).resolve("samples")
                : TrainOptions.path(spec, "--samples", samples);
        if (!Files.isDirectory(samplesDir)) {
            throw OptionChecks.invalid(spec, "--samples must be a directory of sample containers: " + samplesDir);
        }
        TrainingDataSettings data = new TrainingDataSettings(samplesDir, TrainOptions.camera(spec, camera),
                TrainOptions.filter(spec, plants, fractions, months, scans), spectraPerSample,
                TrainOptions.validation(spec, validation), validationFraction, seed);
        TrainingSettings settings = TrainingSettings.study(seed).withMaxEpochs(epochs).withThreads(threads);
        String command = "hyclus " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        return new TrainingJob(modelSpec, data, settings, promote, Map.of("command", command));
    }

    static void describe(PrintWriter out, TrainingData d, TrainingJob job, double readSeconds) {
        d.skipped().forEach(s -> out.println("warning: " + s));
        double[] wl = d.wavelengthNm();
        out.printf(Locale.ROOT, "Training %s on %s spectra (%d bands, %.1f-%.1f nm) from %d containers under %s (%s):%n",
                job.modelName(), job.data().camera(), wl.length, wl[0], wl[wl.length - 1], d.containersRead(),
                job.data().samples(), job.data().filter().describe());
        out.printf(Locale.ROOT, "  %d training spectra from %d samples, %d validation spectra from %d samples; %s; read in"
                        + " %.1f s%n", d.train().rows(), d.trainingSamples().size(), d.validationSpectra().rows(),
                d.validationSamples().size(), d.validation(), readSeconds);
        out.flush();
    }

    static void report(PrintWriter out, TrainingRun.Result r, TrainingJob job, double seconds) {
        List<EpochRecord> e = r.epochs();
        EpochRecord last = e.get(e.size() - 1);
        EpochRecord best = e.stream().min((a, b) -> Double.compare(a.validationLoss(), b.validationLoss())).orElse(last);
        out.printf(Locale.ROOT, "Trained %s in %.1f s%s%n", r.ref(), seconds,
                r.promoted() ? " (promoted for " + job.data().camera() + ")" : "");
        out.printf(Locale.ROOT, "  written to %s%n", r.dir());
        out.printf(Locale.ROOT, "  %d epoch%s: last train loss %.5f, validation loss %.5f; best validation loss %.5f "
                        + "(epoch %d)%n", e.size(), e.size() == 1 ? "" : "s", last.trainLoss(), last.validationLoss(),
                best.validationLoss(), best.epoch());
        out.flush();
    }
}
