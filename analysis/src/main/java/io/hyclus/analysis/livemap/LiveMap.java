package io.hyclus.analysis.livemap;

import io.hyclus.analysis.embed.Points;
import io.hyclus.analysis.embed.TsneFit;
import io.hyclus.analysis.embed.TsneMap;
import io.hyclus.core.scan.MapUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The live map without Kafka: takes each sample's codes, keeps the current map version, its reservoir and the samples
 * waiting for the first fit, and says which points to publish. Not thread-safe (the service's one thread owns it).
 *
 * <ul>
 *   <li>A sample's seeded subsample ({@link Subsample}) is offered to the reservoir ({@link Reservoir}) once it is on
 *       the map.</li>
 *   <li>No map yet for the sample's model: it waits until {@code fitAfterSamples} samples or {@code fitAfterPoints}
 *       points wait (and the reservoir holds more than 3 x perplexity points); then the reservoir is fitted as a new
 *       version and every waiting sample is published {@link MapUpdate#FITTED} (points not in the reservoir placed by
 *       transform).</li>
 *   <li>Otherwise its points are placed by {@link TsneMap#transform} and published {@link MapUpdate#ADDED}; then, if the
 *       {@link DriftCriterion} says so, the reservoir is re-fitted as a new version and all its points are published
 *       {@link MapUpdate#FITTED}, grouped by sample.</li>
 *   <li>A sample of another model than the map's starts a new map: the waiting samples of the old model are fitted if
 *       they can be, the reservoir is emptied and the new model's samples wait for their first fit.</li>
 * </ul>
 */
final class LiveMap {
    private static final Logger LOG = LoggerFactory.getLogger(LiveMap.class);

    /** Points of one sample to publish under one map version. */
    record Published(int version, MapUpdate update, MapSample sample, int[] rows, float[] xy) {
    }

    /**
     * What taking one sample did.
     *
     * @param published      points to publish, in order
     * @param placed         samples whose points were published for the first time (the sample itself, or the samples
     *                       that waited for a fit)
     * @param refused        samples that can never be placed, with the reason
     * @param transformMillis time spent placing points by transform
     * @param fitMillis      time spent fitting (0 without a fit)
     * @param changed        whether the map or the reservoir changed (the state must be saved)
     */
    record Step(List<Published> published, List<MapSample> placed, Map<MapSample, String> refused, long transformMillis,
                long fitMillis, boolean changed) {
        static Step waiting() {
            return new Step(List.of(), List.of(), Map.of(), 0, 0, false);
        }
    }

    /** A sample's subsample waiting for its model's first map. */
    private record Waiting(MapSample sample, int[] rows, float[] codes, int partition, long firstOffset) {
    }

    private final LiveMapSettings settings;
    private final MaterialSource material;
    private final DriftCriterion drift;
    private int version;
    private String modelRef;
    private TsneMap map;
    private Reservoir reservoir;
    private long addedSinceFit;
    private final List<Waiting> waiting = new ArrayList<>();
    private long waitingPoints;
    private long transformMillis;
    private long fitMillis;

    LiveMap(LiveMapSettings settings) {
        this(settings, MaterialSource.CONTAINER);
    }

    /** A new live map that places only the spectra {@code material} calls the sample's material. */
    LiveMap(LiveMapSettings settings, MaterialSource material) {
        this.settings = settings;
        this.material = material;
        this.drift = settings.drift();
    }

    /** A live map as saved: its version, model, map (null before the model's first fit), reservoir and drift count. */
    static LiveMap restored(LiveMapSettings settings, LiveMapState state) {
        return restored(settings, state, MaterialSource.CONTAINER);
    }

    static LiveMap restored(LiveMapSettings settings, LiveMapState state, MaterialSource material) {
        LiveMap m = new LiveMap(settings, material);
        m.version = state.version();
        m.modelRef = state.modelRef();
        m.map = state.map();
        m.reservoir = state.reservoir();
        m.addedSinceFit = state.addedSinceFit();
        if (m.map != null && m.map.reference().d() != m.reservoir.d()) {
            throw new LiveMapException("the saved map has D = " + m.map.reference().d() + ", its reservoir "
                    + m.reservoir.d());
        }
        return m;
    }

    /** The state to save: everything but the waiting samples (their offsets are not committed). */
    LiveMapState state() {
        return new LiveMapState(version, settings.camera(), modelRef, map, reservoir, addedSinceFit);
    }

    int version() {
        return version;
    }

    /** Reference points of the current map, 0 before the first fit. */
    int referencePoints() {
        return map == null ? 0 : map.reference().n();
    }

    long addedSinceFit() {
        return addedSinceFit;
    }

    /** The offset of the first waiting sample's first chunk on {@code partition}, if one waits. */
    OptionalLong heldFrom(int partition) {
        return waiting.stream().filter(w -> w.partition() == partition).mapToLong(Waiting::firstOffset).min();
    }

    /**
     * Takes one sample's codes.
     *
     * @throws BadCodesException if its code size differs from that of its model's map
     */
    Step accept(AssembledCodes codes) {
        transformMillis = 0;
        fitMillis = 0;
        MapSample s = codes.sample();
        List<Published> out = new ArrayList<>();
        List<MapSample> placed = new ArrayList<>();
        Map<MapSample, String> refused = new LinkedHashMap<>();
        int[] eligible = materialRows(codes);
        if (eligible.length == 0) {
            refused.put(s, "codes of sample " + s.metadata().sampleId() + " (scan " + s.scanId() + ") "
                    + settings.camera() + ": the material mask kept none of its " + codes.rows() + " spectra");
            return new Step(out, placed, refused, 0, 0, false);
        }
        boolean changed = false;
        if (modelRef == null || !modelRef.equals(s.modelRef())) {
            if (modelRef != null) {
                LOG.info("live map: sample {} has codes of {}; the map of {} (v{}) ends, a new map begins", s,
                        s.modelRef(), modelRef, version);
                endModel(out, placed, refused, s.modelRef());
            }
            modelRef = s.modelRef();
            map = null;
            reservoir = new Reservoir(settings.reservoirCapacity(), codes.codeSize(), Seeds.of(settings.seed(), modelRef));
            addedSinceFit = 0;
            changed = true;
        } else if (codes.codeSize() != reservoir.d()) {
            throw new BadCodesException("codes of sample " + s.metadata().sampleId() + " (scan " + s.scanId() + ") "
                    + settings.camera() + " have " + codes.codeSize() + " numbers per spectrum; the map of " + modelRef
                    + " holds codes of " + reservoir.d());
        }
        int[] rows = Subsample.rows(settings.seed(), s.key(), settings.camera(), eligible, settings.pointsPerSample());
        float[] sub = Subsample.codes(codes.codes(), codes.codeSize(), rows);
        if (map == null) {
            waiting.add(new Waiting(s, rows, sub, codes.partition(), codes.firstOffset()));
            waitingPoints += rows.length;
            if (!readyToFit()) {
                return changed ? new Step(out, placed, refused, transformMillis, fitMillis, true) : Step.waiting();
            }
            fitWaiting(out, placed);
            return new Step(out, placed, refused, transformMillis, fitMillis, true);
        }
        out.add(new Published(version, MapUpdate.ADDED, s, rows, place(sub, rows.length)));
        placed.add(s);
        reservoir.offer(s, rows, sub);
        addedSinceFit += rows.length;
        if (drift.refitDue(addedSinceFit, map.reference().n())) {
            LOG.info("live map: {} points added to the {} of v{} (more than {} of them): re-fitting on the reservoir",
                    addedSinceFit, map.reference().n(), version, settings.refitShare());
            refit(out);
        }
        return new Step(out, placed, refused, transformMillis, fitMillis, true);
    }

    /** The rows of the sample's material (class 0), increasing; every row when the mask is unknown. */
    private int[] materialRows(AssembledCodes codes) {
        byte[] classes = material.classes(codes, settings.camera());
        int n = codes.rows();
        int[] rows = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (classes == null || classes[i] == 0) {
                rows[count++] = i;
            }
        }
        return java.util.Arrays.copyOf(rows, count);
    }

    private boolean readyToFit() {
        boolean enough = waiting.size() >= settings.fitAfterSamples() || waitingPoints >= settings.fitAfterPoints();
        return enough && Math.min(waitingPoints, settings.reservoirCapacity()) > settings.tsne().neighbours();
    }

    /** The model changes: fit the old model's waiting samples if they can be, else give them up. */
    private void endModel(List<Published> out, List<MapSample> placed, Map<MapSample, String> refused, String next) {
        if (waiting.isEmpty()) {
            return;
        }
        if (Math.min(waitingPoints, settings.reservoirCapacity()) > settings.tsne().neighbours()) {
            fitWaiting(out, placed);
            return;
        }
        for (Waiting w : waiting) {
            String why = "sample " + w.sample() + " is not on the map: the codes topic moved on to " + next
                    + " before the map of " + modelRef + " had enough points to be fitted (" + waitingPoints + ")";
            LOG.error("live map: {}", why);
            refused.put(w.sample(), why);
        }
        waiting.clear();
        waitingPoints = 0;
    }

    /** Fits the reservoir as a new version and publishes every waiting sample on it. */
    private void fitWaiting(List<Published> out, List<MapSample> placed) {
        for (Waiting w : waiting) {
            reservoir.offer(w.sample(), w.rows(), w.codes());
        }
        fitReservoir();
        Map<MapSample, Map<Integer, Integer>> slots = slotsBySample();
        float[] pos = map.positions();
        for (Waiting w : waiting) {
            Map<Integer, Integer> mine = slots.getOrDefault(w.sample(), Map.of());
            float[] xy = new float[2 * w.rows().length];
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < w.rows().length; i++) {
                Integer slot = mine.get(w.rows()[i]);
                if (slot == null) {
                    missing.add(i);
                } else {
                    xy[2 * i] = pos[2 * slot];
                    xy[2 * i + 1] = pos[2 * slot + 1];
                }
            }
            if (!missing.isEmpty()) {
                int d = reservoir.d();
                float[] m = new float[missing.size() * d];
                for (int j = 0; j < missing.size(); j++) {
                    System.arraycopy(w.codes(), missing.get(j) * d, m, j * d, d);
                }
                float[] placedXy = place(m, missing.size());
                for (int j = 0; j < missing.size(); j++) {
                    xy[2 * missing.get(j)] = placedXy[2 * j];
                    xy[2 * missing.get(j) + 1] = placedXy[2 * j + 1];
                }
            }
            out.add(new Published(version, MapUpdate.FITTED, w.sample(), w.rows(), xy));
            placed.add(w.sample());
        }
        waiting.clear();
        waitingPoints = 0;
    }

    /** Re-fits the reservoir as a new version and publishes all its points, grouped by sample, rows in order. */
    private void refit(List<Published> out) {
        fitReservoir();
        float[] pos = map.positions();
        Map<MapSample, Map<Integer, Integer>> slots = slotsBySample();
        slots.forEach((sample, byRow) -> {
            int[] rows = byRow.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            float[] xy = new float[2 * rows.length];
            for (int i = 0; i < rows.length; i++) {
                int slot = byRow.get(rows[i]);
                xy[2 * i] = pos[2 * slot];
                xy[2 * i + 1] = pos[2 * slot + 1];
            }
            out.add(new Published(version, MapUpdate.FITTED, sample, rows, xy));
        });
    }

    private void fitReservoir() {
        long t0 = System.nanoTime();
        int n = reservoir.size();
        map = TsneFit.fit(Points.of(n, reservoir.d(), reservoir.codes()), settings.tsne());
        version++;
        addedSinceFit = 0;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        fitMillis += ms;
        LOG.info("live map: v{} fitted on {} reservoir points of {} ({} seen) in {} ms", version, n, modelRef,
                reservoir.seen(), ms);
    }

    /** Reservoir slots by sample (first-seen order) and row. */
    private Map<MapSample, Map<Integer, Integer>> slotsBySample() {
        Map<MapSample, Map<Integer, Integer>> out = new LinkedHashMap<>();
        for (int slot = 0; slot < reservoir.size(); slot++) {
            out.computeIfAbsent(reservoir.sample(slot), k -> new HashMap<>()).put(reservoir.row(slot), slot);
        }
        return out;
    }

    private float[] place(float[] codes, int n) {
        long t0 = System.nanoTime();
        float[] xy = map.transform(Points.of(n, reservoir.d(), codes), settings.transform());
        transformMillis += (System.nanoTime() - t0) / 1_000_000;
        return xy;
    }
}
