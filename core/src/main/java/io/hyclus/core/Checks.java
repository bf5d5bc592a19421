package io.hyclus.core;

import java.util.regex.Pattern;

/** Argument checks shared by the domain records; each message names the argument and the bad value. */
public final class Checks {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Checks() {
    }

    /**
     * An identifier that is safe as a file name and a Kafka key: letters, digits, '.', '_' and '-',
     * starting with a letter or digit, at most 128 characters.
     */
    public static String identifier(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-128 characters of letters, digits, '.', '_' or '-'"
                    + " starting with a letter or digit: '" + value + "'");
        }
        return value;
    }

    public static String notBlank(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank: '" + value + "'");
        }
        return value;
    }

    public static double finite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite: " + value);
        }
        return value;
    }

    public static double positive(String what, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be positive and finite: " + value);
        }
        return value;
    }

    public static int positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }

    public static int atLeast(String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ": " + value);
        }
        return value;
    }

    public static long nonNegative(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
        return value;
    }

    public static <T> T notNull(String what, T value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }
}
