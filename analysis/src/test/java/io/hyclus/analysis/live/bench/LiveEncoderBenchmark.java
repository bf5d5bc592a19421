package io.hyclus.analysis.live.bench;

import io.hyclus.analysis.live.LiveEncoderProbe;

/**
 * Not a test: times the live encoder's own work on one demo-size sample, apart from Kafka and the model: reading the
 * container, the encoding loop (with a cheap fixed linear model, so the model's cost is left out), writing the codes
 * file, and cutting and encoding the codes records. Usage: {@code LiveEncoderBenchmark <scratch dir> [runs]}.
 */
public final class LiveEncoderBenchmark {
    private LiveEncoderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LiveEncoderProbe.run(java.nio.file.Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 5);
    }
}
