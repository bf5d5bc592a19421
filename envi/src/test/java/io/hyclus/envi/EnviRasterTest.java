package io.hyclus.envi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every interleave x data type x byte order: written line by line, checked byte by byte, read back. */
class EnviRasterTest {
    static final int SAMPLES = 5;
    static final int BANDS = 3;
    static final int LINES = 4;

    @TempDir
    Path dir;

    static List<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (Interleave i : Interleave.values()) {
            for (EnviDataType t : EnviDataType.values()) {
                for (EnviByteOrder o : EnviByteOrder.values()) {
                    out.add(Arguments.of(i, t, o));
                }
            }
        }
        return out;
    }

    /** A distinct value per element that every type holds exactly (int16 takes the negative ones). */
    static float value(EnviDataType t, int line, int sample, int band) {
        int v = 1000 * line + 100 * band + sample + 1;
        return switch (t) {
            case UINT16 -> v + 60000 - 3000; // above 32767: exercises the unsigned range
            case INT16 -> (line % 2 == 0 ? -v : v);
            case FLOAT32 -> v + 0.25f;
        };
    }

    static float[] line(EnviDataType t, int l) {
        float[] out = new float[SAMPLES * BANDS];
        for (int p = 0; p < SAMPLES; p++) {
            for (int b = 0; b < BANDS; b++) {
                out[p * BANDS + b] = value(t, l, p, b);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void writeThenRead_everyCombination_sameValuesAtTheDocumentedOffsets(Interleave il, EnviDataType type,
                                                                        EnviByteOrder order) throws IOException {
        Path hdr = dir.resolve("t.hdr");
        Path raw = dir.resolve("t.raw");
        EnviHeader h = EnviHeader.of(SAMPLES, LINES, BANDS, type, il, order)
                .withWavelengths(new double[] {450, 550, 650}, new double[] {10, 10, 10}).withHeaderOffset(8);
        try (EnviWriter w = EnviWriter.create(hdr, raw, h)) {
            for (int l = 0; l < LINES; l++) {
                w.writeLine(line(type, l));
            }
        }
        assertEquals(8 + (long) SAMPLES * BANDS * LINES * type.bytes(), Files.size(raw));
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(raw)).order(order.order());
        for (int l = 0; l < LINES; l++) {
            for (int p = 0; p < SAMPLES; p++) {
                for (int b = 0; b < BANDS; b++) {
                    long index = switch (il) {
                        case BSQ -> ((long) b * LINES + l) * SAMPLES + p;
                        case BIL -> ((long) l * BANDS + b) * SAMPLES + p;
                        case BIP -> ((long) l * SAMPLES + p) * BANDS + b;
                    };
                    all.position(8 + (int) index * type.bytes());
                    assertEquals(value(type, l, p, b), type.get(all), il + " line " + l + " pixel " + p + " band " + b);
                }
            }
        }
        try (EnviReader r = EnviReader.open(hdr)) {
            assertEquals(h.withLines(LINES), r.header());
            float[] buf = r.newLine();
            for (int l = LINES - 1; l >= 0; l--) {
                r.readLine(l, buf);
                assertArrayEquals(line(type, l), buf, 0f, "line " + l);
            }
        }
    }

    @Test
    void open_truncatedRaster_namesBothFilesAndCompleteLines() throws IOException {
        Path hdr = dir.resolve("cut.hdr");
        Path raw = dir.resolve("cut.raw");
        try (EnviWriter w = EnviWriter.create(hdr, raw, EnviHeader.of(SAMPLES, 0, BANDS, EnviDataType.UINT16,
                Interleave.BIL, EnviByteOrder.LITTLE_ENDIAN))) {
            for (int l = 0; l < LINES; l++) {
                w.writeLine(line(EnviDataType.UINT16, l));
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
            f.setLength(f.length() - 7);
        }
        var e = assertThrows(EnviFormatException.class, () -> EnviReader.open(hdr));
        assertEquals("ENVI raster " + raw + " is truncated: 113 bytes, but its header " + hdr + " declares 5 samples x 4 "
                + "lines x 3 bands of uint16 after a 0-byte offset = 120 bytes; only 3 complete lines", e.getMessage());
    }

    @Test
    void writeLine_valueOutOfRange_namesLinePixelBand() {
        Path hdr = dir.resolve("r.hdr");
        float[] l = line(EnviDataType.UINT16, 0);
        l[2 * BANDS + 1] = 70000;
        try (EnviWriter w = EnviWriter.create(hdr, dir.resolve("r.raw"), EnviHeader.of(SAMPLES, 0, BANDS,
                EnviDataType.UINT16, Interleave.BIL, EnviByteOrder.LITTLE_ENDIAN))) {
            var e = assertThrows(EnviFormatException.class, () -> w.writeLine(l));
            assertEquals("line 0 pixel 2 band 1 of ENVI raster " + dir.resolve("r.raw") + ": 70000.0 does not fit uint16",
                    e.getMessage());
        }
    }

    @Test
    void writeLine_wrongSize_refused() {
        try (EnviWriter w = EnviWriter.create(dir.resolve("s.hdr"), dir.resolve("s.raw"), EnviHeader.of(SAMPLES, 0, BANDS,
                EnviDataType.FLOAT32, Interleave.BIP, EnviByteOrder.LITTLE_ENDIAN))) {
            var e = assertThrows(EnviFormatException.class, () -> w.writeLine(new float[7]));
            assertEquals("line 0 for ENVI raster " + dir.resolve("s.raw") + " holds 7 values, expected 5 samples x 3 bands",
                    e.getMessage());
        }
    }

    @Test
    void close_bsqWithFewerLinesThanDeclared_fails() {
        EnviWriter w = EnviWriter.create(dir.resolve("q.hdr"), dir.resolve("q.raw"), EnviHeader.of(SAMPLES, 3, BANDS,
                EnviDataType.FLOAT32, Interleave.BSQ, EnviByteOrder.LITTLE_ENDIAN));
        w.writeLine(line(EnviDataType.FLOAT32, 0));
        var e = assertThrows(EnviFormatException.class, w::close);
        assertEquals("BSQ raster " + dir.resolve("q.raw") + " was declared with 3 lines but 1 were written", e.getMessage());
    }

    @Test
    void open_noRasterBeside_namesHeader() throws IOException {
        Path hdr = dir.resolve("lonely.hdr");
        Files.writeString(hdr, EnviHeaderFormatTest.minimal("bil", "12"));
        var e = assertThrows(EnviException.class, () -> EnviReader.open(hdr));
        assertEquals("no raster beside ENVI header " + hdr + ": looked for lonely with .raw, .img, .dat, .bil, .bip, .bsq"
                + " or no suffix", e.getMessage());
    }
}
