package io.hyclus.analysis.embed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What produced a t-SNE map, recorded with every map file and embedding output. Keys of {@link #toMap} are the one
 * naming scheme ({@code tsne.*}) used in the map file header and in the JSON written next to raw outputs.
 *
 * @param softwareVersion HyClus version that fitted the map
 * @param n               reference points
 * @param d               input dimension
 * @param inputSha256     SHA-256 of the input as little-endian float32
 * @param settings        the fit settings (perplexity, iterations, seed, threads...)
 * @param neighbourMethod {@code exact} or the HNSW parameters
 * @param gradientMethod  how the repulsive forces were computed
 * @param klDivergence    KL(P || Q) at the end of the fit
 * @param fitMillis       wall time of the fit
 */
public record EmbeddingProvenance(String softwareVersion, int n, int d, String inputSha256, TsneSettings settings,
        String neighbourMethod, String gradientMethod, double klDivergence, long fitMillis) {
    /** The gradient method as recorded. */
    public static String gradientMethod(TsneSettings s) {
        return s.repulsion() == TsneSettings.Repulsion.BARNES_HUT ? "barnes-hut(theta=" + TsneSettings.THETA + ")"
                : "fft-interpolation(nodesPerBox=3,boxWidth=" + s.boxWidth() + ",minBoxes=" + s.minBoxes() + ")";
    }

    public EmbeddingProvenance {
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("provenance needs n >= 1 and d >= 1: " + n + ", " + d);
        }
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tsne.software.version", softwareVersion);
        m.put("tsne.n", Integer.toString(n));
        m.put("tsne.d", Integer.toString(d));
        m.put("tsne.input.sha256", inputSha256);
        m.put("tsne.perplexity", Double.toString(settings.perplexity()));
        m.put("tsne.early.exaggeration", Double.toString(settings.earlyExaggeration()));
        m.put("tsne.early.iterations", Integer.toString(settings.earlyIterations()));
        m.put("tsne.iterations", Integer.toString(settings.iterations()));
        m.put("tsne.seed", Long.toString(settings.seed()));
        m.put("tsne.threads", Integer.toString(settings.threads()));
        m.put("tsne.exact.neighbour.limit", Integer.toString(settings.exactNeighbourLimit()));
        m.put("tsne.box.width", Double.toString(settings.boxWidth()));
        m.put("tsne.min.boxes", Integer.toString(settings.minBoxes()));
        m.put("tsne.repulsion", settings.repulsion().name());
        m.put("tsne.neighbours", neighbourMethod);
        m.put("tsne.gradient", gradientMethod);
        m.put("tsne.initialisation", "pca(std=" + PcaInitialisation.TARGET_STD + ")");
        m.put("tsne.kl.divergence", Double.toString(klDivergence));
        m.put("tsne.fit.millis", Long.toString(fitMillis));
        return m;
    }

    /** Reads what {@link #toMap} wrote; a missing or malformed key is a {@link MapFileException} naming it. */
    public static EmbeddingProvenance fromMap(Map<String, String> m) {
        try {
            TsneSettings s = new TsneSettings(dbl(m, "tsne.perplexity"), dbl(m, "tsne.early.exaggeration"),
                    num(m, "tsne.early.iterations"), num(m, "tsne.iterations"), Long.parseLong(get(m, "tsne.seed")),
                    num(m, "tsne.threads"), num(m, "tsne.exact.neighbour.limit"), dbl(m, "tsne.box.width"),
                    num(m, "tsne.min.boxes"), TsneSettings.Repulsion.valueOf(get(m, "tsne.repulsion")));
            return new EmbeddingProvenance(get(m, "tsne.software.version"), num(m, "tsne.n"), num(m, "tsne.d"),
                    get(m, "tsne.input.sha256"), s, get(m, "tsne.neighbours"), get(m, "tsne.gradient"),
                    dbl(m, "tsne.kl.divergence"), Long.parseLong(get(m, "tsne.fit.millis")));
        } catch (IllegalArgumentException e) {
            throw new MapFileException("malformed provenance value: " + e.getMessage(), e);
        }
    }

    private static String get(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new MapFileException("provenance key missing: " + key);
        }
        return v;
    }

    private static int num(Map<String, String> m, String key) {
        return Integer.parseInt(get(m, key));
    }

    private static double dbl(Map<String, String> m, String key) {
        return Double.parseDouble(get(m, key));
    }
}
