package io.hyclus.simulator.scene;

import java.util.List;

/**
 * The minerals of a sample and their fractions, which sum to 1 (within 1e-6). Minerals are distinct.
 */
public record MineralMixture(List<MineralFraction> components) {
    public MineralMixture {
        components = List.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a mixture needs at least one mineral");
        }
        double sum = components.stream().mapToDouble(MineralFraction::fraction).sum();
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw new IllegalArgumentException("mineral fractions must sum to 1: " + sum + " in " + components);
        }
        if (components.stream().map(c -> c.mineral().toLowerCase(java.util.Locale.ROOT)).distinct().count()
                != components.size()) {
            throw new IllegalArgumentException("a mineral appears twice in " + components);
        }
    }

    /** Normalises positive weights into a mixture; weights of zero or less are dropped. */
    public static MineralMixture normalised(java.util.Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(w -> Math.max(0, w)).sum();
        if (!(total > 0)) {
            throw new IllegalArgumentException("mixture weights must have a positive sum: " + weights);
        }
        List<MineralFraction> parts = weights.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new MineralFraction(e.getKey(), e.getValue() / total)).toList();
        return new MineralMixture(parts);
    }

    public double fractionOf(String mineral) {
        return components.stream().filter(c -> c.mineral().equalsIgnoreCase(mineral))
                .mapToDouble(MineralFraction::fraction).sum();
    }
}
