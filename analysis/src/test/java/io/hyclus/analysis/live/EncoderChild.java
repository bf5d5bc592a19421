package io.hyclus.analysis.live;

import io.hyclus.analysis.model.ModelRef;
import io.hyclus.core.spectral.SensorKind;

import java.time.InstantSource;

/**
 * {@link LiveEncoderKillIT}'s child process: a live encoder on {@code args[0]} (bootstrap servers) as instance
 * {@code args[1]}, with {@link #catalog()}, running until killed.
 */
public final class EncoderChild {
    static final ModelRef VNIR = new ModelRef("pca-4-vnir", 1);
    static final ModelRef SWIR = new ModelRef("pca-3-swir", 1);

    private EncoderChild() {
    }

    static TestCatalog catalog() {
        return new TestCatalog()
                .add(LinearProjection.trained(VNIR, SensorKind.VNIR, Samples.VNIR.grid().centresNm(), 4, 0.3))
                .add(LinearProjection.trained(SWIR, SensorKind.SWIR, Samples.SWIR.grid().centresNm(), 3, 0.5))
                .promote(SensorKind.VNIR, VNIR).promote(SensorKind.SWIR, SWIR);
    }

    static LiveEncoderSettings settings(String bootstrap, String instanceId) {
        return LiveEncoderSettings.defaults(bootstrap, instanceId).withBatchRows(512).withMaxCodesBytes(4096);
    }

    public static void main(String[] args) throws Exception {
        LiveEncoder encoder = LiveEncoder.start(settings(args[0], args[1]), catalog(), InstantSource.system());
        System.out.println("started");
        System.out.flush();
        while (encoder.state() == LiveEncoder.State.RUNNING) {
            encoder.awaitProcessed(Long.MAX_VALUE, java.time.Duration.ofSeconds(1));
        }
        encoder.rethrow();
    }
}
