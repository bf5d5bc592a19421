package io.hyclus.report;

import io.hyclus.analysis.model.EpochListener;
import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.ModelRegistry;
import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.analysis.model.TrainingSettings;
import io.hyclus.analysis.training.SampleFilter;
import io.hyclus.analysis.training.TrainingData;
import io.hyclus.analysis.training.TrainingDataSettings;
import io.hyclus.analysis.training.TrainingJob;
import io.hyclus.analysis.training.TrainingRun;
import io.hyclus.analysis.training.ValidationMode;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Gets each representation of a camera: the newest version of {@code <model>-<camera>} in the given registry, else
 * trained on the fly by {@link TrainingRun} — the code path of {@code hyclus train} — into {@code <out>/models} on this
 * dataset (10 % of the samples, seeded, held out for validation; the study's training rules with
 * {@link ReportSettings#maxEpochs()}). A model that is missing and may not be trained, or fails, is a problem line,
 * and the report goes on without it.
 */
public final class Representations {
    /** Share of the samples held out to validate (early stopping) a model trained on the fly. */
    public static final double VALIDATION_FRACTION = 0.1;

    private final ReportSettings settings;
    private final InstantSource clock;
    private final ModelRegistry registry;

    public Representations(ReportSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        this.registry = settings.registry().map(ModelRegistry::open).orElse(null);
    }

    private ModelRegistry trainedRegistry() {
        return ModelRegistry.open(settings.out().resolve("models"));
    }

    /** Empty when the model could not be had; the reason is added to {@code problems}. */
    public Optional<Representation> get(CameraData data, ModelSpec spec, EpochListener listener, List<String> problems) {
        String name = spec.name() + "-" + data.id();
        TrainedModel model = null;
        String source = null;
        if (registry != null) {
            Optional<ModelRef> ref = registry.versions().stream().filter(r -> r.name().equals(name))
                    .reduce((a, b) -> b);
            if (ref.isEmpty()) {
                problems.add("model " + name + " is missing from the registry " + registry.dir()
                        + (settings.trainMissing() ? "; trained on the fly instead" : "; " + Representation.title(spec)
                        + " left out for " + data.camera()));
            } else {
                try {
                    model = registry.load(ref.get());
                    model.checkGrid(data.wavelengthNm(), data.camera() + " spectra of this campaign");
                    source = ref.get() + " from the registry " + registry.dir();
                } catch (RuntimeException e) {
                    problems.add("model " + ref.get() + " cannot be used: " + e.getMessage()
                            + (settings.trainMissing() ? "; trained on the fly instead" : ""));
                    model = null;
                }
            }
            if (model == null && !settings.trainMissing()) {
                return Optional.empty();
            }
        }
        if (model == null) {
            try {
                TrainingRun.Result r = train(data, spec, listener);
                model = r.model();
                int epochs = r.epochs().size();
                source = String.format(Locale.ROOT, "%s trained on the fly into %s: %d epoch%s run of at most %d "
                        + "(early stopping 5, plateau 3), seed %d, validation %s", r.ref(), r.dir(), epochs,
                        epochs == 1 ? "" : "s", settings.maxEpochs(), settings.seed(), r.model().metadata().validation());
            } catch (RuntimeException e) {
                problems.add("model " + name + " could not be trained: " + e.getMessage() + "; "
                        + Representation.title(spec) + " left out for " + data.camera());
                return Optional.empty();
            }
        }
        SpectraBlock codes = model.encode(data.spectra());
        return Optional.of(new Representation(spec, model, source, codes));
    }

    private TrainingRun.Result train(CameraData data, ModelSpec spec, EpochListener listener) {
        TrainingDataSettings ds = new TrainingDataSettings(settings.samples(), data.camera(), SampleFilter.ALL,
                settings.spectraPerSample(), ValidationMode.SAMPLES, VALIDATION_FRACTION, settings.seed());
        TrainingSettings ts = TrainingSettings.study(settings.seed()).withMaxEpochs(settings.maxEpochs())
                .withThreads(settings.threads());
        TrainingJob job = new TrainingJob(spec, ds, ts, false, Map.of("command", "hyclus report",
                "report.out", settings.out().toString()));
        return new TrainingRun(trainedRegistry(), clock).run(trainingData(data), job, listener);
    }

    /** The camera's spectra split by whole samples, seeded; one sample only: its spectra split at random. */
    TrainingData trainingData(CameraData data) {
        int n = data.samples().size();
        Set<Integer> held = new HashSet<>();
        SplittableRandom rnd = new SplittableRandom(settings.seed());
        boolean bySample = n >= 2;
        if (bySample) {
            int k = (int) Math.max(1, Math.min(n - 1, Math.round(VALIDATION_FRACTION * n)));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                order.set(j, order.set(i, order.get(j)));
            }
            held.addAll(order.subList(0, k));
        }
        int d = data.spectra().bands();
        float[] src = data.spectra().values();
        boolean[] isVal = new boolean[data.rows()];
        int nVal = 0;
        for (int r = 0; r < data.rows(); r++) {
            isVal[r] = bySample ? held.contains(data.sampleOfRow()[r]) : rnd.nextDouble() < VALIDATION_FRACTION;
            nVal += isVal[r] ? 1 : 0;
        }
        if (nVal == 0 || nVal == data.rows()) {
            throw new ReportException("cannot hold out validation spectra from " + data.rows() + " " + data.camera()
                    + " spectra of " + n + " sample(s)");
        }
        float[] tv = new float[(data.rows() - nVal) * d];
        float[] vv = new float[nVal * d];
        int ti = 0;
        int vi = 0;
        Set<String> trainKeys = new java.util.TreeSet<>();
        Set<String> valKeys = new java.util.TreeSet<>();
        for (int r = 0; r < data.rows(); r++) {
            String key = data.samples().get(data.sampleOfRow()[r]).key();
            if (isVal[r]) {
                System.arraycopy(src, r * d, vv, vi++ * d, d);
                valKeys.add(key);
            } else {
                System.arraycopy(src, r * d, tv, ti++ * d, d);
                trainKeys.add(key);
            }
        }
        String how = bySample ? String.format(Locale.ROOT, "whole samples: %d of %d held out (fraction %s, seed %d)",
                held.size(), n, VALIDATION_FRACTION, settings.seed())
                : String.format(Locale.ROOT, "random spectra of the one sample: %d of %d held out (seed %d)", nVal,
                data.rows(), settings.seed());
        return new TrainingData(new SpectraBlock(tv, data.rows() - nVal, d), new SpectraBlock(vv, nVal, d),
                data.wavelengthNm(), List.copyOf(trainKeys), List.copyOf(valKeys), sha256(data), how,
                data.samples().size(), List.of());
    }

    private static String sha256(CameraData data) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(data.spectra().values().length * 4)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(data.spectra().values());
            md.update(buf.array());
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
