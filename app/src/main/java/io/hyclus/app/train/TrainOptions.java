package io.hyclus.app.train;

import io.hyclus.analysis.model.Architecture;
import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.analysis.training.SampleFilter;
import io.hyclus.analysis.training.ValidationMode;
import io.hyclus.app.OptionChecks;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and checking of {@code hyclus train}'s option values: each bad value is a parameter error (exit 2). */
final class TrainOptions {
    private static final Pattern WITH_SIZE = Pattern.compile("([a-z-]+)-([0-9]+)");

    private TrainOptions() {
    }

    static Path path(CommandSpec spec, String option, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw OptionChecks.invalid(spec, option + " is not a path this JVM can use: '" + value + "' (" + e.getReason() + ")");
        }
    }

    /** {@code pca}, {@code dense-ae}, {@code conv-ae}, or one of them with the code size, {@code dense-ae-4}. */
    static ModelSpec model(CommandSpec spec, String model, Integer codeSize) {
        String m = model.toLowerCase(Locale.ROOT);
        Architecture arch;
        Integer size = codeSize;
        Matcher w = WITH_SIZE.matcher(m);
        try {
            if (w.matches() && !isArchitecture(m)) {
                arch = Architecture.fromId(w.group(1));
                int fromName = Integer.parseInt(w.group(2));
                if (codeSize != null && codeSize != fromName) {
                    throw OptionChecks.invalid(spec, "--model " + model + " says code size " + fromName + ", --code-size says "
                            + codeSize);
                }
                size = fromName;
            } else {
                arch = Architecture.fromId(m);
            }
            return new ModelSpec(arch, size == null ? 16 : size);
        } catch (IllegalArgumentException e) {
            throw OptionChecks.invalid(spec, "--model " + model + ": " + e.getMessage());
        }
    }

    private static boolean isArchitecture(String id) {
        for (Architecture a : Architecture.values()) {
            if (a.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    static SensorKind camera(CommandSpec spec, String camera) {
        try {
            return SensorKind.valueOf(camera.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw OptionChecks.invalid(spec, "--camera must be VNIR, SWIR or STITCHED: '" + camera + "'");
        }
    }

    static ValidationMode validation(CommandSpec spec, String v) {
        for (ValidationMode m : ValidationMode.values()) {
            if (m.id().equalsIgnoreCase(v)) {
                return m;
            }
        }
        throw OptionChecks.invalid(spec, "--validation must be samples or random: '" + v + "'");
    }

    static SampleFilter filter(CommandSpec spec, List<String> plants, List<String> fractions, List<String> months,
                               List<String> scans) {
        Set<GrainSizeFraction> fs = new LinkedHashSet<>();
        for (String f : fractions) {
            fs.add(fraction(spec, f));
        }
        Set<YearMonth> ms = new LinkedHashSet<>();
        for (String m : months) {
            try {
                ms.add(YearMonth.parse(m.strip()));
            } catch (DateTimeParseException e) {
                throw OptionChecks.invalid(spec, "--month must be YYYY-MM, e.g. 2025-03: '" + m + "'");
            }
        }
        return new SampleFilter(trimmed(spec, "--plant", plants), fs, ms, trimmed(spec, "--scan", scans));
    }

    /** The study's labels ({@code Minus 100}), the enum names ({@code MINUS_100}) or the sample-id codes {@code M100}, {@code P100}. */
    static GrainSizeFraction fraction(CommandSpec spec, String f) {
        String t = f.strip();
        if (t.equalsIgnoreCase("M100") || t.equals("-100")) {
            return GrainSizeFraction.MINUS_100;
        }
        if (t.equalsIgnoreCase("P100") || t.equals("+100")) {
            return GrainSizeFraction.PLUS_100;
        }
        try {
            return GrainSizeFraction.parse(t);
        } catch (IllegalArgumentException e) {
            throw OptionChecks.invalid(spec, "--fraction must be M100, P100, 'Minus 100' or 'Plus 100': '" + f + "'");
        }
    }

    private static Set<String> trimmed(CommandSpec spec, String option, List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v.isBlank()) {
                throw OptionChecks.invalid(spec, option + " must not be blank");
            }
            out.add(v.strip());
        }
        return out;
    }
}
