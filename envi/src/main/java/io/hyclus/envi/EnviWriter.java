package io.hyclus.envi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes an ENVI raster line by line (one line in memory), then its header on {@link #close()}. Lines go in pixel by
 * pixel ({@code pixel * bands + band}). BIL and BIP rasters grow line by line and their header records the lines
 * written; a BSQ raster needs its line count up front ({@link EnviHeader#lines()}) and must receive exactly that many.
 * Integer types take integral values in range only: anything else fails naming the file, line, pixel and band.
 * The raster is written in place: callers that must never leave half a file write into a temporary directory
 * ({@link SpecimCaptureWriter} does).
 */
public final class EnviWriter implements AutoCloseable {
    private final Path headerFile;
    private final Path rasterFile;
    private final EnviHeader header;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private long lines;
    private boolean closed;

    private EnviWriter(Path headerFile, Path rasterFile, EnviHeader header, FileChannel channel) {
        this.headerFile = headerFile;
        this.rasterFile = rasterFile;
        this.header = header;
        this.channel = channel;
        this.buffer = ByteBuffer.allocate(Math.toIntExact(header.lineBytes())).order(header.byteOrder().order());
    }

    /**
     * Creates (or truncates) {@code raster}; {@code header} gives shape, type, interleave, byte order and fields (its
     * line count matters for BSQ only). A non-zero header offset is written as zero bytes.
     */
    public static EnviWriter create(Path hdr, Path raster, EnviHeader header) {
        try {
            FileChannel ch = FileChannel.open(raster, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            if (header.headerOffset() > 0) {
                ch.write(ByteBuffer.allocate(Math.toIntExact(header.headerOffset())), 0);
            }
            return new EnviWriter(hdr, raster, header, ch);
        } catch (IOException e) {
            throw new EnviException("cannot create ENVI raster " + raster + ": " + e.getMessage(), e);
        }
    }

    public long linesWritten() {
        return lines;
    }

    /** Appends one line, pixel by pixel. */
    public void writeLine(float[] line) {
        int s = header.samples();
        int b = header.bands();
        if (line.length != s * b) {
            throw new EnviFormatException("line " + lines + " for ENVI raster " + rasterFile + " holds " + line.length
                    + " values, expected " + s + " samples x " + b + " bands");
        }
        if (header.interleave() == Interleave.BSQ && lines >= header.lines()) {
            throw new EnviFormatException("BSQ raster " + rasterFile + " was declared with " + header.lines()
                    + " lines; line " + lines + " is one too many");
        }
        try {
            switch (header.interleave()) {
                case BIP -> {
                    buffer.clear();
                    for (int i = 0; i < line.length; i++) {
                        put(line[i], i / b, i % b);
                    }
                    writeAt(header.headerOffset() + lines * header.lineBytes());
                }
                case BIL -> {
                    buffer.clear();
                    for (int band = 0; band < b; band++) {
                        for (int p = 0; p < s; p++) {
                            put(line[p * b + band], p, band);
                        }
                    }
                    writeAt(header.headerOffset() + lines * header.lineBytes());
                }
                case BSQ -> {
                    int bytes = header.dataType().bytes();
                    for (int band = 0; band < b; band++) {
                        buffer.clear();
                        for (int p = 0; p < s; p++) {
                            put(line[p * b + band], p, band);
                        }
                        writeAt(header.headerOffset()
                                + Interleave.BSQ.valueIndex(lines, band, 0, s, b, header.lines()) * bytes);
                    }
                }
            }
        } catch (IOException e) {
            throw new EnviException("cannot write line " + lines + " of ENVI raster " + rasterFile + ": "
                    + e.getMessage(), e);
        }
        lines++;
    }

    private void put(float v, int pixel, int band) {
        if (!header.dataType().put(buffer, v)) {
            throw new EnviFormatException("line " + lines + " pixel " + pixel + " band " + band + " of ENVI raster "
                    + rasterFile + ": " + v + " does not fit " + header.dataType().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private void writeAt(long position) throws IOException {
        buffer.flip();
        long pos = position;
        while (buffer.hasRemaining()) {
            pos += channel.write(buffer, pos);
        }
    }

    /** Closes the raster and writes the header with the lines written; a BSQ raster must be complete. */
    @Override
    public void close() {
        close(header);
    }

    /**
     * Like {@link #close()}, with a header completed at the end (fields known only after the last line); its shape and
     * encoding must be those the raster was written with.
     */
    public void close(EnviHeader finalHeader) {
        if (finalHeader.samples() != header.samples() || finalHeader.bands() != header.bands()
                || finalHeader.dataType() != header.dataType() || finalHeader.interleave() != header.interleave()
                || finalHeader.byteOrder() != header.byteOrder() || finalHeader.headerOffset() != header.headerOffset()) {
            throw new IllegalArgumentException("final header of " + rasterFile + " " + finalHeader
                    + " does not match the raster written as " + header);
        }
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            throw new EnviException("cannot close ENVI raster " + rasterFile + ": " + e.getMessage(), e);
        }
        if (header.interleave() == Interleave.BSQ && lines != header.lines()) {
            throw new EnviFormatException("BSQ raster " + rasterFile + " was declared with " + header.lines()
                    + " lines but " + lines + " were written");
        }
        EnviHeaderFormat.write(headerFile, finalHeader.withLines(lines));
    }
}
