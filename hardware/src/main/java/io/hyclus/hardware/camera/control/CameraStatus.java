package io.hyclus.hardware.camera.control;

import io.hyclus.hardware.camera.CameraSettings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a {@code STAT?} reply:
 * {@code INT=<us> FPS=<hz> BINS=<n> BINX=<n> ROI=<first>,<pixels> SHUT=OPEN|CLOSED ACQ=RUNNING|STOPPED}.
 */
public final class CameraStatus {
    private CameraStatus() {
    }

    public static List<String> format(CameraSettings s) {
        return List.of("INT=" + s.integrationMicros(), "FPS=" + CameraCommand.formatHz(s.frameRateHz()),
                "BINS=" + s.spectralBinning(), "BINX=" + s.spatialBinning(),
                "ROI=" + s.roiFirstPixel() + "," + s.roiPixels(), "SHUT=" + (s.shutterOpen() ? "OPEN" : "CLOSED"),
                "ACQ=" + (s.acquiring() ? "RUNNING" : "STOPPED"));
    }

    /**
     * @throws IllegalArgumentException for a missing, repeated or malformed field, or settings the record refuses
     */
    public static CameraSettings parse(List<String> values) {
        Map<String, String> fields = new HashMap<>();
        for (String value : values) {
            String[] kv = value.split("=", 2);
            if (kv.length != 2 || fields.put(kv[0], kv[1]) != null) {
                throw new IllegalArgumentException("status field must be KEY=value, once each: '" + value + "'");
            }
        }
        String[] roi = field(fields, "ROI").split(",");
        if (roi.length != 2) {
            throw new IllegalArgumentException("status ROI must be first,pixels: '" + field(fields, "ROI") + "'");
        }
        return new CameraSettings(Integer.parseInt(field(fields, "INT")),
                Double.parseDouble(field(fields, "FPS")), Integer.parseInt(field(fields, "BINS")),
                Integer.parseInt(field(fields, "BINX")), Integer.parseInt(roi[0]), Integer.parseInt(roi[1]),
                keyword(fields, "SHUT", "OPEN", "CLOSED"), keyword(fields, "ACQ", "RUNNING", "STOPPED"));
    }

    private static String field(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("status lacks " + key + ": " + fields);
        }
        return value;
    }

    private static boolean keyword(Map<String, String> fields, String key, String yes, String no) {
        String value = field(fields, key);
        if (!value.equals(yes) && !value.equals(no)) {
            throw new IllegalArgumentException("status " + key + " must be " + yes + " or " + no + ": '" + value + "'");
        }
        return value.equals(yes);
    }
}
