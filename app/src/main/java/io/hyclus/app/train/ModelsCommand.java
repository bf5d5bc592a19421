package io.hyclus.app.train;

import io.hyclus.analysis.model.EpochRecord;
import io.hyclus.analysis.model.ModelException;
import io.hyclus.analysis.model.ModelJson;
import io.hyclus.analysis.model.ModelMetadata;
import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.ModelRegistry;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.app.OptionChecks;
import io.hyclus.core.spectral.SensorKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code hyclus models [--registry DIR] list|show REF|promote REF}: what the model registry holds. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists the model registry's versions (marking promoted ones), shows one, or promotes one.")
public final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--work-dir", defaultValue = "hyclus-work",
            description = "Working directory (default: ${DEFAULT-VALUE}); the registry defaults to <work-dir>/models.")
    String workDir;

    @Option(names = "--registry", paramLabel = "DIR",
            description = "Model registry (default <work-dir>/models).")
    String registry;

    @Override
    public void run() {
        throw OptionChecks.invalid(spec, "say what to do: list, show REF or promote REF");
    }

    /** The spec of a method subcommand (for its usage on a bad value and its output writer). */
    private CommandSpec sub(String name) {
        return spec.subcommands().get(name).getCommandSpec();
    }

    private ModelRegistry open(CommandSpec sub, boolean mustExist) {
        Path dir = registry == null ? TrainOptions.path(sub, "--work-dir", workDir).resolve("models")
                : TrainOptions.path(sub, "--registry", registry);
        if (mustExist && !Files.isDirectory(dir)) {
            throw new ModelException("no model registry at " + dir);
        }
        return ModelRegistry.open(dir);
    }

    private static ModelRef ref(CommandSpec sub, String text) {
        try {
            return ModelRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw OptionChecks.invalid(sub, e.getMessage());
        }
    }

    @Command(name = "list", description = "Every version, by name then version; promoted ones marked. Exit 1 if one is unreadable.")
    int list() {
        CommandSpec sub = sub("list");
        ModelRegistry reg = open(sub, true);
        PrintWriter out = sub.commandLine().getOut();
        Map<SensorKind, Optional<ModelRef>> promoted = new EnumMap<>(SensorKind.class);
        for (SensorKind k : SensorKind.values()) {
            promoted.put(k, reg.promoted(k));
        }
        int broken = 0;
        if (reg.versions().isEmpty()) {
            out.println("no models in " + reg.dir());
        }
        for (ModelRef ref : reg.versions()) {
            try {
                ModelMetadata m = ModelJson.read(reg.versionDir(ref).resolve(ModelJson.FILE)).metadata();
                EpochRecord last = m.epochs().isEmpty() ? null : m.epochs().get(m.epochs().size() - 1);
                boolean isPromoted = promoted.get(m.input()).filter(ref::equals).isPresent();
                out.printf(Locale.ROOT, "%-24s %-5s %4d bands  %3d epochs  val %s  %s%s%n", ref, m.input(), m.bands(),
                        m.epochs().size(), last == null ? "-" : String.format(Locale.ROOT, "%.5f", last.validationLoss()),
                        m.createdAt(), isPromoted ? "  promoted" : "");
            } catch (ModelException e) {
                broken++;
                out.printf(Locale.ROOT, "%-24s unreadable: %s%n", ref, e.getMessage());
            }
        }
        out.flush();
        return broken == 0 ? 0 : 1;
    }

    @Command(name = "show", description = "A version's metadata, after checking its weights files.")
    int show(@Parameters(paramLabel = "REF", description = "name@version") String text) {
        CommandSpec sub = sub("show");
        ModelRef ref = ref(sub, text);
        ModelRegistry reg = open(sub, true);
        TrainedModel t = reg.load(ref);
        ModelMetadata m = t.metadata();
        PrintWriter out = sub.commandLine().getOut();
        double[] wl = m.wavelengthNm();
        out.printf(Locale.ROOT, "%s  (%s)%n", m.ref(), reg.versionDir(ref));
        out.printf(Locale.ROOT, "  model      %s, code size %d, input %s%s%n", m.spec().architecture().id(),
                m.spec().codeSize(), m.input(), reg.promoted(m.input()).filter(ref::equals).isPresent() ? " (promoted)" : "");
        out.printf(Locale.ROOT, "  bands      %d, %.1f-%.1f nm%n", wl.length, wl[0], wl[wl.length - 1]);
        out.printf(Locale.ROOT, "  trained    %s by HyClus %s, seed %d%n", m.createdAt(), m.softwareVersion(), m.seed());
        out.printf(Locale.ROOT, "  data       sha256 %s, %d training samples%n", m.trainingDataSha256(), m.samples().size());
        out.printf(Locale.ROOT, "  validation %s%n", m.validation());
        for (EpochRecord e : m.epochs()) {
            out.printf(Locale.ROOT, "  epoch %3d  train %.5f  val %.5f  lr %.1e  %.1f s  %.0f spectra/s%n", e.epoch(),
                    e.trainLoss(), e.validationLoss(), e.learningRate(), e.seconds(), e.samplesPerSecond());
        }
        out.println("  samples    " + String.join(" ", m.samples()));
        new java.util.TreeMap<>(m.provenance()).forEach((k, v) -> out.printf("  %s = %s%n", k, v));
        out.flush();
        return 0;
    }

    @Command(name = "promote", description = "Makes REF the promoted model for its input camera.")
    int promote(@Parameters(paramLabel = "REF", description = "name@version") String text) {
        CommandSpec sub = sub("promote");
        ModelRef ref = ref(sub, text);
        ModelRegistry reg = open(sub, true);
        SensorKind input = reg.load(ref).metadata().input();
        Optional<ModelRef> before = promoted(reg, input);
        reg.promote(ref);
        sub.commandLine().getOut().printf("promoted %s for %s%s%n", ref, input,
                before.map(b -> " (was " + b + ")").orElse(""));
        sub.commandLine().getOut().flush();
        return 0;
    }

    /** The current pointer, or empty when there is none or it is broken (promoting repairs it). */
    private static Optional<ModelRef> promoted(ModelRegistry reg, SensorKind input) {
        try {
            return reg.promoted(input);
        } catch (ModelException e) {
            return Optional.empty();
        }
    }
}
