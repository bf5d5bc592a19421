package io.hyclus.analysis.livemap;

import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

/** Codes of test samples drawn around one of a few well-separated centres (unit spread, centres 12 apart). */
final class ClusterCodes {
    static final int D = 8;

    private ClusterCodes() {
    }

    /** {@code rows} codes of cluster {@code cluster}, seeded. */
    static float[] codes(int cluster, int rows, int d, long seed) {
        Random r = new Random(seed);
        float[] v = new float[rows * d];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < d; j++) {
                double centre = j == cluster % d ? 12 : 0;
                v[i * d + j] = (float) (centre + r.nextGaussian());
            }
        }
        return v;
    }

    static SampleMetadata metadata(String sampleId, int cluster) {
        return new SampleMetadata(sampleId, "Plant-" + (cluster + 1), YearMonth.of(2025, 1 + cluster),
                GrainSizeFraction.MINUS_100);
    }

    static MapSample sample(String sampleId, int cluster, String model) {
        return new MapSample("scan-1", metadata(sampleId, cluster), model);
    }

    static AssembledCodes assembled(String sampleId, int cluster, int rows, String model, long offset) {
        return new AssembledCodes(sample(sampleId, cluster, model), Instant.EPOCH, D,
                codes(cluster, rows, D, sampleId.hashCode()), 0, offset, null);
    }

    /** The chunks the encoder would send for these codes. */
    static List<SampleCodes> chunks(String scanId, String sampleId, int cluster, SensorKind camera, String model,
                                    float[] codes, int d, int maxBytes) {
        return SampleCodes.split(scanId, metadata(sampleId, cluster), camera, model, "/w/" + sampleId + ".h5",
                Instant.parse("2025-01-01T00:00:00Z"), codes, d, maxBytes);
    }
}
