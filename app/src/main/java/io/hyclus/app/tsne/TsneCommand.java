package io.hyclus.app.tsne;

import io.hyclus.analysis.embed.EmbeddingInputException;
import io.hyclus.analysis.embed.Points;
import io.hyclus.analysis.embed.RawFloat32;
import io.hyclus.analysis.embed.TransformSettings;
import io.hyclus.analysis.embed.TsneFit;
import io.hyclus.analysis.embed.TsneMap;
import io.hyclus.analysis.embed.TsneMapFile;
import io.hyclus.analysis.embed.TsneSettings;
import io.hyclus.app.OptionChecks;
import io.hyclus.core.HyclusVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code hyclus tsne}: fits a t-SNE map of raw float32 points (or places them onto a saved map) and writes the N × 2
 * float32 embedding, its provenance as {@code OUT.json}, and optionally the map. Prints one JSON line with the time.
 */
@Command(name = "tsne", mixinStandardHelpOptions = true,
        description = "t-SNE of raw little-endian float32 points (N x D row-major) into N x 2 float32.")
public final class TsneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Input points, raw little-endian float32, N x D.")
    Path data;

    @Option(names = "--shape", required = true, description = "N,D of the input.")
    String shape;

    @Option(names = "--out", required = true, description = "Output embedding, raw little-endian float32, N x 2.")
    Path out;

    @Option(names = "--perplexity", defaultValue = "30", description = "Perplexity of the fit (default: ${DEFAULT-VALUE}).")
    double perplexity;

    @Option(names = "--seed", defaultValue = "1", description = "Seed, recorded in provenance (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--early-iterations", defaultValue = "250", description = "Iterations with exaggeration 12 (default: ${DEFAULT-VALUE}).")
    int earlyIterations;

    @Option(names = "--iterations", defaultValue = "750", description = "Iterations after early exaggeration (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--exact-neighbours-up-to", defaultValue = "150000",
            description = "Exact neighbour search up to this N, HNSW above (default: ${DEFAULT-VALUE}).")
    int exactLimit;

    @Option(names = "--repulsion", defaultValue = "BARNES_HUT",
            description = "Repulsive forces: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TsneSettings.Repulsion repulsion;

    @Option(names = "--save", description = "Also save the fitted map (reference data, positions, provenance) here.")
    Path save;

    @Option(names = "--transform-onto", description = "Place the points onto this saved map instead of fitting.")
    Path transformOnto;

    @Option(names = "--transform-start", defaultValue = "DENSEST",
            description = "Where added points start: DENSEST (densest spot of their 10 nearest reference positions) or"
                    + " MEDIAN (openTSNE's median of their 25 nearest) (default: ${DEFAULT-VALUE}).")
    TransformSettings.Start transformStart;

    @Option(names = "--transform-iterations", defaultValue = "250",
            description = "Descent iterations of each added point after its start (default: ${DEFAULT-VALUE}).")
    int transformIterations;

    @Option(names = "--transform-leash",
            description = "Farthest an added point may move from its start, in map neighbourhood radii; 'none' for no"
                    + " limit (default: " + TransformSettings.LEASH + " with DENSEST, none with MEDIAN).")
    String transformLeash;

    @Override
    public Integer call() throws IOException {
        int[] nd = parseShape();
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        OptionChecks.range(spec, "--threads", t, 1, 1024);
        OptionChecks.range(spec, "--perplexity", perplexity, 1, 10_000);
        OptionChecks.range(spec, "--early-iterations", earlyIterations, 0, 100_000);
        OptionChecks.range(spec, "--iterations", iterations, 0, 100_000);
        OptionChecks.range(spec, "--exact-neighbours-up-to", exactLimit, 0, Integer.MAX_VALUE);
        OptionChecks.range(spec, "--transform-iterations", transformIterations, 0, 100_000);
        if (transformOnto != null && save != null) {
            throw OptionChecks.invalid(spec, "--save and --transform-onto exclude each other: a transform leaves the map as it is");
        }
        long start = System.nanoTime();
        Map<String, String> prov = new LinkedHashMap<>();
        float[] embedding;
        if (transformOnto != null) {
            TsneMap map = TsneMapFile.read(transformOnto);
            if (map.reference().d() != nd[1]) {
                throw new EmbeddingInputException("--shape D = " + nd[1] + " does not match the map " + transformOnto
                        + ", fitted on D = " + map.reference().d());
            }
            Points points = RawFloat32.read(data, nd[0], nd[1]);
            TransformSettings ts = transformStart == TransformSettings.Start.MEDIAN ? TransformSettings.openTsne(t)
                    : TransformSettings.defaults(t);
            ts = ts.withIterations(transformIterations);
            if (transformLeash != null) {
                ts = ts.withLeash(parseLeash());
            }
            embedding = map.transform(points, ts);
            prov.putAll(map.provenance().toMap());
            prov.put("transform.map", transformOnto.toAbsolutePath().toString());
            prov.put("transform.software.version", HyclusVersion.get());
            prov.put("transform.n", Integer.toString(points.n()));
            prov.put("transform.input.sha256", points.sha256());
            prov.put("transform.settings", ts.toString());
        } else {
            Points points = RawFloat32.read(data, nd[0], nd[1]);
            TsneSettings ts = new TsneSettings(perplexity, 12, earlyIterations, iterations, seed, t, exactLimit, 1.0, 50,
                    repulsion);
            TsneMap map = TsneFit.fit(points, ts);
            embedding = map.positions();
            prov.putAll(map.provenance().toMap());
            if (save != null) {
                TsneMapFile.write(save, map);
            }
        }
        RawFloat32.write(out, embedding);
        Files.writeString(Path.of(out + ".json"), json(prov) + "\n", StandardCharsets.UTF_8);
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().printf("{\"impl\": \"hyclus-tsne\", \"version\": \"%s\", \"mode\": \"%s\", \"n\": %d,"
                + " \"d\": %d, \"threads\": %d, \"seconds\": %.2f, \"out\": \"%s\"}%n", HyclusVersion.get(),
                transformOnto != null ? "transform" : "fit", nd[0], nd[1], t, seconds, out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private double parseLeash() {
        if (transformLeash.equalsIgnoreCase("none")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(transformLeash.trim());
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw OptionChecks.invalid(spec, "--transform-leash must be a positive number of map radii or 'none': "
                + transformLeash);
    }

    private int[] parseShape() {
        String[] parts = shape.split(",");
        try {
            if (parts.length == 2) {
                int n = Integer.parseInt(parts[0].trim());
                int d = Integer.parseInt(parts[1].trim());
                if (n >= 1 && d >= 1) {
                    return new int[] {n, d};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw OptionChecks.invalid(spec, "--shape must be N,D with positive integers: " + shape);
    }

    private static String json(Map<String, String> m) {
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append("\": \"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return sb.append('}').toString();
    }
}
