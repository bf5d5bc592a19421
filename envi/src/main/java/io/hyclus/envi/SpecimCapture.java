package io.hyclus.envi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A capture as Specim's software lays it out: {@code DIR/capture/NAME.hdr|.raw} (the scan),
 * {@code DIR/capture/DARKREF_NAME.hdr|.raw} (shutter closed) and {@code DIR/capture/WHITEREF_NAME.hdr|.raw} (white
 * panel).
 *
 * @param dir  the capture's folder, holding {@code capture/}
 * @param name the scan's base name
 */
public record SpecimCapture(Path dir, String name) {
    public static final String CAPTURE = "capture";
    public static final String DARK_PREFIX = "DARKREF_";
    public static final String WHITE_PREFIX = "WHITEREF_";

    public SpecimCapture {
        if (dir == null || name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("a capture needs a folder and a plain name: " + dir + ", " + name);
        }
    }

    /** Finds the one capture in {@code dir/capture/} and checks that its dark and white references are there. */
    public static SpecimCapture locate(Path dir) {
        Path cap = dir.resolve(CAPTURE);
        if (!Files.isDirectory(cap)) {
            throw new EnviException("no capture in " + dir + ": expected a folder " + cap + " (Specim layout)");
        }
        List<String> names;
        try (Stream<Path> files = Files.list(cap)) {
            names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".hdr"))
                    .filter(n -> !n.toUpperCase(Locale.ROOT).startsWith(DARK_PREFIX)
                            && !n.toUpperCase(Locale.ROOT).startsWith(WHITE_PREFIX))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new EnviException("cannot list capture folder " + cap + ": " + e.getMessage(), e);
        }
        if (names.size() != 1) {
            throw new EnviException("capture folder " + cap + " must hold one scan header besides DARKREF_ and "
                    + "WHITEREF_ ones, found " + (names.isEmpty() ? "none" : names));
        }
        SpecimCapture c = new SpecimCapture(dir, names.get(0));
        for (Path p : List.of(c.darkHeader(), c.whiteHeader())) {
            if (!Files.isRegularFile(p)) {
                throw new EnviException("capture " + c.dataHeader() + " has no reference " + p);
            }
        }
        return c;
    }

    public Path captureDir() {
        return dir.resolve(CAPTURE);
    }

    public Path dataHeader() {
        return captureDir().resolve(name + ".hdr");
    }

    public Path dataRaster() {
        return captureDir().resolve(name + ".raw");
    }

    public Path darkHeader() {
        return captureDir().resolve(DARK_PREFIX + name + ".hdr");
    }

    public Path darkRaster() {
        return captureDir().resolve(DARK_PREFIX + name + ".raw");
    }

    public Path whiteHeader() {
        return captureDir().resolve(WHITE_PREFIX + name + ".hdr");
    }

    public Path whiteRaster() {
        return captureDir().resolve(WHITE_PREFIX + name + ".raw");
    }

    /** Opens the scan's raster. */
    public EnviReader openData() {
        return EnviReader.open(dataHeader());
    }

    public EnviReader openDark() {
        return EnviReader.open(darkHeader());
    }

    public EnviReader openWhite() {
        return EnviReader.open(whiteHeader());
    }
}
