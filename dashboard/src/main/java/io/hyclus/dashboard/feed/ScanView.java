package io.hyclus.dashboard.feed;

import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.TraySlot;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scan in progress: its tray and slots with their states, one false-colour waterfall per camera (a row every
 * {@code rowMm} of belt travel, lines in between skipped), the last line per camera and the scan's recorded settings.
 * Not thread-safe: {@link DashboardState} serialises access.
 */
final class ScanView {
    /** Rows kept per camera for browsers that connect mid-scan (a 2 m tray at 1 mm per row). */
    static final int MAX_ROWS = 2000;

    record Row(long i, double yMm, String rgb) {
    }

    record LastLine(long lineIndex, long encoderMicrons, java.time.Instant acquiredAt) {
    }

    private final int columns;
    private final double rowMm;
    private ScanStarted scan;
    private ScanCompleted completed;
    private final Map<SensorKind, FalseColour> colours = new EnumMap<>(SensorKind.class);
    private final Map<SensorKind, List<Row>> rows = new EnumMap<>(SensorKind.class);
    private final Map<SensorKind, Long> lastRow = new EnumMap<>(SensorKind.class);
    private final Map<SensorKind, LastLine> lastLine = new EnumMap<>(SensorKind.class);
    private final Map<SensorKind, LastLine> firstLine = new EnumMap<>(SensorKind.class);
    private final Map<String, SlotState> slots = new LinkedHashMap<>();

    ScanView(int columns, double rowMm) {
        this.columns = columns;
        this.rowMm = rowMm;
    }

    boolean isCurrent(String scanId) {
        return scan != null && scan.scanId().equals(scanId);
    }

    String scanId() {
        return scan == null ? null : scan.scanId();
    }

    List<DashboardEvent> start(ScanStarted s) {
        scan = s;
        completed = null;
        colours.clear();
        rows.clear();
        lastRow.clear();
        lastLine.clear();
        firstLine.clear();
        slots.clear();
        for (CameraSetup c : s.cameras()) {
            colours.put(c.sensor().kind(), new FalseColour(c, columns));
            rows.put(c.sensor().kind(), new ArrayList<>());
        }
        for (TraySlot t : s.tray().slots()) {
            slots.put(t.sample().sampleId(), SlotState.WAITING);
        }
        return List.of(Json.event("scan", describe()));
    }

    /** The waterfall row and slot changes this line causes, if any. */
    List<DashboardEvent> line(Scanline l) {
        if (!isCurrent(l.scanId()) || !colours.containsKey(l.camera())) {
            return List.of();
        }
        LastLine ll = new LastLine(l.lineIndex(), l.encoderMicrons(), l.acquiredAt());
        firstLine.putIfAbsent(l.camera(), ll);
        lastLine.put(l.camera(), ll);
        List<DashboardEvent> out = new ArrayList<>(2);
        CameraSetup cam = scan.camera(l.camera()).orElseThrow();
        double y = cam.geometry().yMm(l.encoderMicrons());
        for (TraySlot t : scan.tray().slots()) {
            if (y >= t.region().y0() && y < t.region().y1() && slots.get(t.sample().sampleId()) == SlotState.WAITING) {
                out.addAll(slot(t.sample().sampleId(), SlotState.SCANNING));
            }
        }
        long i = (long) Math.floor(y / rowMm);
        if (y < 0 || y > scan.tray().lengthMm() || i <= lastRow.getOrDefault(l.camera(), -1L)) {
            return out;
        }
        lastRow.put(l.camera(), i);
        Row r = new Row(i, y, Base64.getEncoder().encodeToString(colours.get(l.camera()).row(l)));
        List<Row> list = rows.get(l.camera());
        if (list.size() < MAX_ROWS) {
            list.add(r);
        }
        out.add(Json.event("row", Map.of("scanId", scan.scanId(), "camera", l.camera().name(), "i", r.i(),
                "yMm", r.yMm(), "rgb", r.rgb())));
        return out;
    }

    List<DashboardEvent> complete(ScanCompleted c) {
        if (!isCurrent(c.scanId())) {
            return List.of();
        }
        completed = c;
        return List.of(Json.event("scanDone", completion()));
    }

    /** Moves a slot's state forward (never back); an event if it changed. */
    List<DashboardEvent> slot(String sampleId, SlotState state) {
        SlotState now = slots.get(sampleId);
        if (now == null || now.compareTo(state) >= 0) {
            return List.of();
        }
        slots.put(sampleId, state);
        return List.of(Json.event("slot", Map.of("scanId", scan.scanId(), "sampleId", sampleId, "state", state.name())));
    }

    /** What a browser connecting now needs: the scan and every row kept so far. */
    List<DashboardEvent> snapshot() {
        if (scan == null) {
            return List.of();
        }
        List<DashboardEvent> out = new ArrayList<>();
        out.add(Json.event("scan", describe()));
        rows.forEach((k, list) -> out.add(Json.event("rows", Map.of("scanId", scan.scanId(), "camera", k.name(),
                "rows", List.copyOf(list)))));
        if (completed != null) {
            out.add(Json.event("scanDone", completion()));
        }
        return out;
    }

    /** Belt position and speed, line rate per camera, from the lines' encoder positions and timestamps. */
    Map<String, Object> devices() {
        Map<String, Object> d = new LinkedHashMap<>();
        if (scan == null) {
            return d;
        }
        lastLine.forEach((k, last) -> {
            LastLine first = firstLine.get(k);
            Map<String, Object> cam = new LinkedHashMap<>();
            cam.put("lineIndex", last.lineIndex());
            cam.put("beltPositionMm", last.encoderMicrons() / 1000.0);
            double seconds = (last.acquiredAt().toEpochMilli() - first.acquiredAt().toEpochMilli()) / 1000.0;
            if (seconds > 0) {
                cam.put("beltSpeedMmPerS", (last.encoderMicrons() - first.encoderMicrons()) / 1000.0 / seconds);
                cam.put("lineRateHz", (last.lineIndex() - first.lineIndex()) / seconds);
            }
            cam.put("lastLineAt", last.acquiredAt().toString());
            d.put(k.name(), cam);
        });
        return d;
    }

    private Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scanId", scan.scanId());
        m.put("trayId", scan.tray().trayId());
        m.put("widthMm", scan.tray().widthMm());
        m.put("lengthMm", scan.tray().lengthMm());
        m.put("startedAt", scan.startedAt().toString());
        m.put("rowMm", rowMm);
        List<Map<String, Object>> sl = new ArrayList<>();
        for (TraySlot t : scan.tray().slots()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("index", t.index());
            s.put("sampleId", t.sample().sampleId());
            s.put("plant", t.sample().plant());
            s.put("month", t.sample().month().toString());
            s.put("fraction", t.sample().fraction().toString());
            s.put("x0", t.region().x0());
            s.put("y0", t.region().y0());
            s.put("x1", t.region().x1());
            s.put("y1", t.region().y1());
            s.put("state", slots.get(t.sample().sampleId()).name());
            sl.add(s);
        }
        m.put("slots", sl);
        List<Map<String, Object>> cams = new ArrayList<>();
        for (CameraSetup c : scan.cameras()) {
            FalseColour fc = colours.get(c.sensor().kind());
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("kind", c.sensor().kind().name());
            cm.put("sensorId", c.sensor().id());
            cm.put("pixels", c.sensor().pixels());
            cm.put("bands", c.sensor().bands());
            cm.put("columns", fc.columns());
            cm.put("x0Mm", fc.x0Mm());
            cm.put("columnMm", fc.columnMm());
            cm.put("bandsNm", fc.bandsNm());
            cams.add(cm);
        }
        m.put("cameras", cams);
        // the settings acquisition recorded for the scan (belt speed, line pitch, each camera's identity and settings)
        Map<String, String> settings = new TreeMap<>();
        scan.provenance().forEach((k, v) -> {
            if (k.startsWith("scan.")) {
                settings.put(k, v);
            }
        });
        m.put("settings", settings);
        return m;
    }

    private Map<String, Object> completion() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scanId", completed.scanId());
        m.put("completedAt", completed.completedAt().toString());
        Map<String, Long> lines = new TreeMap<>();
        completed.linesPublished().forEach((k, v) -> lines.put(k.name(), v));
        m.put("linesPublished", lines);
        m.put("degradations", completed.degradations());
        return m;
    }
}
