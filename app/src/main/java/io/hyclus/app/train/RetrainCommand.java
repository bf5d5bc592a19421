package io.hyclus.app.train;

import io.hyclus.analysis.model.ModelException;
import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.ModelRegistry;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.analysis.training.ModelComparison;
import io.hyclus.analysis.training.TrainingData;
import io.hyclus.analysis.training.TrainingDataReader;
import io.hyclus.analysis.training.TrainingDataSettings;
import io.hyclus.analysis.training.TrainingJob;
import io.hyclus.analysis.training.TrainingRun;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.report.Category;
import io.hyclus.report.HeldOutAccuracy;
import io.hyclus.report.ReportSettings;
import picocli.CommandLine.Command;


import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code hyclus retrain}: {@code hyclus train}'s options and training (the same code), the new version left unpromoted;
 * then the new and the promoted model scored on the same held-out spectra ({@link ModelComparison}), the table printed
 * and kept beside the new version, and the new version promoted only with {@code --promote}. A running live encoder
 * picks a promotion up from its next sample; the live map starts a new map for the new model's codes (docs/replay.md).
 */
@Command(name = "retrain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the next model version as hyclus train does (on accumulated or replayed containers), "
                + "compares it with the promoted model on the same held-out spectra (reconstruction BCE and MSE), writes "
                + "the comparison beside the new version (comparison.json) and promotes it only with --promote.",
            "A running live encoder uses a promoted model from its next sample on (docs/replay.md)."})
public final class RetrainCommand extends TrainCommand {
    @Override
    public Integer call() {
        TrainingJob asked = job();
        TreeMap<String, String> prov = new TreeMap<>(asked.provenance());
        ModelRegistry registry = ModelRegistry.open(registryDir());
        SensorKind camera = asked.data().camera();
        Optional<ModelRef> before = registry.promoted(camera);
        prov.put("retrain.compared_with", before.map(ModelRef::toString).orElse("none"));
        TrainingJob job = new TrainingJob(asked.spec(), asked.data(), asked.settings(), false, prov);
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        TrainingData data = TrainingDataReader.read(job.data());
        describe(out, data, job, (System.nanoTime() - start) / 1e9);
        ProgressPrinter progress = new ProgressPrinter(out, System.console() != null);
        TrainingRun.Result r;
        try {
            r = new TrainingRun(registry, Clock.systemUTC()).run(data, job, progress);
        } catch (UnsupportedOperationException e) {
            throw new ModelException("cannot train " + job.modelName() + ": " + e.getMessage(), e);
        }
        progress.finish();
        report(out, r, job, (System.nanoTime() - start) / 1e9);
        Optional<TrainedModel> promoted = before.map(registry::load);
        ModelComparison cmp = ModelComparison.of(data, r.model(), promoted);
        cmp = cmp.withAccuracy(accuracy(job, r.model(), promoted, out));
        cmp.table().forEach(out::println);
        Path file = cmp.write(r.dir());
        out.println("  comparison kept in " + file);
        if (promote) {
            registry.promote(r.ref());
            out.println("Promoted " + r.ref() + " for " + camera + " (was " + before.map(ModelRef::toString).orElse("none")
                    + "); a running live encoder uses it from its next sample on");
        } else {
            out.println("Not promoted: " + before.map(b -> b + " stays promoted for " + camera)
                    .orElse("nothing is promoted for " + camera) + " (hyclus models promote " + r.ref()
                    + ", or retrain with --promote)");
        }
        out.flush();
        return 0;
    }

    /**
     * Both models' held-out-samples accuracy as the report measures it (its dataset, split and classifier), on the
     * containers the model was trained from, with the training's seed and spectra per sample.
     */
    private static ModelComparison.Accuracy accuracy(TrainingJob job, TrainedModel candidate,
                                                     Optional<TrainedModel> promoted, PrintWriter out) {
        out.println("Classifying held-out samples with both models' codes (the report's split and classifier)");
        out.flush();
        List<TrainedModel> models = new ArrayList<>();
        models.add(candidate);
        promoted.ifPresent(models::add);
        List<String> notes = new ArrayList<>();
        TrainingDataSettings d = job.data();
        List<HeldOutAccuracy> scored = HeldOutAccuracy.of(d.samples(), d.camera(), models, d.spectraPerSample(),
                d.seed(), notes);
        Map<String, Map<String, Double>> perSpectrum = new LinkedHashMap<>();
        Map<String, Map<String, Double>> perSample = new LinkedHashMap<>();
        for (HeldOutAccuracy h : scored) {
            perSpectrum.put(h.model(), byTitle(h.perSpectrum()));
            perSample.put(h.model(), byTitle(h.perSample()));
        }
        return new ModelComparison.Accuracy(HeldOutAccuracy.method(ReportSettings.DEFAULT_TEST_FRACTION) + ", "
                + d.spectraPerSample() + " spectra per sample, seed " + d.seed(), perSpectrum, perSample, notes);
    }

    private static Map<String, Double> byTitle(Map<Category, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            if (m.containsKey(c)) {
                out.put(c.title(), m.get(c));
            }
        }
        return out;
    }
}
