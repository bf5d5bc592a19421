package io.hyclus.simulator.scene;

import io.hyclus.core.library.LibraryEntry;
import io.hyclus.core.library.LibraryFormatException;
import io.hyclus.core.library.SpectralLibrary;
import io.hyclus.core.spectral.Resampler;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks, for a mineral and a grain-size fraction, the library spectrum the simulator uses, and resamples
 * it to a camera's bands. JPL spectra come in coarse (125-500 um), medium (45-125 um) and fine (0-45 um)
 * fractions of one sample: "Plus 100" takes coarse, "Minus 100" medium, else fine. Where the library
 * has no spectrum of the wanted size, the closest one is used and {@link Choice#sizeMatched()} is false,
 * so the caller can model the size effect itself.
 */
public final class EndmemberSpectra {
    /** The library spectrum chosen and its resampled reflectance on the grid. */
    public record Choice(LibraryEntry entry, double[] reflectance, boolean sizeMatched) {
    }

    private final SpectralLibrary library;
    private final Map<String, Choice> cache = new ConcurrentHashMap<>();

    public EndmemberSpectra(SpectralLibrary library) {
        this.library = library;
    }

    public SpectralLibrary library() {
        return library;
    }

    public Choice choose(String mineral, GrainSizeFraction fraction, WavelengthGrid grid) {
        String key = mineral.toLowerCase(java.util.Locale.ROOT) + "|" + fraction + "|" + grid.hashCode();
        return cache.computeIfAbsent(key, k -> pick(mineral, fraction, grid));
    }

    private Choice pick(String mineral, GrainSizeFraction fraction, WavelengthGrid grid) {
        List<LibraryEntry> all = library.find(mineral).stream()
                .filter(e -> covers(e, grid)).toList();
        if (all.isEmpty()) {
            throw new LibraryFormatException("no spectrum of '" + mineral + "' in " + library.dir()
                    + " covers " + grid.firstNm() + "-" + grid.lastNm() + " nm");
        }
        List<String> wanted = fraction == GrainSizeFraction.PLUS_100 ? List.of("125-500um")
                : List.of("45-125um", "0-45um");
        for (String size : wanted) {
            for (LibraryEntry e : all) {
                if (e.isJpl() && e.grainSize().equals(size)) {
                    return new Choice(e, Resampler.resample(library.spectrum(e), grid), true);
                }
            }
        }
        // No spectrum of the wanted size: prefer JPL (measured 0.4-2.5 um), then the finest-sampled USGS one.
        LibraryEntry best = all.stream().min(Comparator.comparing((LibraryEntry e) -> !e.isJpl())
                .thenComparing(e -> -e.channels())).orElseThrow();
        return new Choice(best, Resampler.resample(library.spectrum(best), grid), false);
    }

    private boolean covers(LibraryEntry e, WavelengthGrid grid) {
        var s = library.spectrum(e);
        return s.firstNm() <= grid.firstNm() && s.lastNm() >= grid.lastNm();
    }
}
