package io.hyclus.core.provenance;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What produced an output: an immutable set of {@link ProvenanceKey} to text, sorted by key. Built with
 * {@link #builder()}; a key is set once (a second value for it is a bug and throws, naming both values). On the wire
 * and in files it is the plain map {@link #asMap()}.
 */
public final class Provenance {
    private static final Provenance EMPTY = new Provenance(new TreeMap<>());
    private final Map<String, String> entries;

    private Provenance(TreeMap<String, String> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static Provenance empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads provenance back from its map form (a scan event, a file), checking every key against the scheme. */
    public static Provenance fromMap(Map<String, String> map) {
        Builder b = builder();
        map.forEach((k, v) -> b.put(ProvenanceKey.of(k), v));
        return b.build();
    }

    public Optional<String> get(ProvenanceKey key) {
        return Optional.ofNullable(entries.get(key.name()));
    }

    /** Keys as text to values, sorted by key; unmodifiable. */
    public Map<String, String> asMap() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Provenance p && p.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    /** Collects entries; not thread-safe. */
    public static final class Builder {
        private final TreeMap<String, String> entries = new TreeMap<>();

        private Builder() {
        }

        public Builder put(ProvenanceKey key, String value) {
            if (value == null) {
                throw new IllegalArgumentException("provenance " + key + " has no value");
            }
            String before = entries.putIfAbsent(key.name(), value);
            if (before != null && !before.equals(value)) {
                throw new IllegalArgumentException("provenance " + key + " set twice: '" + before + "', then '" + value + "'");
            }
            return this;
        }

        public Builder put(ProvenanceKey key, long value) {
            return put(key, Long.toString(value));
        }

        public Builder put(ProvenanceKey key, double value) {
            return put(key, Double.toString(value));
        }

        public Builder putAll(Provenance other) {
            other.entries.forEach((k, v) -> put(ProvenanceKey.of(k), v));
            return this;
        }

        /** Every entry of {@code other} with its key placed under {@code prefix}. */
        public Builder putAll(ProvenanceKey prefix, Provenance other) {
            other.entries.forEach((k, v) -> put(ProvenanceKey.of(k).under(prefix), v));
            return this;
        }

        public Provenance build() {
            return entries.isEmpty() ? EMPTY : new Provenance(new TreeMap<>(entries));
        }
    }
}
