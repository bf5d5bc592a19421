package io.hyclus.simulator.spectra;

import io.hyclus.core.library.LibraryFormatException;
import io.hyclus.core.library.SpectralLibrary;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The mineral spectra shipped inside HyClus: the public USGS splib07a and JPL (ASTER 2.0) files, byte for byte,
 * with their README (source, citation, licence) beside them under {@code io/hyclus/simulator/spectra/}. Found on
 * the class path, so a jar or a clone needs no flag, environment variable or folder beside it.
 */
public final class BundledLibrary {
    /** What provenance calls the bundled library (its content hash tells versions apart). */
    public static final String NAME = "bundled:usgs-splib07a+jpl-aster2";
    private static final String RESOURCE = "io/hyclus/simulator/spectra/index.csv";
    private static SpectralLibrary bundled;

    private BundledLibrary() {
    }

    /** The bundled library; opened once per class loader, its spectra cached as they are read. */
    public static synchronized SpectralLibrary open() {
        if (bundled == null) {
            bundled = SpectralLibrary.open(folder(), NAME);
        }
        return bundled;
    }

    /** The library in {@code dir} if one is given (e.g. {@code --library DIR}), else the bundled one. */
    public static SpectralLibrary openOrBundled(Optional<Path> dir) {
        return dir.isPresent() ? SpectralLibrary.open(dir.get()) : open();
    }

    private static Path folder() {
        URL url = BundledLibrary.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new LibraryFormatException("the bundled spectral library (" + RESOURCE + ") is not on the class path: "
                    + "the hyclus-simulator jar is incomplete; pass --library DIR to use another library");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // another caller opened the jar's file system first: Path.of finds it
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new LibraryFormatException("cannot open the bundled spectral library at " + url + ": " + e.getMessage(), e);
        }
    }
}
