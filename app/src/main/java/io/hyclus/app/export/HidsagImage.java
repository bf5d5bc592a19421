package io.hyclus.app.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyclus.acquisition.sync.ScanKeys;
import io.hyclus.container.CameraSpectra;
import io.hyclus.container.HsiCube;
import io.hyclus.container.SampleSpectra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a crop's {@code images} in HIDSAG's {@code metadata.json}, built from a container's camera and the
 * provenance the acquisition recorded. A value HyClus does not record is written as {@code null} with a note saying
 * which provenance key was missing. Units and the mapping: {@code docs/hidsag-export.md}.
 */
final class HidsagImage {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The legacy line pitch key of format /1 files, mm. */
    static final String LINE_PITCH_MM_V1 = "scan.line_pitch_mm";

    private HidsagImage() {
    }

    static ObjectNode entry(SampleSpectra s, CameraSpectra cam, HsiCube cube, String pathHsi, String wavelengthsKey) {
        List<String> notes = new ArrayList<>();
        ObjectNode e = JSON.objectNode();
        e.put("path_hsi", pathHsi);
        e.putArray("image_dims").add(cube.rows()).add(cube.columns()).add(cube.bands());
        OptionalDouble linePitch = linePitchMm(s, notes);
        OptionalDouble pixelPitch = pixelPitchMm(cam, notes);
        var real = e.putArray("real_dims");
        addOrNull(real, linePitch, cube.rows());
        addOrNull(real, pixelPitch, cube.columns());
        Optional<String> settings = Optional.ofNullable(s.provenance().get(ScanKeys.CAMERA.name() + "." + cam.sensorId()));
        if (settings.isEmpty()) {
            notes.add("binning, sample_frequency, integration_time: the container records no "
                    + ScanKeys.CAMERA.name() + "." + cam.sensorId());
        }
        ObjectNode binning = e.putObject("binning");
        putInt(binning, "spatial", settings, "spatialBinning", notes);
        putInt(binning, "spectral", settings, "spectralBinning", notes);
        putNumber(e, "sample_frequency", settings.flatMap(t -> field(t, "frameRateHz", notes)), 1.0);
        putNumber(e, "integration_time", settings.flatMap(t -> field(t, "integrationMicros", notes)), 1000.0);
        putNumber(e, "dolly_speed", number(s, ScanKeys.BELT_SPEED_MM_S.name(), notes), 1.0);
        e.put("sensor", cam.kind().name());
        e.put("sensor_id", cam.sensorId());
        e.put("wavelengths", wavelengthsKey);
        e.put("spectra", cam.size());
        e.put("first_line_index", cube.firstLine());
        e.put("first_pixel_index", cube.firstPixel());
        var n = e.putArray("notes");
        notes.forEach(n::add);
        return e;
    }

    private static void addOrNull(com.fasterxml.jackson.databind.node.ArrayNode a, OptionalDouble pitch, int count) {
        if (pitch.isPresent()) {
            a.add(Math.round(pitch.getAsDouble() * count * 1000.0) / 1000.0);     // to the micrometre
        } else {
            a.addNull();
        }
    }

    /** Along the belt: the scan's line pitch ({@code scan.line_pitch_um}, or format /1's {@code scan.line_pitch_mm}). */
    static OptionalDouble linePitchMm(SampleSpectra s, List<String> notes) {
        Optional<Double> um = number(s, ScanKeys.LINE_PITCH_UM.name(), List.of());
        if (um.isPresent()) {
            return OptionalDouble.of(um.get() / 1000.0);
        }
        Optional<Double> mm = number(s, LINE_PITCH_MM_V1, List.of());
        if (mm.isPresent()) {
            return OptionalDouble.of(mm.get());
        }
        notes.add("real_dims[0]: the container records no " + ScanKeys.LINE_PITCH_UM.name());
        return OptionalDouble.empty();
    }

    /** Across the belt: from the tray positions of two spectra at different camera pixels. */
    static OptionalDouble pixelPitchMm(CameraSpectra c, List<String> notes) {
        for (int i = 1; i < c.size(); i++) {
            if (c.pixelIndex()[i] != c.pixelIndex()[0]) {
                return OptionalDouble.of(Math.abs((c.positionMm()[i][0] - c.positionMm()[0][0])
                        / (c.pixelIndex()[i] - c.pixelIndex()[0])));
            }
        }
        notes.add("real_dims[1]: the spectra cover one camera pixel, the pixel pitch is unknown");
        return OptionalDouble.empty();
    }

    private static Optional<Double> number(SampleSpectra s, String key, List<String> notes) {
        String v = s.provenance().get(key);
        if (v == null) {
            notes.add(key + ": not in the container's provenance");
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(v.trim()));
        } catch (NumberFormatException ex) {
            notes.add(key + ": '" + v + "' is not a number");
            return Optional.empty();
        }
    }

    /** {@code name=value} inside the camera settings the acquisition recorded as text. */
    private static Optional<Double> field(String settings, String name, List<String> notes) {
        Matcher m = Pattern.compile("\\b" + name + "=([-+0-9.eE]+)").matcher(settings);
        if (!m.find()) {
            notes.add(name + ": not in the recorded camera settings");
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(m.group(1)));
    }

    private static void putInt(ObjectNode o, String field, Optional<String> settings, String name, List<String> notes) {
        Optional<Double> v = settings.flatMap(t -> field(t, name, notes));
        if (v.isPresent()) {
            o.put(field, v.get().intValue());
        } else {
            o.putNull(field);
        }
    }

    private static void putNumber(ObjectNode o, String field, Optional<Double> v, double divisor) {
        if (v.isPresent()) {
            o.put(field, v.get() / divisor);
        } else {
            o.putNull(field);
        }
    }
}
