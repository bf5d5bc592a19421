package io.hyclus.app.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the operator's scan plan: YAML ({@code .yaml}, {@code .yml}) or CSV ({@code .csv}); see docs/scan.md for both
 * layouts and docs/examples/ for examples. Every problem is a {@link ScanPlanException} naming the file and the line
 * (CSV, YAML syntax) or the sample and field.
 */
public final class ScanPlanFile {
    /** The campaign trays' width, mm: the default when a plan does not give one. */
    public static final double DEFAULT_TRAY_WIDTH_MM = 280;
    /** Columns of a CSV plan, in order; {@code minerals} is optional. */
    static final List<String> CSV_COLUMNS = List.of("sample_id", "plant", "month", "fraction", "x0_mm", "y0_mm",
            "x1_mm", "y1_mm");

    private ScanPlanFile() {
    }

    /** The YAML document: field names are the plan's keys. */
    static final class YamlPlan {
        public String tray;
        public Double widthMm;
        public Double lengthMm;
        public List<YamlSample> samples;
        public ScanPlan.CaptureGeometry capture;
    }

    static final class YamlSample {
        public String id;
        public String plant;
        public String month;
        public String fraction;
        public List<Double> regionMm;
        public Map<String, Double> simulate;
    }

    public static ScanPlan read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new ScanPlanException("scan plan " + file + " does not exist");
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return yaml(file);
        }
        if (name.endsWith(".csv")) {
            return csv(file);
        }
        throw new ScanPlanException("scan plan " + file + " must be .yaml, .yml or .csv");
    }

    private static ScanPlan yaml(Path file) {
        YamlPlan p;
        try {
            p = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), YamlPlan.class);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new ScanPlanException("scan plan " + file + (l == null ? "" : " line " + l.getLineNr()) + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ScanPlanException("cannot read scan plan " + file + ": " + e.getMessage(), e);
        }
        if (p == null || p.tray == null || p.samples == null || p.samples.isEmpty()) {
            throw new ScanPlanException("scan plan " + file + " needs 'tray' (its id) and at least one entry under "
                    + "'samples'");
        }
        List<TraySlot> slots = new ArrayList<>();
        Map<String, Map<String, Double>> simulate = new LinkedHashMap<>();
        for (int i = 0; i < p.samples.size(); i++) {
            YamlSample s = p.samples.get(i);
            String where = "scan plan " + file + " sample " + (i + 1) + (s.id == null ? "" : " (" + s.id + ")");
            List<Double> r = s.regionMm;
            if (r == null || r.size() != 4 || r.contains(null)) {
                throw new ScanPlanException(where + ": 'regionMm' must be [x0, y0, x1, y1] in mm, found " + r);
            }
            slots.add(slot(where, i, s.id, s.plant, s.month, s.fraction, r.get(0), r.get(1), r.get(2), r.get(3)));
            if (s.simulate != null) {
                simulate.put(s.id, s.simulate);
            }
        }
        return new ScanPlan(layout(file, p.tray, p.widthMm, p.lengthMm, slots), simulate, Optional.ofNullable(p.capture));
    }

    private static ScanPlan csv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScanPlanException("cannot read scan plan " + file + ": " + e.getMessage(), e);
        }
        String trayId = file.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        List<TraySlot> slots = new ArrayList<>();
        Map<String, Map<String, Double>> simulate = new LinkedHashMap<>();
        boolean header = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            String where = "scan plan " + file + " line " + (n + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (!header) {
                List<String> cols = List.of(f).stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
                if (cols.size() < CSV_COLUMNS.size() || !cols.subList(0, CSV_COLUMNS.size()).equals(CSV_COLUMNS)) {
                    throw new ScanPlanException(where + ": the header must start " + String.join(",", CSV_COLUMNS)
                            + " (then optionally minerals), found '" + line + "'");
                }
                header = true;
                continue;
            }
            if (f.length < CSV_COLUMNS.size() || f.length > CSV_COLUMNS.size() + 1) {
                throw new ScanPlanException(where + ": expected " + CSV_COLUMNS.size() + " or " + (CSV_COLUMNS.size() + 1)
                        + " fields, found " + f.length);
            }
            slots.add(slot(where, slots.size(), f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), number(where, "x0_mm", f[4]),
                    number(where, "y0_mm", f[5]), number(where, "x1_mm", f[6]), number(where, "y1_mm", f[7])));
            if (f.length > CSV_COLUMNS.size() && !f[8].isBlank()) {
                simulate.put(f[0].trim(), minerals(where, f[8]));
            }
        }
        if (slots.isEmpty()) {
            throw new ScanPlanException("scan plan " + file + " lists no samples");
        }
        return new ScanPlan(layout(file, trayId, null, null, slots), simulate, Optional.empty());
    }

    /** {@code Quartz:0.6;Kaolinite:0.4}. */
    private static Map<String, Double> minerals(String where, String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            String[] kv = part.split(":");
            if (kv.length != 2) {
                throw new ScanPlanException(where + ": minerals must be Mineral:weight;Mineral:weight, found '" + text + "'");
            }
            out.put(kv[0].trim(), number(where, "minerals", kv[1]));
        }
        return out;
    }

    private static double number(String where, String field, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ScanPlanException(where + ": " + field + " must be a number, found '" + text.trim() + "'");
        }
    }

    private static TraySlot slot(String where, int index, String id, String plant, String month, String fraction,
                                 double x0, double y0, double x1, double y1) {
        try {
            GrainSizeFraction f = fraction(where, fraction);
            YearMonth m;
            try {
                m = YearMonth.parse(month == null ? "" : month.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new ScanPlanException(where + ": month must be YYYY-MM, found '" + month + "'");
            }
            return new TraySlot(index, new SampleMetadata(id, plant, m, f), new RegionMm(x0, y0, x1, y1));
        } catch (IllegalArgumentException e) {
            throw new ScanPlanException(where + ": " + e.getMessage(), e);
        }
    }

    private static GrainSizeFraction fraction(String where, String text) {
        String t = text == null ? "" : text.trim();
        for (GrainSizeFraction g : GrainSizeFraction.values()) {
            if (g.name().equalsIgnoreCase(t) || g.label().equalsIgnoreCase(t)) {
                return g;
            }
        }
        throw new ScanPlanException(where + ": fraction must be " + GrainSizeFraction.PLUS_100.label() + " or "
                + GrainSizeFraction.MINUS_100.label() + " (or PLUS_100 / MINUS_100), found '" + t + "'");
    }

    private static TrayLayout layout(Path file, String trayId, Double width, Double length, List<TraySlot> slots) {
        double w = width == null ? DEFAULT_TRAY_WIDTH_MM : width;
        // without a length, the tray ends 15 mm after its last sample, as the campaign's trays do
        double l = length == null ? slots.stream().mapToDouble(s -> s.region().y1()).max().orElse(0) + 15 : length;
        try {
            return new TrayLayout(trayId, w, l, slots);
        } catch (IllegalArgumentException e) {
            throw new ScanPlanException("scan plan " + file + ": " + e.getMessage(), e);
        }
    }
}
