package io.hyclus.streaming.segment;

import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.SensorKind;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The segmentation's state stores, keyed by text: scan starts by scan id; fragments by
 * {@code scanId|CAMERA|slot|line} (line zero-padded so a prefix scan returns lines in order); lines
 * received by {@code scanId|CAMERA}; where each line used was read by {@code scanId|CAMERA|line} (so a line sent twice is
 * refused); completed scans by scan id, holding where the completion was read (one short
 * entry per scan, kept so that a scan's events arriving again cannot rewrite its containers). Decoded starts are
 * cached in memory. Under exactly-once the stores commit with the input offsets, so after a crash they hold what
 * they held at the last commit, and the cache is rebuilt with the processor.
 */
final class ScanState {
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, byte[]> starts;
    private final KeyValueStore<String, byte[]> fragments;
    private final KeyValueStore<String, Long> progress;
    private final KeyValueStore<String, String> completed;
    private final KeyValueStore<String, String> linesSeen;
    private final KeyValueStore<String, Long> activity;
    private final Map<String, ScanStarted> cache = new HashMap<>();

    ScanState(KeyValueStore<String, byte[]> starts, KeyValueStore<String, byte[]> fragments,
              KeyValueStore<String, Long> progress, KeyValueStore<String, String> completed,
              KeyValueStore<String, String> linesSeen, KeyValueStore<String, Long> activity) {
        this.starts = starts;
        this.fragments = fragments;
        this.progress = progress;
        this.completed = completed;
        this.linesSeen = linesSeen;
        this.activity = activity;
    }

    /**
     * Where the scan's completion was read ({@code topic/partition@offset}), or null if it has not completed (or its
     * marker was purged, {@link #purgeCompleted}). Markers are stored as {@code <ms>|<where>}; those written before the
     * time was kept are the place alone.
     */
    String completedAt(String scanId) {
        String v = completed.get(scanId);
        return v == null ? null : CompletedMarker.parse(v).where();
    }

    /** A completion marker: when it was written (wall-clock ms; -1 when not kept) and where the completion was read. */
    record CompletedMarker(long atMs, String where) {
        static CompletedMarker parse(String v) {
            int bar = v.indexOf('|');
            if (bar > 0 && v.substring(0, bar).chars().allMatch(Character::isDigit)) {
                return new CompletedMarker(Long.parseLong(v.substring(0, bar)), v.substring(bar + 1));
            }
            return new CompletedMarker(-1, v);
        }

        String format() {
            return atMs + "|" + where;
        }
    }

    /**
     * Deletes the markers of scans completed more than {@code retentionMs} before {@code nowMs}; a marker without a time
     * gets {@code nowMs}, so it ages out later. Returns how many were deleted.
     */
    int purgeCompleted(long nowMs, long retentionMs) {
        List<String> old = new ArrayList<>();
        List<String> undated = new ArrayList<>();
        try (KeyValueIterator<String, String> it = completed.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                CompletedMarker m = CompletedMarker.parse(kv.value);
                if (m.atMs() < 0) {
                    undated.add(kv.key);
                } else if (nowMs - m.atMs() > retentionMs) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(completed::delete);
        for (String id : undated) {
            completed.put(id, new CompletedMarker(nowMs, CompletedMarker.parse(completed.get(id)).where()).format());
        }
        return old.size();
    }

    void start(ScanStarted s, String where) {
        byte[] where8 = where.getBytes(StandardCharsets.UTF_8);
        byte[] event = ScanEventCodec.encode(s);
        byte[] value = new byte[4 + where8.length + event.length];
        java.nio.ByteBuffer.wrap(value).putInt(where8.length).put(where8).put(event);
        starts.put(s.scanId(), value);
        cache.put(s.scanId(), s);
    }

    ScanStarted started(String scanId) {
        ScanStarted s = cache.get(scanId);
        if (s == null) {
            byte[] v = starts.get(scanId);
            if (v != null) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(v);
                int n = b.getInt();
                byte[] event = java.util.Arrays.copyOfRange(v, 4 + n, v.length);
                s = (ScanStarted) ScanEventCodec.decode(event, "state store, scan " + scanId);
                cache.put(scanId, s);
            }
        }
        return s;
    }

    String startedWhere(String scanId) {
        byte[] v = starts.get(scanId);
        if (v == null) {
            return "unknown";
        }
        int n = java.nio.ByteBuffer.wrap(v).getInt();
        return new String(v, 4, n, StandardCharsets.UTF_8);
    }

    void putFragment(String scanId, SensorKind camera, int slot, LineFragment f) {
        fragments.put(String.format("%s|%s|%d|%012d", scanId, camera, slot, f.lineIndex()), f.toBytes());
    }

    /**
     * The slot's fragments in line order. They stay in the store until {@link #deleteFragments}, which the processor
     * calls only once every container of the scan is written.
     */
    List<LineFragment> fragments(String scanId, SensorKind camera, int slot) {
        List<LineFragment> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = fragments.prefixScan(prefix(scanId, camera, slot), KEYS)) {
            while (it.hasNext()) {
                out.add(LineFragment.fromBytes(it.next().value));
            }
        }
        return out;
    }

    /** The number of spectra (pixels) in the slot's fragments. */
    long spectraCount(String scanId, SensorKind camera, int slot) {
        long n = 0;
        try (KeyValueIterator<String, byte[]> it = fragments.prefixScan(prefix(scanId, camera, slot), KEYS)) {
            while (it.hasNext()) {
                n += LineFragment.fromBytes(it.next().value).size();
            }
        }
        return n;
    }

    void deleteFragments(String scanId, SensorKind camera, int slot) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = fragments.prefixScan(prefix(scanId, camera, slot), KEYS)) {
            while (it.hasNext()) {
                keys.add(it.next().key);
            }
        }
        keys.forEach(fragments::delete);
    }

    private static String prefix(String scanId, SensorKind camera, int slot) {
        return scanId + "|" + camera + "|" + slot + "|";
    }

    void countLine(String scanId, SensorKind camera) {
        String key = scanId + "|" + camera;
        Long n = progress.get(key);
        progress.put(key, n == null ? 1 : n + 1);
    }

    /** Where line {@code lineIndex} of that camera and scan was read ({@code topic/partition@offset}), or null. */
    String lineReceivedAt(String scanId, SensorKind camera, long lineIndex) {
        return linesSeen.get(lineKey(scanId, camera, lineIndex));
    }

    /** Remembers that the line was used, read at {@code where}, so a second copy of it is refused. */
    void lineReceived(String scanId, SensorKind camera, long lineIndex, String where) {
        linesSeen.put(lineKey(scanId, camera, lineIndex), where);
    }

    private static String lineKey(String scanId, SensorKind camera, long lineIndex) {
        return String.format("%s|%s|%012d", scanId, camera, lineIndex);
    }

    long linesReceived(String scanId, SensorKind camera) {
        Long n = progress.get(scanId + "|" + camera);
        return n == null ? 0 : n;
    }

    /** Remembers that the scan's completion, read at {@code where}, was processed at {@code nowMs} (wall clock). */
    void markCompleted(String scanId, String where, long nowMs) {
        completed.put(scanId, new CompletedMarker(nowMs, where).format());
    }

    /** Records that the scan had an event at {@code nowMs} (wall-clock ms). */
    void touch(String scanId, long nowMs) {
        activity.put(scanId, nowMs);
    }

    /** When the scan last had an event (ms), or null if never recorded (a scan started before this was kept). */
    Long lastActivity(String scanId) {
        return activity.get(scanId);
    }

    /** The ids of the scans started and not yet completed, abandoned or dropped. */
    List<String> openScans() {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = starts.all()) {
            while (it.hasNext()) {
                ids.add(it.next().key);
            }
        }
        return ids;
    }

    void finish(ScanStarted s) {
        for (var cam : s.cameras()) {
            progress.delete(s.scanId() + "|" + cam.sensor().kind());
        }
        List<String> seen = new ArrayList<>();
        try (KeyValueIterator<String, String> it = linesSeen.prefixScan(s.scanId() + "|", KEYS)) {
            while (it.hasNext()) {
                seen.add(it.next().key);
            }
        }
        seen.forEach(linesSeen::delete);
        starts.delete(s.scanId());
        activity.delete(s.scanId());
        cache.remove(s.scanId());
    }
}
