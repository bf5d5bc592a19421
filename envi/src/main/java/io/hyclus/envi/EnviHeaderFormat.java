package io.hyclus.envi;

import io.hyclus.core.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes ENVI headers ({@code .hdr}). Parsing follows the ENVI header documentation and what camera
 * software writes in practice: the first line is {@code ENVI}; fields are {@code key = value}, keys and keyword values
 * in any case; a value opened with <code>{</code> may run over several lines until <code>}</code>; lines starting
 * with {@code ;} are comments. {@code wavelength} and {@code fwhm} are converted to nanometres from
 * {@code wavelength units} (nanometers / nm, micrometers / microns / um / µm); without units (or {@code Unknown}),
 * values all below {@value #MICROMETRE_GUESS_LIMIT} are taken as micrometres, else as nanometres.
 */
public final class EnviHeaderFormat {
    /** Without units, wavelengths all below this are micrometres (no camera sees below 30 nm, none beyond 30 µm). */
    static final double MICROMETRE_GUESS_LIMIT = 30;

    private static final Set<String> KNOWN = Set.of("samples", "lines", "bands", "header offset", "data type",
            "interleave", "byte order", "wavelength", "fwhm", "wavelength units", "default bands", "description",
            "file type");

    private EnviHeaderFormat() {
    }

    /** Reads the header file. */
    public static EnviHeader read(Path hdr) {
        String text;
        try {
            text = decode(Files.readAllBytes(hdr));
        } catch (IOException e) {
            throw new EnviException("cannot read ENVI header " + hdr + ": " + e.getMessage(), e);
        }
        return parse(text, hdr.toString());
    }

    /** UTF-8 when the bytes are valid UTF-8 (a {@code µm} unit), else ISO-8859-1 as older software writes. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Parses header text; {@code source} names it in error messages. */
    public static EnviHeader parse(String text, String source) {
        Map<String, Field> raw = fields(text, source);
        String w = source;
        int samples = (int) integer(raw, "samples", w, 1, Integer.MAX_VALUE);
        long lines = integer(raw, "lines", w, 0, Long.MAX_VALUE);
        int bands = (int) integer(raw, "bands", w, 1, Integer.MAX_VALUE);
        long offset = raw.containsKey("header offset") ? integer(raw, "header offset", w, 0, Long.MAX_VALUE) : 0;
        EnviDataType type = EnviDataType.ofCode(required(raw, "data type", w).value, where(w, raw.get("data type")));
        Interleave interleave = Interleave.parse(required(raw, "interleave", w).value, where(w, raw.get("interleave")));
        EnviByteOrder order = EnviByteOrder.ofCode(required(raw, "byte order", w).value, where(w, raw.get("byte order")));
        double[] wl = numbers(raw.get("wavelength"), w, bands);
        double[] fwhm = numbers(raw.get("fwhm"), w, bands);
        double toNm = nanometresPer(raw.get("wavelength units"), wl, w);
        scale(wl, toNm);
        scale(fwhm, toNm);
        int[] defaults = defaultBands(raw.get("default bands"), w, bands);
        Map<String, String> other = new LinkedHashMap<>();
        raw.forEach((k, f) -> {
            if (!KNOWN.contains(k)) {
                other.put(k, f.value);
            }
        });
        String description = raw.containsKey("description") ? raw.get("description").value : "";
        try {
            return new EnviHeader(samples, lines, bands, offset, type, interleave, order, wl, fwhm, defaults,
                    description, other);
        } catch (IllegalArgumentException e) {
            throw new EnviFormatException(w + ": " + e.getMessage());
        }
    }

    /** The header text HyClus writes: shape and encoding first, then the spectral axis, then the other fields. */
    public static String format(EnviHeader h) {
        StringBuilder b = new StringBuilder("ENVI\n");
        if (!h.description().isEmpty()) {
            b.append("description = {").append(h.description()).append("}\n");
        }
        b.append("samples = ").append(h.samples()).append('\n');
        b.append("lines = ").append(h.lines()).append('\n');
        b.append("bands = ").append(h.bands()).append('\n');
        b.append("header offset = ").append(h.headerOffset()).append('\n');
        b.append("file type = ENVI Standard\n");
        b.append("data type = ").append(h.dataType().code()).append('\n');
        b.append("interleave = ").append(h.interleave().headerValue()).append('\n');
        b.append("byte order = ").append(h.byteOrder().code()).append('\n');
        if (h.hasWavelengths()) {
            b.append("wavelength units = Nanometers\n");
            list(b, "wavelength", h.wavelengthNm());
            if (h.hasFwhm()) {
                list(b, "fwhm", h.fwhmNm());
            }
        }
        int[] defaults = h.defaultBands();
        if (defaults.length > 0) {
            b.append("default bands = {");
            for (int i = 0; i < defaults.length; i++) {
                b.append(i == 0 ? "" : ", ").append(defaults[i]);
            }
            b.append("}\n");
        }
        h.fields().forEach((k, v) -> {
            if (!KNOWN.contains(k)) {
                b.append(k).append(" = ").append(v.contains(",") || v.contains(" ") ? "{" + v + "}" : v).append('\n');
            }
        });
        return b.toString();
    }

    /** Writes the header through a temporary file and a rename. */
    public static void write(Path hdr, EnviHeader h) {
        try {
            AtomicFiles.write(hdr, format(h).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ENVI header " + hdr + ": " + e.getMessage(), e);
        }
    }

    private static void list(StringBuilder b, String key, double[] v) {
        b.append(key).append(" = {");
        for (int i = 0; i < v.length; i++) {
            b.append(i % 8 == 0 ? "\n  " : " ").append(v[i]).append(i < v.length - 1 ? "," : "");
        }
        b.append("}\n");
    }

    /** A field's value and the header line it starts on (1-based). */
    private record Field(String value, int line) {
    }

    private static Map<String, Field> fields(String text, String source) {
        String[] lines = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i == lines.length || !lines[i].trim().equalsIgnoreCase("ENVI")) {
            throw new EnviFormatException(source + ": not an ENVI header (the first line must be 'ENVI', found '"
                    + (i < lines.length ? abbreviate(lines[i]) : "") + "')");
        }
        Map<String, Field> out = new LinkedHashMap<>();
        for (i++; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new EnviFormatException(source + " line " + (i + 1) + ": expected 'key = value', found '"
                        + abbreviate(line) + "'");
            }
            String key = line.substring(0, eq).trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).trim();
            int start = i;
            if (value.startsWith("{")) {
                StringBuilder v = new StringBuilder(value.substring(1));
                while (v.indexOf("}") < 0) {
                    if (++i == lines.length) {
                        throw new EnviFormatException(source + " line " + (start + 1) + ": the '{' of '" + key
                                + "' is never closed");
                    }
                    v.append(' ').append(lines[i].trim());
                }
                value = v.substring(0, v.indexOf("}")).trim();
            }
            out.put(key, new Field(value.replaceAll("\\s+", " "), start + 1));
        }
        return out;
    }

    private static Field required(Map<String, Field> raw, String key, String source) {
        Field f = raw.get(key);
        if (f == null) {
            throw new EnviFormatException(source + ": required field '" + key + "' is missing");
        }
        return f;
    }

    private static String where(String source, Field f) {
        return source + " line " + f.line;
    }

    private static long integer(Map<String, Field> raw, String key, String source, long min, long max) {
        Field f = required(raw, key, source);
        long v;
        try {
            v = Long.parseLong(f.value.trim());
        } catch (NumberFormatException e) {
            throw new EnviFormatException(where(source, f) + ": '" + key + "' must be an integer: '" + f.value + "'");
        }
        if (v < min || v > max) {
            throw new EnviFormatException(where(source, f) + ": '" + key + "' must be " + min + "-" + max + ": " + v);
        }
        return v;
    }

    private static double[] numbers(Field f, String source, int bands) {
        if (f == null || f.value.isBlank()) {
            return new double[0];
        }
        String[] parts = f.value.split("\\s*,\\s*");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new EnviFormatException(where(source, f) + ": value " + (i + 1) + " is not a number: '"
                        + abbreviate(parts[i]) + "'");
            }
        }
        if (out.length != bands) {
            throw new EnviFormatException(where(source, f) + ": " + out.length + " values for " + bands + " bands");
        }
        return out;
    }

    private static double nanometresPer(Field units, double[] wl, String source) {
        String u = units == null ? "" : units.value.trim().toLowerCase(Locale.ROOT);
        switch (u) {
            case "nanometers", "nanometres", "nanometer", "nanometre", "nm":
                return 1;
            case "micrometers", "micrometres", "micrometer", "micrometre", "microns", "micron", "um", "\u00b5m", "\u03bcm":
                return 1000;
            case "millimeters", "millimetres", "mm":
                return 1e6;
            case "", "unknown":
                double max = 0;
                for (double v : wl) {
                    max = Math.max(max, v);
                }
                return wl.length > 0 && max < MICROMETRE_GUESS_LIMIT ? 1000 : 1;
            default:
                if (wl.length == 0) {
                    return 1;
                }
                throw new EnviFormatException(where(source, units) + ": wavelength units '" + units.value
                        + "' are not a length HyClus knows (nanometers, micrometers, millimeters)");
        }
    }

    private static void scale(double[] v, double factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }

    private static int[] defaultBands(Field f, String source, int bands) {
        if (f == null || f.value.isBlank()) {
            return new int[0];
        }
        List<Integer> out = new ArrayList<>();
        for (String p : f.value.split("\\s*,\\s*")) {
            int b;
            try {
                b = (int) Math.round(Double.parseDouble(p.trim()));
            } catch (NumberFormatException e) {
                throw new EnviFormatException(where(source, f) + ": default band '" + p + "' is not a number");
            }
            if (b < 1 || b > bands) {
                throw new EnviFormatException(where(source, f) + ": default band " + b + " is not a band 1-" + bands);
            }
            out.add(b);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
