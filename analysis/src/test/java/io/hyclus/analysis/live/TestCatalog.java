package io.hyclus.analysis.live;

import io.hyclus.analysis.model.ModelCatalog;
import io.hyclus.analysis.model.ModelException;
import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.TrainedModel;
import io.hyclus.core.spectral.SensorKind;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A model catalog in memory: models by ref, a promoted pointer per camera that tests move, loads counted. */
final class TestCatalog implements ModelCatalog {
    private final Map<ModelRef, TrainedModel> models = new ConcurrentHashMap<>();
    private final Map<ModelRef, String> broken = new ConcurrentHashMap<>();
    private final Map<SensorKind, ModelRef> promoted = new ConcurrentHashMap<>();
    final AtomicInteger loads = new AtomicInteger();

    TestCatalog add(TrainedModel m) {
        models.put(m.ref(), m);
        return this;
    }

    /** A version whose loading fails as a truncated file would. */
    TestCatalog addBroken(ModelRef ref, String file) {
        broken.put(ref, file);
        return this;
    }

    TestCatalog promote(SensorKind kind, ModelRef ref) {
        promoted.put(kind, ref);
        return this;
    }

    TestCatalog demote(SensorKind kind) {
        promoted.remove(kind);
        return this;
    }

    @Override
    public Optional<ModelRef> promoted(SensorKind input) {
        return Optional.ofNullable(promoted.get(input));
    }

    @Override
    public TrainedModel load(ModelRef ref) {
        loads.incrementAndGet();
        if (broken.containsKey(ref)) {
            throw new ModelException("model file " + broken.get(ref) + " is truncated: expected 4096 bytes, found 1000");
        }
        TrainedModel m = models.get(ref);
        if (m == null) {
            throw new ModelException("no model " + ref + " in the test catalog");
        }
        return m;
    }
}
