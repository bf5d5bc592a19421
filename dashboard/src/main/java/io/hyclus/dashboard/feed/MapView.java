package io.hyclus.dashboard.feed;

import io.hyclus.core.scan.SampleMapPoints;
import io.hyclus.core.tray.SampleMetadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live map as published on {@code hyclus.sample-map}: the points of every sample on the newest map version. A
 * sample is shown once all its chunks of that version arrived; a record of a newer version drops every older point
 * (the map was re-fitted). Not thread-safe: {@link DashboardState} serialises access.
 */
final class MapView {
    /** One sample's points on one version, filled chunk by chunk. */
    private static final class Sample {
        final SampleMapPoints first;
        final float[] xy;
        final boolean[] chunks;
        int received;

        Sample(SampleMapPoints p) {
            first = p;
            xy = new float[2 * p.totalPoints()];
            chunks = new boolean[p.chunkCount()];
        }

        boolean add(SampleMapPoints p) {
            if (p.chunkCount() != chunks.length || p.totalPoints() * 2 != xy.length || chunks[p.chunkIndex()]) {
                return false;
            }
            System.arraycopy(p.xy(), 0, xy, 2 * p.firstPoint(), 2 * p.points());
            chunks[p.chunkIndex()] = true;
            received++;
            return true;
        }

        boolean complete() {
            return received == chunks.length;
        }
    }

    private int version;
    private final Map<String, Sample> samples = new LinkedHashMap<>();
    private long points;

    int version() {
        return version;
    }

    long points() {
        return points;
    }

    int samples() {
        return (int) samples.values().stream().filter(Sample::complete).count();
    }

    List<DashboardEvent> add(SampleMapPoints p) {
        if (p.mapVersion() < version) {
            return List.of();
        }
        List<DashboardEvent> out = new ArrayList<>(2);
        if (p.mapVersion() > version) {
            version = p.mapVersion();
            samples.clear();
            points = 0;
            out.add(Json.event("mapReset", Map.of("version", version, "camera", p.camera().name(), "model", p.modelRef())));
        }
        Sample s = samples.get(p.key());
        if (s == null || (s.complete() && p.chunkIndex() == 0)) {
            if (s != null && s.complete()) {
                points -= s.xy.length / 2;
            }
            s = new Sample(p);
            samples.put(p.key(), s);
        }
        if (s.add(p) && s.complete()) {
            points += s.xy.length / 2;
            out.add(Json.event("points", describe(s)));
        }
        return out;
    }

    List<DashboardEvent> snapshot() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Sample s : samples.values()) {
            if (s.complete()) {
                list.add(describe(s));
            }
        }
        return List.of(Json.event("map", Map.of("version", version, "samples", list)));
    }

    private static Map<String, Object> describe(Sample s) {
        SampleMapPoints p = s.first;
        SampleMetadata m = p.metadata();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("key", p.key());
        d.put("scanId", p.scanId());
        d.put("sampleId", m.sampleId());
        d.put("plant", m.plant());
        d.put("month", m.month().toString());
        d.put("fraction", m.fraction().toString());
        d.put("camera", p.camera().name());
        d.put("model", p.modelRef());
        d.put("version", p.mapVersion());
        float[] rounded = new float[s.xy.length];
        for (int i = 0; i < rounded.length; i++) {
            rounded[i] = Math.round(s.xy[i] * 1000f) / 1000f;
        }
        d.put("xy", rounded);
        return d;
    }
}
