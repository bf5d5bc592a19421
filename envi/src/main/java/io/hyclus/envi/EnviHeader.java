package io.hyclus.envi;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An ENVI header as HyClus uses it: the raster's shape and encoding, its spectral axis and every other field.
 *
 * @param samples      pixels across a line, &gt;= 1
 * @param lines        lines, &gt;= 0
 * @param bands        bands, &gt;= 1
 * @param headerOffset bytes before the first value in the raster file
 * @param wavelengthNm band centres in nanometres (converted from the header's {@code wavelength units}); empty when
 *                     the header has none, else one per band
 * @param fwhmNm       band widths in nanometres; empty or one per band
 * @param defaultBands the header's {@code default bands} (1-based band numbers, as ENVI counts them); may be empty
 * @param description  the {@code description}, "" if none
 * @param fields       every other field, keyed by its lower-case name with single spaces, value as written (braces
 *                     removed, lines joined with single spaces), in header order
 */
public record EnviHeader(int samples, long lines, int bands, long headerOffset, EnviDataType dataType,
                         Interleave interleave, EnviByteOrder byteOrder, double[] wavelengthNm, double[] fwhmNm,
                         int[] defaultBands, String description, Map<String, String> fields) {

    public EnviHeader {
        if (samples < 1 || bands < 1 || lines < 0) {
            throw new IllegalArgumentException("ENVI raster needs samples >= 1, bands >= 1, lines >= 0: samples "
                    + samples + ", bands " + bands + ", lines " + lines);
        }
        if (headerOffset < 0) {
            throw new IllegalArgumentException("header offset must not be negative: " + headerOffset);
        }
        if (dataType == null || interleave == null || byteOrder == null) {
            throw new IllegalArgumentException("data type, interleave and byte order are required");
        }
        wavelengthNm = wavelengthNm == null ? new double[0] : wavelengthNm.clone();
        fwhmNm = fwhmNm == null ? new double[0] : fwhmNm.clone();
        defaultBands = defaultBands == null ? new int[0] : defaultBands.clone();
        checkPerBand("wavelength", wavelengthNm, bands);
        checkPerBand("fwhm", fwhmNm, bands);
        for (int b : defaultBands) {
            if (b < 1 || b > bands) {
                throw new IllegalArgumentException("default band " + b + " is not a band 1-" + bands);
            }
        }
        description = description == null ? "" : description;
        checkValue("description", description);
        Map<String, String> f = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((k, v) -> {
                String key = normaliseKey(k);
                checkValue(key, v);
                f.put(key, v);
            });
        }
        fields = Collections.unmodifiableMap(f);
    }

    /** A header with no spectral axis, description or extra fields. */
    public static EnviHeader of(int samples, long lines, int bands, EnviDataType type, Interleave interleave,
                                EnviByteOrder order) {
        return new EnviHeader(samples, lines, bands, 0, type, interleave, order, null, null, null, "", Map.of());
    }

    private static void checkPerBand(String what, double[] v, int bands) {
        if (v.length != 0 && v.length != bands) {
            throw new IllegalArgumentException(what + " lists " + v.length + " values for " + bands + " bands");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i]) || v[i] <= 0) {
                throw new IllegalArgumentException(what + " must be positive and finite: " + v[i] + " nm at band " + i);
            }
        }
    }

    private static void checkValue(String key, String v) {
        if (v == null || v.indexOf('{') >= 0 || v.indexOf('}') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("ENVI field '" + key + "' must be one line without braces: " + v);
        }
    }

    /** Lower case, single spaces: how HyClus keys every field, so look-ups are case-insensitive. */
    static String normaliseKey(String key) {
        String k = key.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (k.isEmpty() || k.contains("=")) {
            throw new IllegalArgumentException("ENVI field name must be non-empty without '=': '" + key + "'");
        }
        return k;
    }

    @Override
    public double[] wavelengthNm() {
        return wavelengthNm.clone();
    }

    @Override
    public double[] fwhmNm() {
        return fwhmNm.clone();
    }

    @Override
    public int[] defaultBands() {
        return defaultBands.clone();
    }

    public boolean hasWavelengths() {
        return wavelengthNm.length > 0;
    }

    public boolean hasFwhm() {
        return fwhmNm.length > 0;
    }

    /** Another field, any case. */
    public Optional<String> field(String key) {
        return Optional.ofNullable(fields.get(normaliseKey(key)));
    }

    /** Values in the raster: samples x lines x bands. */
    public long values() {
        return (long) samples * lines * bands;
    }

    /** Bytes of one line (all bands). */
    public long lineBytes() {
        return (long) samples * bands * dataType.bytes();
    }

    /** Bytes the raster file needs: the offset and every value. */
    public long rasterBytes() {
        return headerOffset + values() * dataType.bytes();
    }

    public EnviHeader withLines(long n) {
        return new EnviHeader(samples, n, bands, headerOffset, dataType, interleave, byteOrder, wavelengthNm, fwhmNm,
                defaultBands, description, fields);
    }

    /** @param fwhm band widths in nm, or empty */
    public EnviHeader withWavelengths(double[] centresNm, double[] fwhm) {
        return new EnviHeader(samples, lines, bands, headerOffset, dataType, interleave, byteOrder, centresNm, fwhm,
                defaultBands, description, fields);
    }

    public EnviHeader withDefaultBands(int... oneBased) {
        return new EnviHeader(samples, lines, bands, headerOffset, dataType, interleave, byteOrder, wavelengthNm, fwhmNm,
                oneBased, description, fields);
    }

    public EnviHeader withDescription(String text) {
        return new EnviHeader(samples, lines, bands, headerOffset, dataType, interleave, byteOrder, wavelengthNm, fwhmNm,
                defaultBands, text, fields);
    }

    public EnviHeader withHeaderOffset(long bytes) {
        return new EnviHeader(samples, lines, bands, bytes, dataType, interleave, byteOrder, wavelengthNm, fwhmNm,
                defaultBands, description, fields);
    }

    public EnviHeader withDataType(EnviDataType t) {
        return new EnviHeader(samples, lines, bands, headerOffset, t, interleave, byteOrder, wavelengthNm, fwhmNm,
                defaultBands, description, fields);
    }

    /** This header with one more field (or a new value for it). */
    public EnviHeader withField(String key, String value) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        f.put(normaliseKey(key), value);
        return new EnviHeader(samples, lines, bands, headerOffset, dataType, interleave, byteOrder, wavelengthNm, fwhmNm,
                defaultBands, description, f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnviHeader h && samples == h.samples && lines == h.lines && bands == h.bands
                && headerOffset == h.headerOffset && dataType == h.dataType && interleave == h.interleave
                && byteOrder == h.byteOrder && Arrays.equals(wavelengthNm, h.wavelengthNm)
                && Arrays.equals(fwhmNm, h.fwhmNm) && Arrays.equals(defaultBands, h.defaultBands)
                && description.equals(h.description) && fields.equals(h.fields);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(samples, lines, bands, dataType, interleave, byteOrder,
                Arrays.hashCode(wavelengthNm), fields);
    }

    @Override
    public String toString() {
        return "EnviHeader[" + samples + " samples x " + lines + " lines x " + bands + " bands, " + dataType + ", "
                + interleave + ", " + byteOrder + ", offset " + headerOffset + ", "
                + (hasWavelengths() ? wavelengthNm.length + " wavelengths" : "no wavelengths") + ", " + fields.size()
                + " other fields]";
    }
}
