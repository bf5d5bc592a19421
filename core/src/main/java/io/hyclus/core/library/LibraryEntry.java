package io.hyclus.core.library;

import io.hyclus.core.Checks;

/**
 * One row of the library's {@code index.csv}.
 *
 * @param file           path of the spectrum file, relative to the library folder
 * @param chapter        USGS chapter, or {@code ASTER_JPL}
 * @param record         record or sample number
 * @param title          the spectrum's title
 * @param mineral        mineral (or mixture) name, e.g. {@code Kaolinite}
 * @param instrument     instrument code (ASDFR, BECK, JPL_Beckman...)
 * @param channels       channel count in the file
 * @param deletedChannels channels marked deleted
 * @param grainSize      grain-size text where known (e.g. {@code 125-500um}), else empty
 * @param wavelengthFile path of the wavelength file for USGS spectra; JPL spectra carry their own
 */
public record LibraryEntry(String file, String chapter, String record, String title, String mineral,
                           String instrument, int channels, int deletedChannels, String grainSize,
                           String wavelengthFile) {

    public LibraryEntry {
        Checks.notBlank("library file", file);
        Checks.notBlank("mineral of " + file, mineral);
        Checks.notNull("grain size of " + file, grainSize);
    }

    public boolean isJpl() {
        return "ASTER_JPL".equals(chapter);
    }
}
