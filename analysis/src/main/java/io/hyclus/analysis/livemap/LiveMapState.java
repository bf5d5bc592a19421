package io.hyclus.analysis.livemap;

import io.hyclus.analysis.embed.TsneMap;
import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

/**
 * What the live map keeps across restarts ({@link LiveMapStateFile}).
 *
 * @param version       the current map version, 0 before the first fit
 * @param camera        whose codes the map holds
 * @param modelRef      the model whose codes the map holds; null before the first sample
 * @param map           the current map; null before the first fit of {@code modelRef}'s map
 * @param reservoir     the reservoir of {@code modelRef}'s points on the map; null before the first sample
 * @param addedSinceFit points placed by transform since the map was fitted
 */
record LiveMapState(int version, SensorKind camera, String modelRef, TsneMap map, Reservoir reservoir,
                    long addedSinceFit) {
    LiveMapState {
        Checks.nonNegative("map version", version);
        Checks.notNull("camera", camera);
        Checks.nonNegative("points added since the fit", addedSinceFit);
        if ((modelRef == null) != (reservoir == null) || (map != null && modelRef == null)) {
            throw new IllegalArgumentException("a live map state needs a model and a reservoir together, and a model "
                    + "for a map: model " + modelRef + ", reservoir " + (reservoir != null) + ", map " + (map != null));
        }
        if (map != null && version < 1) {
            throw new IllegalArgumentException("a fitted map has a version >= 1: " + version);
        }
    }
}
