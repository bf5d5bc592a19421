package io.hyclus.core.provenance;

import java.util.regex.Pattern;

/**
 * A provenance key: dot-separated segments, e.g. {@code software.version} or {@code calibration.VNIR-1.dark_frames}.
 * Names HyClus fixes are lower_snake_case ({@link ProvenanceKeys}); a segment may also be an id (a camera, a sample)
 * added with {@link #child(String)}, which may hold letters, digits, {@code _}, {@code -} and {@code +}, never a dot or
 * a space.
 */
public record ProvenanceKey(String name) implements Comparable<ProvenanceKey> {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+\\-]*");

    public ProvenanceKey {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("provenance key must not be empty");
        }
        String[] segments = name.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            if (!SEGMENT.matcher(segments[i]).matches()) {
                throw new IllegalArgumentException("provenance key '" + name + "': segment " + (i + 1) + " ('" + segments[i]
                        + "') must start with a letter or digit and hold only letters, digits, _, - and +");
            }
        }
    }

    public static ProvenanceKey of(String name) {
        return new ProvenanceKey(name);
    }

    /** This key with one more segment, e.g. a camera or sample id: {@code calibration} + {@code VNIR-1}. */
    public ProvenanceKey child(String segment) {
        if (segment == null || !SEGMENT.matcher(segment).matches()) {
            throw new IllegalArgumentException("provenance key " + name + ": '" + segment + "' is not one segment (letters,"
                    + " digits, _, - and +, starting with a letter or digit)");
        }
        return new ProvenanceKey(name + "." + segment);
    }

    /** This key below {@code prefix}: {@code dark_frames} under {@code calibration.VNIR-1}. */
    public ProvenanceKey under(ProvenanceKey prefix) {
        return new ProvenanceKey(prefix.name + "." + name);
    }

    @Override
    public int compareTo(ProvenanceKey o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
