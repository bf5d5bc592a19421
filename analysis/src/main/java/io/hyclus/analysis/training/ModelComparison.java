package io.hyclus.analysis.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyclus.analysis.model.Losses;
import io.hyclus.analysis.model.ModelException;
import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.core.Checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A newly trained model and the promoted one, scored on the same held-out spectra (the new model's validation part:
 * whole samples with {@link ValidationMode#SAMPLES}): reconstruction binary cross-entropy on each model's own 0-1
 * scale (the loss it was trained on, Keras scale) and mean squared error on the measured reflectance scale (the one
 * figure comparable across models, whose scalers differ). Kept beside the new version as {@value #FILE}.
 *
 * @param heldOut        how the spectra were held out, in words
 * @param heldOutSamples {@code scanId/sampleId} of the held-out spectra's samples
 * @param spectra        held-out spectra scored
 * @param candidate      the new model's scores
 * @param promoted       the promoted model's scores, empty when none is promoted or it cannot read these spectra
 * @param note           why {@code promoted} is empty, or empty
 * @param accuracy       classification accuracy on held-out samples of both models, when measured
 */
public record ModelComparison(String heldOut, List<String> heldOutSamples, int spectra, Score candidate,
                              Optional<Score> promoted, Optional<String> note, Optional<Accuracy> accuracy) {
    /** The file beside {@code model.json} in the new version's folder. */
    public static final String FILE = "comparison.json";
    public static final String FORMAT = "hyclus-model-comparison/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param bce       reconstruction binary cross-entropy on the model's own scaled values
     * @param mse       reconstruction mean squared error, reflectance units squared
     * @param seenInTraining held-out samples this model was trained on (the promoted model may have seen them)
     */
    public record Score(ModelRef ref, double bce, double mse, int seenInTraining) {
        public Score {
            Checks.notNull("model ref", ref);
        }
    }

    /**
     * Held-out-samples classification accuracy (the report's), per model reference and category, per spectrum and by
     * sample vote, measured by a caller that has the classifier (the report module).
     *
     * @param method      classifier, split and data, in words
     * @param perSpectrum model reference → category → accuracy
     * @param perSample   the same by sample vote
     * @param notes       categories or models left out, and why
     */
    public record Accuracy(String method, Map<String, Map<String, Double>> perSpectrum,
                           Map<String, Map<String, Double>> perSample, List<String> notes) {
        public Accuracy {
            Checks.notBlank("accuracy method", method);
            perSpectrum = copy(perSpectrum);
            perSample = copy(perSample);
            notes = List.copyOf(notes);
        }

        private static Map<String, Map<String, Double>> copy(Map<String, Map<String, Double>> m) {
            Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            return Collections.unmodifiableMap(out);
        }

        /** Whether {@code candidate} is at least as accurate as {@code other} in every category both were scored on. */
        boolean atLeastAsAccurate(String candidate, String other) {
            Map<String, Double> a = perSpectrum.getOrDefault(candidate, Map.of());
            Map<String, Double> b = perSpectrum.getOrDefault(other, Map.of());
            return !a.isEmpty() && a.keySet().stream().filter(b::containsKey).allMatch(c -> a.get(c) >= b.get(c));
        }
    }

    public ModelComparison {
        Checks.notNull("accuracy", accuracy);
        heldOutSamples = List.copyOf(heldOutSamples);
        Checks.notNull("candidate score", candidate);
        Checks.notNull("promoted score", promoted);
        Checks.notNull("note", note);
    }

    /** Scores {@code candidate} and {@code promoted} on {@code data}'s validation spectra. */
    public static ModelComparison of(TrainingData data, TrainedModel candidate, Optional<TrainedModel> promoted) {
        SpectraBlock heldOut = data.validationSpectra();
        if (heldOut.rows() == 0) {
            throw new TrainingDataException("no held-out spectra to compare " + candidate.ref() + " on");
        }
        Score mine = score(candidate, heldOut, data.validationSamples());
        Optional<Score> theirs = Optional.empty();
        Optional<String> note = Optional.of("no model is promoted for " + candidate.metadata().input());
        if (promoted.isPresent()) {
            TrainedModel p = promoted.get();
            try {
                p.checkGrid(data.wavelengthNm(), "the held-out spectra");
                theirs = Optional.of(score(p, heldOut, data.validationSamples()));
                note = Optional.empty();
            } catch (ModelException e) {
                note = Optional.of("the promoted " + p.ref() + " cannot encode these spectra: " + e.getMessage());
            }
        }
        return new ModelComparison(data.validation(), data.validationSamples(), heldOut.rows(), mine, theirs, note,
                Optional.empty());
    }

    static Score score(TrainedModel m, SpectraBlock heldOut, List<String> heldOutSamples) {
        SpectraBlock scaled = m.scaler().transform(heldOut);
        SpectraBlock back = m.model().decode(m.model().encode(scaled));
        double bce = Losses.binaryCrossEntropy(scaled, back);
        double mse = Losses.meanSquaredError(heldOut, m.scaler().inverse(back));
        Set<String> trained = new HashSet<>(m.metadata().samples());
        int seen = (int) heldOutSamples.stream().filter(trained::contains).count();
        return new Score(m.ref(), bce, mse, seen);
    }

    /** This comparison with the held-out-samples classification accuracy of its models. */
    public ModelComparison withAccuracy(Accuracy a) {
        return new ModelComparison(heldOut, heldOutSamples, spectra, candidate, promoted, note, Optional.of(a));
    }

    /** Whether the new model reconstructs the held-out spectra better (lower MSE) than the promoted one, or none is. */
    public boolean candidateBetter() {
        return promoted.map(p -> candidate.mse() < p.mse()).orElse(true);
    }

    /** The comparison as a small table, one line per model, and a verdict. */
    public List<String> table() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Compared on %d held-out spectra of %d samples (%s):", spectra,
                heldOutSamples.size(), heldOut));
        out.add(String.format(Locale.ROOT, "  %-24s %-9s %12s %14s  %s", "model", "role", "BCE (own)", "MSE (refl.)",
                "held-out samples seen in training"));
        out.add(row(candidate, "new"));
        promoted.ifPresent(p -> out.add(row(p, "promoted")));
        note.ifPresent(n -> out.add("  " + n));
        promoted.ifPresent(p -> out.add(String.format(Locale.ROOT, "  %s reconstructs them %s than %s (MSE %.3e vs "
                + "%.3e, %+.1f %%)", candidate.ref(), candidateBetter() ? "better" : "no better", p.ref(), candidate.mse(),
                p.mse(), 100 * (candidate.mse() - p.mse()) / p.mse())));
        accuracy.ifPresent(a -> {
            out.add("Held-out-samples accuracy per spectrum (by sample vote), " + a.method() + ":");
            for (String model : a.perSpectrum().keySet()) {
                List<String> parts = new ArrayList<>();
                a.perSpectrum().get(model).forEach((c, v) -> parts.add(String.format(Locale.ROOT, "%s %.3f (%.3f)", c, v,
                        a.perSample().getOrDefault(model, Map.of()).getOrDefault(c, Double.NaN))));
                out.add(String.format(Locale.ROOT, "  %-24s %s", model, String.join(", ", parts)));
            }
            a.notes().forEach(n -> out.add("  " + n));
            promoted.ifPresent(p -> out.add(String.format(Locale.ROOT, "  %s is %s as accurate as %s in every category",
                    candidate.ref(), a.atLeastAsAccurate(candidate.ref().toString(), p.ref().toString()) ? "at least"
                            : "not", p.ref())));
        });
        return out;
    }

    private static String row(Score s, String role) {
        return String.format(Locale.ROOT, "  %-24s %-9s %12.5f %14.3e  %d", s.ref(), role, s.bce(), s.mse(),
                s.seenInTraining());
    }

    /** Writes {@value #FILE} into {@code versionDir}. */
    public Path write(Path versionDir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("held_out", heldOut);
        root.put("held_out_spectra", spectra);
        var samples = root.putArray("held_out_samples");
        heldOutSamples.forEach(samples::add);
        root.set("candidate", node(candidate));
        promoted.ifPresent(p -> root.set("promoted", node(p)));
        note.ifPresent(n -> root.put("note", n));
        root.put("candidate_better", candidateBetter());
        accuracy.ifPresent(a -> {
            ObjectNode acc = root.putObject("held_out_accuracy");
            acc.put("method", a.method());
            ObjectNode per = acc.putObject("per_spectrum");
            a.perSpectrum().forEach((m, v) -> v.forEach((c, x) -> per.with(m).put(c, x)));
            ObjectNode vote = acc.putObject("per_sample");
            a.perSample().forEach((m, v) -> v.forEach((c, x) -> vote.with(m).put(c, x)));
            var notes = acc.putArray("notes");
            a.notes().forEach(notes::add);
            promoted.ifPresent(p -> acc.put("candidate_at_least_as_accurate",
                    a.atLeastAsAccurate(candidate.ref().toString(), p.ref().toString())));
        });
        Path file = versionDir.resolve(FILE);
        try {
            Files.write(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new ModelException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static ObjectNode node(Score s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ref", s.ref().toString());
        n.put("bce", s.bce());
        n.put("mse", s.mse());
        n.put("held_out_samples_seen_in_training", s.seenInTraining());
        return n;
    }
}
