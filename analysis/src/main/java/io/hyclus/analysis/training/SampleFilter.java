package io.hyclus.analysis.training;

import io.hyclus.container.SampleSpectra;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which samples to train on; an empty set accepts every value. Plants compare ignoring case ({@code Plant-1}).
 */
public record SampleFilter(Set<String> plants, Set<GrainSizeFraction> fractions, Set<YearMonth> months,
                           Set<String> scans) {
    public static final SampleFilter ALL = new SampleFilter(Set.of(), Set.of(), Set.of(), Set.of());

    public SampleFilter {
        plants = Set.copyOf(plants.stream().map(p -> p.toLowerCase(java.util.Locale.ROOT)).toList());
        fractions = Set.copyOf(fractions);
        months = Set.copyOf(months);
        scans = Set.copyOf(scans);
    }

    public boolean accepts(SampleSpectra s) {
        return accepts(s.scanId(), s.metadata());
    }

    public boolean accepts(io.hyclus.container.SampleHeader h) {
        return accepts(h.scanId(), h.metadata());
    }

    private boolean accepts(String scanId, SampleMetadata m) {
        return (plants.isEmpty() || plants.contains(m.plant().toLowerCase(java.util.Locale.ROOT)))
                && (fractions.isEmpty() || fractions.contains(m.fraction()))
                && (months.isEmpty() || months.contains(m.month()))
                && (scans.isEmpty() || scans.contains(scanId));
    }

    /** E.g. {@code plant=plant-1; month=2025-01,2025-02}, or {@code all samples}; values sorted. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "plant", plants);
        add(parts, "fraction", fractions.stream().map(GrainSizeFraction::label).toList());
        add(parts, "month", months.stream().map(YearMonth::toString).toList());
        add(parts, "scan", scans);
        return parts.isEmpty() ? "all samples" : String.join("; ", parts);
    }

    private static void add(List<String> parts, String key, java.util.Collection<String> values) {
        if (!values.isEmpty()) {
            parts.add(key + "=" + String.join(",", new TreeSet<>(values)));
        }
    }
}
