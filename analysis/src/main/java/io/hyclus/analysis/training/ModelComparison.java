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
 */
public record ModelComparison(String heldOut, List<String> heldOutSamples, int spectra, Score candidate,
                              Optional<Score> promoted, Optional<String> note) {
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

    public ModelComparison {
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
        return new ModelComparison(data.validation(), data.validationSamples(), heldOut.rows(), mine, theirs, note);
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
