package io.hyclus.app;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of option values, done in the commands before any settings record is built or anything starts. A bad
 * value is a picocli {@link ParameterException}: the message names the option and the value, the usage follows,
 * and the exit code is 2. Settings records check again, in domain language, for callers that are not commands.
 */
public final class OptionChecks {
    private OptionChecks() {
    }

    public static int range(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(spec, option + " must be " + min + "-" + max + ": " + value);
        }
        return value;
    }

    /** Within {@code [min, max]}: refuses NaN too. */
    public static double range(CommandSpec spec, String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw invalid(spec, option + " must be " + min + "-" + max + ": " + value);
        }
        return value;
    }

    /** Positive and finite: refuses 0, negatives, NaN and infinities. */
    public static double positive(CommandSpec spec, String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw invalid(spec, option + " must be positive and finite: " + value);
        }
        return value;
    }

    public static long positive(CommandSpec spec, String option, long value) {
        if (value <= 0) {
            throw invalid(spec, option + " must be positive: " + value);
        }
        return value;
    }

    /** A parameter error of {@code spec}'s command: picocli prints {@code message} and the usage, exit code 2. */
    public static ParameterException invalid(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
