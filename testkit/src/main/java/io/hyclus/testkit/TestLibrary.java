package io.hyclus.testkit;

import io.hyclus.core.library.LibraryLocator;
import io.hyclus.core.library.SpectralLibrary;

import java.nio.file.Path;
import java.util.Optional;

/** The shared spectral library (set by the build as {@code hyclus.library.dir}, else found beside the checkout). */
public final class TestLibrary {
    private static SpectralLibrary library;

    private TestLibrary() {
    }

    public static synchronized SpectralLibrary get() {
        if (library == null) {
            library = SpectralLibrary.open(LibraryLocator.locate(Optional.empty(), Path.of("")));
        }
        return library;
    }
}
