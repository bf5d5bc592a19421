package io.hyclus.core.library;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.Spectrum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mineral spectra library in a folder holding {@code index.csv}. Spectra are read on first use and
 * cached; wavelengths come back in nanometres and reflectance on a 0-1 scale, with deleted channels
 * (USGS marker -1.23e34) dropped. Thread-safe.
 */
public final class SpectralLibrary {
    private static final double DELETED_BELOW = -1e30;

    private final Path dir;
    private final String name;
    private final List<LibraryEntry> entries;
    private volatile String contentHash;
    private final Map<String, Spectrum> spectra = new ConcurrentHashMap<>();
    private final Map<String, double[]> wavelengthFiles = new ConcurrentHashMap<>();

    private SpectralLibrary(Path dir, String name, List<LibraryEntry> entries) {
        this.dir = dir;
        this.name = name;
        this.entries = List.copyOf(entries);
    }

    /** Opens the library in {@code dir}, reading its index; its name is the folder's name. */
    public static SpectralLibrary open(Path dir) {
        Path leaf = dir.toAbsolutePath().normalize().getFileName();
        return open(dir, leaf == null ? "library" : leaf.toString());
    }

    /**
     * Opens the library in {@code dir} (any file system: a folder, or a folder inside a jar), reading its index.
     *
     * @param name what provenance calls the library, instead of a machine's path
     */
    public static SpectralLibrary open(Path dir, String name) {
        Checks.notBlank("library name", name);
        Path index = dir.resolve("index.csv");
        if (!Files.isRegularFile(index)) {
            throw new LibraryFormatException("no spectral library in " + dir + ": " + index.getFileName()
                    + " not found (a library folder holds index.csv and the files it lists)");
        }
        List<String> lines = readLines(index);
        if (lines.isEmpty()) {
            throw new LibraryFormatException(index + " is empty: expected a header line and one row per spectrum");
        }
        List<LibraryEntry> entries = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            entries.add(parseRow(index, n + 1, line));
        }
        return new SpectralLibrary(dir, name, entries);
    }

    public Path dir() {
        return dir;
    }

    /** What provenance calls this library: {@code bundled:...} or the folder's name, never a machine's path. */
    public String name() {
        return name;
    }

    /**
     * SHA-256 (hex) over {@code index.csv} and every file it lists, spectra and wavelength files, in index order:
     * two libraries with the same hash hold the same bytes. Computed once, on first call.
     */
    public String contentHash() {
        String h = contentHash;
        if (h == null) {
            h = LibraryHash.of(dir, entries);
            contentHash = h;
        }
        return h;
    }

    public List<LibraryEntry> entries() {
        return entries;
    }

    /** Entries whose mineral name equals {@code mineral}, ignoring case, in index order. */
    public List<LibraryEntry> find(String mineral) {
        return entries.stream().filter(e -> e.mineral().equalsIgnoreCase(mineral)).toList();
    }

    /** The entry for a file path relative to the library folder. */
    public LibraryEntry entry(String file) {
        return entries.stream().filter(e -> e.file().equals(file)).findFirst()
                .orElseThrow(() -> new LibraryFormatException("no spectrum '" + file + "' in " + dir.resolve("index.csv")));
    }

    /** The spectrum of an entry, wavelengths in nm, reflectance 0-1. */
    public Spectrum spectrum(LibraryEntry entry) {
        return spectra.computeIfAbsent(entry.file(), f -> entry.isJpl() ? readJpl(entry) : readUsgs(entry));
    }

    private Spectrum readUsgs(LibraryEntry e) {
        Path file = dir.resolve(e.file());
        List<String> lines = readLines(file);
        double[] nm = wavelengthFiles.computeIfAbsent(e.wavelengthFile(), w -> readWavelengthFile(dir.resolve(w)));
        if (lines.size() - 1 != nm.length) {
            throw new LibraryFormatException(file + " has " + (lines.size() - 1) + " values but its wavelength file "
                    + e.wavelengthFile() + " has " + nm.length);
        }
        double[] w = new double[nm.length];
        double[] r = new double[nm.length];
        int n = 0;
        for (int i = 0; i < nm.length; i++) {
            double v = parse(file, i + 2, lines.get(i + 1).trim());
            if (v > DELETED_BELOW) {
                w[n] = nm[i];
                r[n++] = v;
            }
        }
        return trimmed(w, r, n, file);
    }

    private Spectrum readJpl(LibraryEntry e) {
        Path file = dir.resolve(e.file());
        List<String> lines = readLines(file);
        double[] w = new double[lines.size()];
        double[] r = new double[lines.size()];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] tok = lines.get(i).trim().split("\\s+");
            if (tok.length != 2 || !looksNumeric(tok[0])) {
                continue;
            }
            w[n] = parse(file, i + 1, tok[0]) * 1000.0;
            r[n++] = parse(file, i + 1, tok[1]) / 100.0;
        }
        return trimmed(w, r, n, file);
    }

    private static Spectrum trimmed(double[] w, double[] r, int n, Path file) {
        if (n < 2) {
            throw new LibraryFormatException(file + " holds fewer than 2 valid channels");
        }
        double[] ww = java.util.Arrays.copyOf(w, n);
        double[] rr = java.util.Arrays.copyOf(r, n);
        try {
            return new Spectrum(ww, rr);
        } catch (IllegalArgumentException ex) {
            throw new LibraryFormatException(file + ": " + ex.getMessage(), ex);
        }
    }

    private static double[] readWavelengthFile(Path file) {
        List<String> lines = readLines(file);
        double[] nm = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            nm[i - 1] = parse(file, i + 1, lines.get(i).trim()) * 1000.0;
        }
        return nm;
    }

    private static boolean looksNumeric(String s) {
        char c = s.charAt(0);
        return Character.isDigit(c) || c == '.' || c == '-';
    }

    private static double parse(Path file, int lineNo, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException ex) {
            throw new LibraryFormatException(file + " line " + lineNo + ": expected a number, found '" + text + "'", ex);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                    .map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l).toList();
        } catch (NoSuchFileException ex) {
            throw new LibraryFormatException("spectral library file not found: " + file, ex);
        } catch (IOException ex) {
            throw new LibraryFormatException("cannot read spectral library file " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static LibraryEntry parseRow(Path index, int lineNo, String line) {
        List<String> f = CsvRow.split(line);
        if (f.size() != 10) {
            throw new LibraryFormatException(index + " line " + lineNo + ": expected 10 fields, found " + f.size());
        }
        try {
            return new LibraryEntry(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5),
                    Integer.parseInt(f.get(6)), Integer.parseInt(f.get(7)), f.get(8).toLowerCase(Locale.ROOT), f.get(9));
        } catch (IllegalArgumentException ex) {
            throw new LibraryFormatException(index + " line " + lineNo + ": " + ex.getMessage(), ex);
        }
    }
}
