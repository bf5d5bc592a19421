package io.hyclus.report;

import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.core.spectral.SensorKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The report's held-out-samples accuracy of trained models on one camera of a campaign, for comparing model versions
 * ({@code hyclus retrain}): the report's dataset (a seeded subsample of each container's material spectra), its
 * held-out-samples split per category and its named classifier ({@link CodeClassifier#DESCRIPTION}), every model on
 * the same rows and split. Per spectrum and per sample (the sample's test spectra voting).
 *
 * @param model       the model's reference, e.g. {@code dense-ae-16-vnir@2}
 * @param perSpectrum accuracy per category with at least two classes
 * @param perSample   the same, by sample vote
 */
public record HeldOutAccuracy(String model, Map<Category, Double> perSpectrum, Map<Category, Double> perSample) {
    public HeldOutAccuracy {
        perSpectrum = Map.copyOf(perSpectrum);
        perSample = Map.copyOf(perSample);
    }

    /** The classifier and split, in words. */
    public static String method(double testFraction) {
        return CodeClassifier.DESCRIPTION + "; held-out samples (" + Math.round(100 * testFraction)
                + " % of the samples of each class held out, seeded)";
    }

    /**
     * Scores each model on the same data and split.
     *
     * @param notes collects why a category or model was left out (one class only, another wavelength grid)
     */
    public static List<HeldOutAccuracy> of(Path samples, SensorKind camera, List<TrainedModel> models,
                                           int spectraPerSample, long seed, List<String> notes) {
        ReportSettings s = new ReportSettings(samples, samples, Optional.empty(), false, List.of(camera),
                ReportSettings.studyModels(), spectraPerSample, 1, ReportSettings.DEFAULT_MAP_POINTS,
                ReportSettings.DEFAULT_TEST_FRACTION, seed, 1);
        IntConsumer quiet = i -> { };
        Dataset d = DatasetReader.read(s, quiet);
        notes.addAll(d.problems());
        CameraData data = d.cameras().get(camera);
        if (data == null) {
            throw new ReportException("no " + camera + " spectra in the containers of " + samples);
        }
        List<HeldOutAccuracy> out = new ArrayList<>();
        for (TrainedModel m : models) {
            try {
                m.checkGrid(data.wavelengthNm(), camera + " spectra of " + samples);
            } catch (RuntimeException e) {
                notes.add(m.ref() + ": " + e.getMessage());
                continue;
            }
            Representation rep = new Representation(m.metadata().spec(), m, m.ref().toString(), m.encode(data.spectra()));
            Map<Category, Double> spectra = new EnumMap<>(Category.class);
            Map<Category, Double> bySample = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                List<String> why = new ArrayList<>();
                Optional<ClassificationResult> r = Classification.run(data, rep, c, SplitKind.HELD_OUT_SAMPLES, s, why);
                r.ifPresent(x -> {
                    spectra.put(c, x.spectra().accuracy());
                    bySample.put(c, x.samples().accuracy());
                });
                why.stream().filter(w -> !notes.contains(w)).forEach(notes::add);
            }
            out.add(new HeldOutAccuracy(m.ref().toString(), spectra, bySample));
        }
        return out;
    }

    /** One line: {@code grain size 0.81 (0.94), plant ...}. */
    public String line() {
        List<String> parts = new ArrayList<>();
        for (Category c : Category.values()) {
            if (perSpectrum.containsKey(c)) {
                parts.add(String.format(Locale.ROOT, "%s %.2f (%.2f)", c.title(), perSpectrum.get(c), perSample.get(c)));
            }
        }
        return String.join(", ", parts);
    }
}
