package io.hyclus.envi;

import io.hyclus.testkit.Python;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Files HyClus writes open in Spectral Python ({@code spectral.envi.open}, Debian's python3-spectral under
 * /usr/bin/python3): shape, interleave, data type, byte order, wavelengths, fwhm and every value agree.
 */
class SpectralPythonIT {
    private static final String SCRIPT = """
            import sys, numpy as np, spectral
            img = spectral.envi.open(sys.argv[1], sys.argv[2])
            a = img.load()
            print(img.nrows, img.ncols, img.nbands)
            # spectral's interleave constants: 0 BSQ, 1 BIL, 2 BIP
            print(img.metadata['interleave'], img.interleave, np.dtype(img.dtype).str)
            print(','.join(img.metadata['wavelength']))
            print(','.join(img.metadata.get('fwhm', [])))
            print(img.metadata['hyclus scan id'])
            # every value, line by line, pixel by pixel, band by band
            print(' '.join(repr(float(v)) for v in np.asarray(a).reshape(-1)))
            """;

    @TempDir
    Path dir;

    static List<Arguments> files() {
        return List.of(Arguments.of(Interleave.BIL, EnviDataType.UINT16, EnviByteOrder.LITTLE_ENDIAN),
                Arguments.of(Interleave.BIP, EnviDataType.INT16, EnviByteOrder.BIG_ENDIAN),
                Arguments.of(Interleave.BSQ, EnviDataType.FLOAT32, EnviByteOrder.LITTLE_ENDIAN),
                Arguments.of(Interleave.BSQ, EnviDataType.UINT16, EnviByteOrder.BIG_ENDIAN));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("files")
    void spectralPython_opensWhatHyclusWrote(Interleave il, EnviDataType type, EnviByteOrder order) {
        int samples = EnviRasterTest.SAMPLES;
        int bands = EnviRasterTest.BANDS;
        int lines = EnviRasterTest.LINES;
        Path hdr = dir.resolve("c.hdr");
        Path raw = dir.resolve("c.raw");
        EnviHeader h = EnviHeader.of(samples, lines, bands, type, il, order)
                .withWavelengths(new double[] {450.5, 550.25, 650}, new double[] {10, 11, 12.5})
                .withField("hyclus scan id", "tray-01-x");
        try (EnviWriter w = EnviWriter.create(hdr, raw, h)) {
            for (int l = 0; l < lines; l++) {
                w.writeLine(EnviRasterTest.line(type, l));
            }
        }
        String[] out = Python.run(SCRIPT, hdr.toString(), raw.toString()).split("\n");
        assertEquals(lines + " " + samples + " " + bands, out[0]);
        String expectedDtype = (order == EnviByteOrder.BIG_ENDIAN ? ">" : "<") + switch (type) {
            case UINT16 -> "u2";
            case INT16 -> "i2";
            case FLOAT32 -> "f4";
        };
        assertEquals(il.headerValue() + " " + il.ordinal() + " " + expectedDtype, out[1]);
        assertEquals("450.5,550.25,650.0", out[2]);
        assertEquals("10.0,11.0,12.5", out[3]);
        assertEquals("tray-01-x", out[4]);
        String[] values = out[5].trim().split(" ");
        assertEquals(lines * samples * bands, values.length);
        int k = 0;
        for (int l = 0; l < lines; l++) {
            for (int p = 0; p < samples; p++) {
                for (int b = 0; b < bands; b++) {
                    assertEquals(EnviRasterTest.value(type, l, p, b), Float.parseFloat(values[k++]),
                            "line " + l + " pixel " + p + " band " + b);
                }
            }
        }
    }
}
