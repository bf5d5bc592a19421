package io.hyclus.envi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Reads an ENVI raster line by line, whatever its interleave, data type and byte order: only one line is in memory at
 * a time. Lines come out pixel by pixel ({@code pixel * bands + band}), the order of a camera frame. The raster's size
 * is checked against its header when it is opened, so a truncated file fails at once, naming both files.
 */
public final class EnviReader implements AutoCloseable {
    /** Raster file names ENVI and camera software pair with {@code NAME.hdr}, tried in this order. */
    static final List<String> RASTER_SUFFIXES = List.of(".raw", ".img", ".dat", ".bil", ".bip", ".bsq", "");

    private final Path headerFile;
    private final Path rasterFile;
    private final EnviHeader header;
    private final FileChannel channel;
    private final ByteBuffer buffer;

    private EnviReader(Path headerFile, Path rasterFile, EnviHeader header, FileChannel channel) {
        this.headerFile = headerFile;
        this.rasterFile = rasterFile;
        this.header = header;
        this.channel = channel;
        int chunk = header.interleave() == Interleave.BSQ ? header.samples() * header.dataType().bytes()
                : Math.toIntExact(header.lineBytes());
        this.buffer = ByteBuffer.allocate(chunk).order(header.byteOrder().order());
    }

    /** Opens {@code hdr} and the raster beside it ({@code NAME.raw}, {@code .img}, {@code .dat}... or {@code NAME}). */
    public static EnviReader open(Path hdr) {
        return open(hdr, rasterBeside(hdr));
    }

    /** Opens {@code hdr} and the raster {@code raster}, checking its size against the header. */
    public static EnviReader open(Path hdr, Path raster) {
        EnviHeader h = EnviHeaderFormat.read(hdr);
        try {
            long size = Files.size(raster);
            if (size < h.rasterBytes()) {
                long whole = h.interleave() == Interleave.BSQ ? -1
                        : Math.max(0, (size - h.headerOffset()) / Math.max(1, h.lineBytes()));
                throw new EnviFormatException("ENVI raster " + raster + " is truncated: " + size + " bytes, but its header "
                        + hdr + " declares " + h.samples() + " samples x " + h.lines() + " lines x " + h.bands()
                        + " bands of " + h.dataType().name().toLowerCase(Locale.ROOT) + " after a " + h.headerOffset()
                        + "-byte offset = " + h.rasterBytes() + " bytes"
                        + (whole >= 0 ? "; only " + whole + " complete lines" : ""));
            }
            return new EnviReader(hdr, raster, h, FileChannel.open(raster, StandardOpenOption.READ));
        } catch (IOException e) {
            throw new EnviException("cannot open ENVI raster " + raster + " (header " + hdr + "): " + e.getMessage(), e);
        }
    }

    /** The raster file paired with {@code hdr}: the first existing of {@code NAME.raw}, {@code .img}, ... */
    public static Path rasterBeside(Path hdr) {
        String name = hdr.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".hdr") ? name.substring(0, name.length() - 4) : name;
        for (String suffix : RASTER_SUFFIXES) {
            Path p = hdr.resolveSibling(base + suffix);
            if (!p.equals(hdr) && Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new EnviException("no raster beside ENVI header " + hdr + ": looked for " + base + " with "
                + String.join(", ", RASTER_SUFFIXES.subList(0, RASTER_SUFFIXES.size() - 1)) + " or no suffix");
    }

    public EnviHeader header() {
        return header;
    }

    public Path headerFile() {
        return headerFile;
    }

    public Path rasterFile() {
        return rasterFile;
    }

    /** A new array for one line, {@code samples * bands} values. */
    public float[] newLine() {
        return new float[header.samples() * header.bands()];
    }

    /** Reads line {@code line} (0-based) into {@code out}, pixel by pixel ({@code pixel * bands + band}). */
    public void readLine(long line, float[] out) {
        int s = header.samples();
        int b = header.bands();
        if (line < 0 || line >= header.lines()) {
            throw new EnviException("line " + line + " is outside ENVI raster " + rasterFile + " (" + header.lines()
                    + " lines)");
        }
        if (out.length != s * b) {
            throw new IllegalArgumentException("line buffer holds " + out.length + " values, a line of " + rasterFile
                    + " has " + s + " x " + b);
        }
        int bytes = header.dataType().bytes();
        Interleave il = header.interleave();
        if (il == Interleave.BSQ) {
            for (int band = 0; band < b; band++) {
                fill(line, header.headerOffset() + il.valueIndex(line, band, 0, s, b, header.lines()) * bytes);
                for (int p = 0; p < s; p++) {
                    out[p * b + band] = header.dataType().get(buffer);
                }
            }
            return;
        }
        fill(line, header.headerOffset() + line * header.lineBytes());
        if (il == Interleave.BIP) {
            for (int i = 0; i < s * b; i++) {
                out[i] = header.dataType().get(buffer);
            }
        } else {
            for (int band = 0; band < b; band++) {
                for (int p = 0; p < s; p++) {
                    out[p * b + band] = header.dataType().get(buffer);
                }
            }
        }
    }

    private void fill(long line, long position) {
        buffer.clear();
        try {
            long pos = position;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, pos);
                if (n < 0) {
                    throw new EnviFormatException("ENVI raster " + rasterFile + " ends at byte " + pos
                            + " inside line " + line + " (header " + headerFile + ")");
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new EnviException("cannot read line " + line + " of ENVI raster " + rasterFile + ": "
                    + e.getMessage(), e);
        }
        buffer.flip();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new EnviException("cannot close ENVI raster " + rasterFile + ": " + e.getMessage(), e);
        }
    }
}
