package io.hyclus.analysis.live;

import io.hyclus.analysis.model.ModelCatalog;
import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.core.spectral.SensorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The promoted model of each camera, looked up afresh for every sample (a cheap read of the catalog's pointer) and
 * loaded once per version: a promotion takes effect from the next sample on, never inside one. Logs each change of
 * model ({@code encoder: now using X for VNIR (was Y)}) and, once per camera until a model appears, that a camera has
 * none. Used by the encoder's one thread only.
 */
final class PromotedModels {
    private static final Logger LOG = LoggerFactory.getLogger(PromotedModels.class);
    /** Loaded versions kept: the current ones and a few before them (a promotion rolled back is then free). */
    private static final int CACHED = 4;

    private final ModelCatalog catalog;
    private final Map<SensorKind, ModelRef> current = new EnumMap<>(SensorKind.class);
    private final Set<SensorKind> warnedMissing = EnumSet.noneOf(SensorKind.class);
    private final Map<ModelRef, TrainedModel> loaded = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ModelRef, TrainedModel> eldest) {
            return size() > CACHED;
        }
    };

    PromotedModels(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The model to encode {@code camera}'s spectra with now, or empty when none is promoted for it.
     *
     * @throws io.hyclus.analysis.model.ModelException when the promoted version cannot be loaded (naming its file)
     */
    Optional<TrainedModel> forCamera(SensorKind camera) {
        Optional<ModelRef> promoted = catalog.promoted(camera);
        if (promoted.isEmpty()) {
            if (warnedMissing.add(camera)) {
                LOG.warn("encoder: no promoted model for {}; its spectra are not encoded until one is promoted", camera);
            }
            return Optional.empty();
        }
        warnedMissing.remove(camera);
        ModelRef ref = promoted.get();
        TrainedModel model = loaded.get(ref);
        if (model == null) {
            model = catalog.load(ref);
            if (!model.ref().equals(ref)) {
                throw new io.hyclus.analysis.model.ModelException("the catalog loaded " + model.ref() + " when asked for "
                        + ref);
            }
            loaded.put(ref, model);
        }
        ModelRef before = current.put(camera, ref);
        if (!ref.equals(before)) {
            LOG.info("encoder: now using {} for {} (was {})", ref, camera, before == null ? "none" : before);
        }
        return Optional.of(model);
    }
}
