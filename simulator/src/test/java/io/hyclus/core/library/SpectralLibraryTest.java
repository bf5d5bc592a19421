package io.hyclus.core.library;

import io.hyclus.core.spectral.Spectrum;
import io.hyclus.simulator.spectra.BundledLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectralLibraryTest {
    private static final SpectralLibrary LIB = BundledLibrary.open();

    @Test
    void index_readsEveryRowWithQuotedCommas() {
        assertEquals(719, LIB.entries().size());
        LibraryEntry e = LIB.entry("ASTER_JPL_beckman/jpl.beckman.mineral.arsenate.none.coarse.a02.spectrum.txt");
        assertEquals("Scorodite", e.mineral());
        assertEquals("125-500um", e.grainSize());
        assertTrue(e.isJpl());
    }

    @Test
    void jplSpectrum_percentToFraction_micronsToNm() {
        Spectrum s = LIB.spectrum(LIB.entry("ASTER_JPL_beckman/jpl.beckman.mineral.arsenate.none.coarse.a02.spectrum.txt"));
        assertEquals(826, s.size());
        assertEquals(400.0, s.firstNm(), 1e-9);
        assertEquals(2500.0, s.lastNm(), 1e-9);
        assertEquals(0.0737, s.valueAt(400), 1e-12);
        assertEquals(0.0336, s.valueAt(2500), 1e-12);
    }

    @Test
    void usgsSpectrum_dropsDeletedChannels() {
        Spectrum s = LIB.spectrum(LIB.entry("splib07a/ChapterM_Minerals/splib07a_Actinolite_HS116.3B_BECKb_AREF.txt"));
        // 480 Beckman channels, the first (205.1 nm) marked deleted with -1.23e34.
        assertEquals(479, s.size());
        assertEquals(213.1, s.firstNm(), 1e-3);
    }

    @Test
    void usgsAsdSpectrum_onOneNmGrid() {
        Spectrum s = LIB.spectrum(LIB.entry("splib07a/ChapterM_Minerals/splib07a_Actinolite_HS116.1B_ASDFRb_AREF.txt"));
        assertEquals(2151, s.size());
        assertEquals(350.0, s.firstNm(), 1e-3);
        assertEquals(0.33080488, s.valueAt(350), 1e-6);
    }

    @Test
    void find_isCaseInsensitive() {
        assertFalse(LIB.find("chalcopyrite").isEmpty());
        assertTrue(LIB.find("unobtainium").isEmpty());
    }

    @Test
    void badNumber_namesFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("index.csv"), "file,chapter,record,title,mineral_or_mix,instrument,n_channels,"
                + "n_deleted_channels,grain_size,wavelength_file\n"
                + "x.txt,ASTER_JPL,1,X,Xite,JPL,2,0,,\n");
        Files.writeString(dir.resolve("x.txt"), "Name: X\r\n   0.400   7.0\r\n   0.4O1   7.1\r\n");
        SpectralLibrary lib = SpectralLibrary.open(dir);
        var e = assertThrows(LibraryFormatException.class, () -> lib.spectrum(lib.entry("x.txt")));
        assertEquals(dir.resolve("x.txt") + " line 3: expected a number, found '0.4O1'", e.getMessage());
    }

    @Test
    void missingIndex_namesFolder(@TempDir Path dir) {
        var e = assertThrows(LibraryFormatException.class, () -> SpectralLibrary.open(dir));
        assertEquals("no spectral library in " + dir + ": index.csv not found (a library folder holds index.csv and the"
                + " files it lists)", e.getMessage());
    }

    @Test
    void openOrBundled_explicitFolderWithoutIndex_fails_noFolderFallsBackToBundled(@TempDir Path dir) {
        var e = assertThrows(LibraryFormatException.class, () -> BundledLibrary.openOrBundled(Optional.of(dir)));
        assertTrue(e.getMessage().startsWith("no spectral library in " + dir), e.getMessage());
        assertSame(LIB, BundledLibrary.openOrBundled(Optional.empty()));
    }

    @Test
    void bundled_isNamedNotLocated_andHashedOverItsBytes() {
        assertEquals("bundled:usgs-splib07a+jpl-aster2", LIB.name());
        assertTrue(LIB.contentHash().matches("[0-9a-f]{64}"), LIB.contentHash());
        assertEquals(LIB.contentHash(), LIB.contentHash());
    }

    @Test
    void contentHash_changesWithOneByte_notWithTheFolder(@TempDir Path dir) throws IOException {
        Path a = miniLibrary(dir.resolve("a"), "7.0");
        Path b = miniLibrary(dir.resolve("b"), "7.0");
        Path c = miniLibrary(dir.resolve("c"), "7.1");
        assertEquals(SpectralLibrary.open(a).contentHash(), SpectralLibrary.open(b).contentHash());
        assertNotEquals(SpectralLibrary.open(a).contentHash(), SpectralLibrary.open(c).contentHash());
        assertEquals("a", SpectralLibrary.open(a).name());
    }

    private static Path miniLibrary(Path dir, String value) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("index.csv"), "file,chapter,record,title,mineral_or_mix,instrument,n_channels,"
                + "n_deleted_channels,grain_size,wavelength_file\n"
                + "x.txt,ASTER_JPL,1,X,Xite,JPL,2,0,,\n");
        Files.writeString(dir.resolve("x.txt"), "Name: X\r\n   0.400   " + value + "\r\n   0.401   7.1\r\n");
        return dir;
    }
}
