package io.hyclus.simulator.campaign;

import io.hyclus.simulator.scene.MineralMixture;
import io.hyclus.simulator.scene.SimulatedSample;

import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the reference campaign: plants x months x grain-size fractions of monthly composite samples,
 * each a mineral mixture typical of porphyry-copper mill feed. Three effects set the mixtures, strongest
 * first: the grain-size fraction (fines carry more clay, mica, gypsum and goethite; coarse more quartz and feldspar,
 * besides the spectral size effect), the plant (which alteration zone its pit mines: phyllic, potassic or
 * argillic/supergene), and the month (a seasonal swing and a random walk as mining moves through the
 * pit, plus a campaign-wide monthly drift all plants share: weather, blending, the mine plan). Seeded: the same
 * seed gives the same campaign.
 */
public final class CampaignGenerator {
    /** Mill-feed base composition, weight percent. */
    static final Map<String, Double> BASE = baseComposition();
    /** Minerals each plant's alteration zone enriches. */
    static final List<List<String>> PLANT_ZONES = List.of(
            List.of("Muscovite", "Pyrite", "Quartz"),
            List.of("Biotite", "Orthoclase", "Magnetite", "Anhydrite", "Chalcopyrite"),
            List.of("Kaolinite", "Montmorillonite", "Goethite", "Hematite", "Gypsum"));
    /** Soft, platy or earthy minerals that break down into the fine fraction during crushing. */
    static final List<String> FINES_ENRICHED = List.of("Kaolinite", "Montmorillonite", "Muscovite", "Chlorite",
            "Gypsum", "Goethite");
    static final double ZONE_FACTOR = 1.3;
    static final double PLANT_SPREAD = 0.10;
    static final double FINES_FACTOR = 1.6;
    static final double SEASONAL_AMPLITUDE = 0.15;
    static final double MONTHLY_WALK = 0.06;
    /** Campaign-wide month effect shared by all plants (weather, blending policy, mine plan). */
    static final double COMMON_MONTHLY_WALK = 0.15;
    static final double SAMPLE_SPREAD = 0.03;

    private final long seed;

    public CampaignGenerator(long seed) {
        this.seed = seed;
    }

    /** The reference design: 3 plants x 12 months from {@code firstMonth} x 2 fractions = 72 samples. */
    public List<SimulatedSample> generate(YearMonth firstMonth) {
        return generate(3, firstMonth, 12);
    }

    public List<SimulatedSample> generate(int plants, YearMonth firstMonth, int months) {
        if (plants < 1 || plants > PLANT_ZONES.size()) {
            throw new IllegalArgumentException("plants must be 1-" + PLANT_ZONES.size() + ": " + plants);
        }
        if (months < 1) {
            throw new IllegalArgumentException("months must be positive: " + months);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Map<String, Double>> common = commonMonthEffect(months, rng);
        List<SimulatedSample> out = new ArrayList<>();
        for (int p = 0; p < plants; p++) {
            Map<String, Double> plant = plantComposition(p, rng);
            Map<String, Double> phase = new LinkedHashMap<>();
            Map<String, Double> walk = new LinkedHashMap<>();
            plant.keySet().forEach(m -> {
                phase.put(m, rng.nextDouble() * 2 * Math.PI);
                walk.put(m, 0.0);
            });
            for (int mo = 0; mo < months; mo++) {
                YearMonth month = firstMonth.plusMonths(mo);
                Map<String, Double> monthly = new LinkedHashMap<>();
                for (var e : plant.entrySet()) {
                    double w = walk.merge(e.getKey(), MONTHLY_WALK * rng.nextGaussian(), Double::sum);
                    double seasonal = SEASONAL_AMPLITUDE * Math.sin(2 * Math.PI * mo / 12.0 + phase.get(e.getKey()));
                    monthly.put(e.getKey(), e.getValue() * Math.exp(seasonal + w + common.get(mo).get(e.getKey())));
                }
                for (GrainSizeFraction f : GrainSizeFraction.values()) {
                    out.add(sample(p, month, f, monthly, rng));
                }
            }
        }
        return out;
    }

    private SimulatedSample sample(int plant, YearMonth month, GrainSizeFraction f, Map<String, Double> monthly,
                                   SplittableRandom rng) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (var e : monthly.entrySet()) {
            boolean fines = FINES_ENRICHED.contains(e.getKey());
            double size = f == GrainSizeFraction.MINUS_100 ? (fines ? FINES_FACTOR : 1 / Math.sqrt(FINES_FACTOR))
                    : (fines ? 1 / FINES_FACTOR : Math.sqrt(FINES_FACTOR));
            w.put(e.getKey(), e.getValue() * size * Math.exp(SAMPLE_SPREAD * rng.nextGaussian()));
        }
        String id = String.format("P%d-%s-%s", plant + 1, month, f == GrainSizeFraction.MINUS_100 ? "M100" : "P100");
        SampleMetadata meta = new SampleMetadata(id, "Plant-" + (plant + 1), month, f);
        return new SimulatedSample(meta, MineralMixture.normalised(w));
    }

    /** Per month, a log-factor per mineral shared by every plant: a random walk through the campaign. */
    private static List<Map<String, Double>> commonMonthEffect(int months, SplittableRandom rng) {
        List<Map<String, Double>> out = new ArrayList<>();
        Map<String, Double> walk = new LinkedHashMap<>();
        BASE.keySet().forEach(m -> walk.put(m, 0.0));
        for (int mo = 0; mo < months; mo++) {
            walk.replaceAll((m, w) -> w + COMMON_MONTHLY_WALK * rng.nextGaussian());
            out.add(new LinkedHashMap<>(walk));
        }
        return out;
    }

    private static Map<String, Double> plantComposition(int plant, SplittableRandom rng) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (var e : BASE.entrySet()) {
            double zone = PLANT_ZONES.get(plant).contains(e.getKey()) ? ZONE_FACTOR : 1.0;
            w.put(e.getKey(), e.getValue() * zone * Math.exp(PLANT_SPREAD * rng.nextGaussian()));
        }
        return w;
    }

    private static Map<String, Double> baseComposition() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("Quartz", 30.0);
        m.put("Orthoclase", 10.0);
        m.put("Albite", 8.0);
        m.put("Muscovite", 14.0);
        m.put("Kaolinite", 5.0);
        m.put("Montmorillonite", 3.0);
        m.put("Chlorite", 5.0);
        m.put("Biotite", 4.0);
        m.put("Gypsum", 3.0);
        m.put("Anhydrite", 2.0);
        m.put("Calcite", 2.0);
        m.put("Goethite", 2.0);
        m.put("Hematite", 1.5);
        m.put("Pyrite", 3.0);
        m.put("Chalcopyrite", 1.5);
        m.put("Magnetite", 1.0);
        return java.util.Collections.unmodifiableMap(m);
    }
}
