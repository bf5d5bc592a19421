package io.hyclus.app.pipeline;

import io.hyclus.analysis.live.LiveEncoder;
import io.hyclus.analysis.livemap.LiveMapService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counters the in-process services keep, bound to a Micrometer registry (scraped at /metrics): the live encoder's
 * samples and spectra, the live map's version and samples. Read when scraped; the services do not know Micrometer.
 */
public final class PipelineMeters {
    private PipelineMeters() {
    }

    public static void bindEncoder(LiveEncoder e, MeterRegistry r) {
        FunctionCounter.builder("hyclus.encoder.samples.encoded", e, LiveEncoder::encodedSamples)
                .description("samples the live encoder encoded").register(r);
        FunctionCounter.builder("hyclus.encoder.samples.dead.lettered", e, LiveEncoder::deadLetteredSamples)
                .description("samples the live encoder sent to hyclus.sample-containers.dlq").register(r);
        FunctionCounter.builder("hyclus.encoder.samples.skipped", e, LiveEncoder::skippedSamples).register(r);
        FunctionCounter.builder("hyclus.encoder.spectra.encoded", e, LiveEncoder::encodedSpectra)
                .description("spectra encoded (their rate is the encode rate)").register(r);
        e.bindTo(r); // its consumer's and producer's Kafka client metrics
    }

    public static void bindMap(LiveMapService m, MeterRegistry r) {
        Gauge.builder("hyclus.livemap.version", m, LiveMapService::mapVersion).description("live map version")
                .register(r);
        FunctionCounter.builder("hyclus.livemap.samples.placed", m, LiveMapService::placedSamples).register(r);
        FunctionCounter.builder("hyclus.livemap.samples.refused", m, LiveMapService::refusedSamples).register(r);
        m.bindTo(r); // its consumer's and producer's Kafka client metrics
    }
}
