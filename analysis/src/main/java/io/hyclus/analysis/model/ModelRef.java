package io.hyclus.analysis.model;

import io.hyclus.core.Checks;

import java.util.regex.Pattern;

/**
 * A model version in the registry: its name ({@link ModelSpec#name()} plus the input, e.g. {@code dense-ae-16-vnir})
 * and a version number from 1. Written {@code dense-ae-16-vnir@3}.
 */
public record ModelRef(String name, int version) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public ModelRef {
        Checks.notNull("model name", name);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name '" + name + "' must be lower-case letters, digits and '-' (at most 64)");
        }
        Checks.positive("model version", version);
    }

    public static ModelRef parse(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("model reference '" + text + "' must look like name@version, e.g. dense-ae-16-vnir@1");
        }
        try {
            return new ModelRef(text.substring(0, at), Integer.parseInt(text.substring(at + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model reference '" + text + "': version is not a number", e);
        }
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }
}
