package io.hyclus.acquisition.publish;

import io.hyclus.core.Checks;

/**
 * How a scan's events go onto {@code hyclus.scan-events}: the scanlines' encoding and how many threads encode them.
 * {@link #defaults()} is the one home of the defaults.
 *
 * @param lineEncoding   {@link LineEncoding#COMPACT} (quantised to 2^-13 reflectance, ~3.4 times smaller) or
 *                       {@link LineEncoding#FLOAT32} (exactly as calibrated)
 * @param encoderThreads threads encoding lines, at least 1 (1 encodes on the publishing thread); lines are sent in
 *                       publishing order whatever the count, so it changes speed, never the records
 */
public record PublishSettings(LineEncoding lineEncoding, int encoderThreads) {
    /** At most this many encoder threads by default (enough for both full-rate cameras, docs/scanline-codec.md). */
    public static final int DEFAULT_MAX_ENCODER_THREADS = 2;

    public PublishSettings {
        Checks.notNull("line encoding", lineEncoding);
        Checks.atLeast("encoder threads", encoderThreads, 1);
    }

    /** Compact lines on {@code min(2, available processors)} threads. */
    public static PublishSettings defaults() {
        return new PublishSettings(LineEncoding.COMPACT, defaultEncoderThreads());
    }

    /** {@code encoding} on the default number of threads. */
    public static PublishSettings of(LineEncoding encoding) {
        return new PublishSettings(encoding, defaultEncoderThreads());
    }

    /** {@code min(2, available processors)}. */
    public static int defaultEncoderThreads() {
        return Math.max(1, Math.min(DEFAULT_MAX_ENCODER_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    public PublishSettings withLineEncoding(LineEncoding encoding) {
        return new PublishSettings(encoding, encoderThreads);
    }

    public PublishSettings withEncoderThreads(int threads) {
        return new PublishSettings(lineEncoding, threads);
    }
}
