package io.hyclus.envi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headers as camera software writes them (resources/headers, sources in its README), and bad headers. */
class EnviHeaderFormatTest {

    private static EnviHeader resource(String name) throws IOException {
        try (InputStream in = EnviHeaderFormatTest.class.getResourceAsStream("headers/" + name)) {
            return EnviHeaderFormat.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        }
    }

    @Test
    void parse_specimFx10Lumo_readsShapeWavelengthsAndOtherFields() throws IOException {
        EnviHeader h = resource("specim_fx10_lumo.hdr");
        assertEquals(1024, h.samples());
        assertEquals(350, h.lines());
        assertEquals(8, h.bands());
        assertEquals(EnviDataType.UINT16, h.dataType());
        assertEquals(Interleave.BIL, h.interleave());
        assertEquals(EnviByteOrder.LITTLE_ENDIAN, h.byteOrder());
        assertArrayEquals(new double[] {397.66, 483.49, 569.75, 656.41, 743.47, 830.93, 918.78, 1003.81},
                h.wavelengthNm(), 1e-9);
        assertFalse(h.hasFwhm());
        assertArrayEquals(new int[] {6, 4, 2}, h.defaultBands());
        assertEquals("Specim FX10 capture, Lumo Recorder", h.description());
        assertEquals("2.8", h.field("TINT").orElseThrow());
        assertEquals("1,1", h.field("binning").orElseThrow());
        assertEquals("Sensor: 39.15", h.field("temperature").orElseThrow());
        assertEquals("DATE(dd-mm-yyyy): 12-03-2025", h.field("Acquisition Date").orElseThrow());
    }

    @Test
    void parse_specimSwirMixedCase_keysAndKeywordsAnyCase() throws IOException {
        EnviHeader h = resource("specim_swir_lumo.hdr");
        assertEquals(384, h.samples());
        assertEquals(1200, h.lines());
        assertEquals(Interleave.BIL, h.interleave());
        assertArrayEquals(new double[] {1000.36, 1301.93, 1603.51, 1905.08, 2206.66, 2508.23}, h.wavelengthNm(), 1e-9);
        assertArrayEquals(new int[] {2, 4, 6}, h.defaultBands());
        assertEquals("Sensor: 150.14 K, Body: 28.2 C", h.field("temperature").orElseThrow());
        assertEquals("SPECIM SWIR", h.field("sensor type").orElseThrow());
    }

    @Test
    void parse_headwallNano_bigEndianBipWithFwhm() throws IOException {
        EnviHeader h = resource("headwall_nano.hdr");
        assertEquals(Interleave.BIP, h.interleave());
        assertEquals(EnviByteOrder.BIG_ENDIAN, h.byteOrder());
        assertArrayEquals(new double[] {400.0, 430.147461, 460.294922, 490.442383, 520.589844}, h.wavelengthNm(), 1e-9);
        assertArrayEquals(new double[] {6, 6, 6, 6, 6}, h.fwhmNm(), 1e-9);
        assertEquals("1", h.field("reflectance scale factor").orElseThrow());
    }

    @Test
    void parse_thirdPartyMicrometres_convertsToNanometresAndSkipsComments() throws IOException {
        EnviHeader h = resource("third_party_micrometres.hdr");
        assertEquals(Interleave.BSQ, h.interleave());
        assertEquals(EnviDataType.FLOAT32, h.dataType());
        assertEquals(512, h.headerOffset());
        assertArrayEquals(new double[] {450, 550, 650, 750}, h.wavelengthNm(), 1e-9);
        assertArrayEquals(new double[] {10, 10, 10, 12}, h.fwhmNm(), 1e-9);
        assertEquals("Reflectance [Mon Mar 10 14:02:11 2025] resampled to 0.1 um", h.description());
        assertEquals("-9999", h.field("data ignore value").orElseThrow());
    }

    @Test
    void parse_unitlessSmallWavelengths_takenAsMicrometres() {
        EnviHeader h = EnviHeaderFormat.parse(minimal("bil", "12") + "wavelength = {1.0, 2.5}\n", "t.hdr");
        assertArrayEquals(new double[] {1000, 2500}, h.wavelengthNm(), 1e-9);
        EnviHeader nm = EnviHeaderFormat.parse(minimal("bil", "12") + "wavelength units = Unknown\nwavelength = {400, 900}\n",
                "t.hdr");
        assertArrayEquals(new double[] {400, 900}, nm.wavelengthNm(), 1e-9);
        EnviHeader mu = EnviHeaderFormat.parse(minimal("bil", "12") + "wavelength units = \u00b5m\nwavelength = {0.4, 0.9}\n",
                "t.hdr");
        assertArrayEquals(new double[] {400, 900}, mu.wavelengthNm(), 1e-9);
    }

    @Test
    void format_thenParse_roundTrips() {
        EnviHeader h = EnviHeader.of(7, 3, 2, EnviDataType.INT16, Interleave.BIP, EnviByteOrder.BIG_ENDIAN)
                .withWavelengths(new double[] {401.25, 999.5}, new double[] {2.5, 3.125})
                .withDefaultBands(2, 1).withDescription("HyClus test").withHeaderOffset(16)
                .withField("HyClus Scan Id", "tray-01-20250101T000000000Z")
                .withField("hyclus encoder um", "100, 200, 300");
        EnviHeader back = EnviHeaderFormat.parse(EnviHeaderFormat.format(h), "round trip");
        assertEquals(h, back);
        assertEquals("tray-01-20250101T000000000Z", back.field("hyclus scan id").orElseThrow());
    }

    @Test
    void parse_missingSamples_namesFieldAndFile() {
        var e = assertThrows(EnviFormatException.class, () -> EnviHeaderFormat.parse(
                "ENVI\nlines = 2\nbands = 2\ndata type = 12\ninterleave = bil\nbyte order = 0\n", "cap/x.hdr"));
        assertEquals("cap/x.hdr: required field 'samples' is missing", e.getMessage());
    }

    @Test
    void parse_unknownInterleave_namesValueAndLine() {
        var e = assertThrows(EnviFormatException.class, () -> EnviHeaderFormat.parse(minimal("bsx", "12"), "a.hdr"));
        assertEquals("a.hdr line 6: unknown interleave 'bsx' (expected bsq, bil or bip)", e.getMessage());
    }

    @Test
    void parse_unsupportedDataType_namesCodeAndLine() {
        var e = assertThrows(EnviFormatException.class, () -> EnviHeaderFormat.parse(minimal("bil", "5"), "a.hdr"));
        assertEquals("a.hdr line 5: unsupported data type '5' (HyClus reads 2 = int16, 4 = float32, 12 = uint16)",
                e.getMessage());
    }

    @Test
    void parse_notEnvi_refused() {
        var e = assertThrows(EnviFormatException.class, () -> EnviHeaderFormat.parse("samples = 3\n", "b.hdr"));
        assertTrue(e.getMessage().startsWith("b.hdr: not an ENVI header"), e.getMessage());
    }

    @Test
    void parse_unclosedBrace_namesLineOfKey() {
        var e = assertThrows(EnviFormatException.class, () -> EnviHeaderFormat.parse(minimal("bil", "12")
                + "wavelength = {400,\n500\n", "c.hdr"));
        assertEquals("c.hdr line 8: the '{' of 'wavelength' is never closed", e.getMessage());
    }

    @Test
    void parse_wavelengthCountDisagrees_namesLine() {
        var e = assertThrows(EnviFormatException.class, () -> EnviHeaderFormat.parse(minimal("bil", "12")
                + "wavelength = {400, 500, 600}\n", "d.hdr"));
        assertEquals("d.hdr line 8: 3 values for 2 bands", e.getMessage());
    }

    @Test
    void parse_badNumber_namesValue() {
        var e = assertThrows(EnviFormatException.class, () -> EnviHeaderFormat.parse(minimal("bil", "12")
                + "wavelength = {400, abc}\n", "d.hdr"));
        assertEquals("d.hdr line 8: value 2 is not a number: 'abc'", e.getMessage());
    }

    @Test
    void header_fieldsAreCaseInsensitive() {
        EnviHeader h = EnviHeader.of(1, 1, 1, EnviDataType.UINT16, Interleave.BIL, EnviByteOrder.LITTLE_ENDIAN)
                .withField("Sensor Type", "X");
        assertEquals(Map.of("sensor type", "X"), h.fields());
        assertEquals("X", h.field("SENSOR   TYPE").orElseThrow());
    }

    /** Header lines 1-7: ENVI, samples 3, lines 2, bands 2, data type (line 5), interleave (line 6), byte order. */
    static String minimal(String interleave, String dataType) {
        return "ENVI\nsamples = 3\nlines = 2\nbands = 2\ndata type = " + dataType + "\ninterleave = " + interleave
                + "\nbyte order = 0\n";
    }
}
