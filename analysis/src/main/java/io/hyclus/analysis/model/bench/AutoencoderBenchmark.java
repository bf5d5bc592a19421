package io.hyclus.analysis.model.bench;

import io.hyclus.analysis.embed.RawFloat32;
import io.hyclus.analysis.model.Architecture;
import io.hyclus.analysis.model.EpochRecord;
import io.hyclus.analysis.model.Losses;
import io.hyclus.analysis.model.ModelSpec;
import io.hyclus.analysis.model.Nd4jRuntime;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.SpectralModel;
import io.hyclus.analysis.model.SpectralModels;
import io.hyclus.analysis.model.TrainingSettings;
import io.hyclus.core.spectral.SensorKind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The autoencoder benchmark (bench/autoencoder.sh). Two commands:
 * <pre>
 * data --samples DIR [--camera VNIR] [--per-sample 1400] [--seed 1] --out F
 *     the scaled raw float32 file both sides read (CampaignSpectra)
 * run  --data F --shape N,D [--arch dense-ae|conv-ae] [--bottleneck 4] [--epochs 2] [--threads 1]
 *      [--encode-batch 4096] [--seed 42]
 *     trains on the first 90 % (validation: the last 10 %, as ae_torch.py), then times encoding of all N rows;
 *     prints one JSON line with the peer's keys (train samples/s = best epoch, encode spectra/s = best of 3 passes)
 * </pre>
 */
public final class AutoencoderBenchmark {
    private AutoencoderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("data") || args[0].equals("run"))) {
            System.err.println("usage: AutoencoderBenchmark data --samples DIR --out F [--camera VNIR] [--per-sample N]"
                    + " [--seed S] | run --data F --shape N,D [--arch dense-ae|conv-ae] [--bottleneck K] [--epochs E]"
                    + " [--threads T] [--encode-batch B] [--seed S]");
            System.exit(2);
        }
        Map<String, String> o = options(args);
        if (args[0].equals("data")) {
            SpectraBlock s = CampaignSpectra.write(Path.of(o.get("samples")),
                    SensorKind.valueOf(o.getOrDefault("camera", "VNIR")), Integer.parseInt(o.getOrDefault("per-sample", "1400")),
                    Long.parseLong(o.getOrDefault("seed", "1")), Path.of(o.get("out")));
            System.out.printf(Locale.ROOT, "{\"file\": \"%s\", \"n\": %d, \"d\": %d}%n", o.get("out"), s.rows(), s.bands());
        } else {
            run(o);
        }
    }

    private static void run(Map<String, String> o) {
        String[] shape = o.get("shape").split(",");
        int n = Integer.parseInt(shape[0]);
        int d = Integer.parseInt(shape[1]);
        int k = Integer.parseInt(o.getOrDefault("bottleneck", "4"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "1"));
        int encodeBatch = Integer.parseInt(o.getOrDefault("encode-batch", "4096"));
        long seed = Long.parseLong(o.getOrDefault("seed", "42"));
        Architecture arch = Architecture.fromId(o.getOrDefault("arch", "dense-ae"));
        TrainingSettings settings = TrainingSettings.study(seed)
                .withMaxEpochs(Integer.parseInt(o.getOrDefault("epochs", "2"))).withThreads(threads);
        Nd4jRuntime.configure(threads);
        float[] all = RawFloat32.read(Path.of(o.get("data")), n, d).values();
        int ntr = (int) Math.round(n * 0.9);
        SpectraBlock train = slice(all, 0, ntr, d);
        SpectraBlock val = slice(all, ntr, n, d);
        SpectralModel model = SpectralModels.create(new ModelSpec(arch, k), d, seed);
        long t0 = System.nanoTime();
        List<EpochRecord> records = model.fit(train, val, settings, (r, max) -> System.err.printf(Locale.ROOT,
                "epoch %d/%d train %.5f val %.5f lr %.1e %.1f s %.0f samples/s%n", r.epoch(), max, r.trainLoss(),
                r.validationLoss(), r.learningRate(), r.seconds(), r.samplesPerSecond()));
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        double bestTrain = records.stream().mapToDouble(EpochRecord::samplesPerSecond).max().orElseThrow();
        double valBce = Losses.binaryCrossEntropy(val, model.decode(model.encode(val)));
        EncodeTiming enc = EncodeTiming.measure(model, all, n, d, encodeBatch);
        System.out.printf(Locale.ROOT, "{\"peer\": \"hyclus-dl4j\", \"arch\": \"%s\", \"threads\": %d, \"n\": %d, \"d\": %d,"
                        + " \"bottleneck\": %d, \"epochs\": %d, \"train_samples_per_s\": %d, \"encode_spectra_per_s\": %d,"
                        + " \"encode_block_spectra_per_s\": %d, \"val_bce\": %.5f, \"last_epoch_val_bce\": %.5f,"
                        + " \"train_seconds\": %.1f}%n",
                arch.id(), threads, n, d, k, records.size(), Math.round(bestTrain), Math.round(enc.networkRate()),
                Math.round(enc.blockRate()), valBce, records.get(records.size() - 1).validationLoss(), trainSeconds);
    }

    private static SpectraBlock slice(float[] all, int from, int to, int d) {
        float[] v = new float[(to - from) * d];
        System.arraycopy(all, from * d, v, 0, v.length);
        return new SpectraBlock(v, to - from, d);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at argument " + i + ": " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }
}
