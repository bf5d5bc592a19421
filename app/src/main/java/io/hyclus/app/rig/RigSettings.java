package io.hyclus.app.rig;

import io.hyclus.core.Checks;

/**
 * The simulated rig.
 *
 * @param vnirPixels     VNIR spatial pixels (1024 on the reference camera)
 * @param vnirBands      VNIR bands (224)
 * @param swirPixels     SWIR spatial pixels (384)
 * @param swirBands      SWIR bands (288)
 * @param frameRateHz    common line rate of both cameras
 * @param integrationMicros exposure per line
 * @param seed           seeds every simulator
 */
public record RigSettings(int vnirPixels, int vnirBands, int swirPixels, int swirBands, double frameRateHz,
                          int integrationMicros, long seed) {
    public RigSettings {
        Checks.positive("VNIR pixels", vnirPixels);
        Checks.positive("VNIR bands", vnirBands);
        Checks.positive("SWIR pixels", swirPixels);
        Checks.positive("SWIR bands", swirBands);
        Checks.positive("frame rate (Hz)", frameRateHz);
        Checks.positive("integration (us)", integrationMicros);
    }

    /** The reference cameras at 50 Hz with 10 ms exposure. */
    public static RigSettings reference(long seed) {
        return new RigSettings(1024, 224, 384, 288, 50, 10_000, seed);
    }
}
