package io.hyclus.core.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the spectral library folder: an explicit path if given, else the {@code hyclus.library.dir}
 * system property, else the {@code HYCLUS_LIBRARY} environment variable, else the first
 * {@code shared/data/usgs} beside the working directory or one of its parents (the layout of a
 * HyClus checkout next to {@code shared/}).
 */
public final class LibraryLocator {
    private LibraryLocator() {
    }

    public static Path locate(Optional<Path> explicit, Path workingDir) {
        List<Path> tried = new ArrayList<>();
        if (explicit.isPresent()) {
            return check(explicit.get(), tried).orElseThrow(() -> notFound(tried));
        }
        String prop = System.getProperty("hyclus.library.dir");
        String env = System.getenv("HYCLUS_LIBRARY");
        for (String s : new String[] {prop, env}) {
            if (s != null && !s.isBlank()) {
                return check(Path.of(s), tried).orElseThrow(() -> notFound(tried));
            }
        }
        for (Path p = workingDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Optional<Path> found = check(p.resolve("shared/data/usgs"), tried);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw notFound(tried);
    }

    private static Optional<Path> check(Path candidate, List<Path> tried) {
        tried.add(candidate);
        return Files.isRegularFile(candidate.resolve("index.csv")) ? Optional.of(candidate.toAbsolutePath().normalize())
                : Optional.empty();
    }

    private static LibraryFormatException notFound(List<Path> tried) {
        return new LibraryFormatException("no spectral library (a folder with index.csv) found; tried " + tried
                + ". Pass --library DIR, or set hyclus.library.dir or HYCLUS_LIBRARY.");
    }
}
