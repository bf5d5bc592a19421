package io.hyclus.streaming.segment;

import io.hyclus.core.scan.Scanline;

import java.nio.ByteBuffer;

/**
 * The part of one scanline that falls in one sample: line index, encoder position, the pixel indices, their spectra
 * and their {@link io.hyclus.core.scan.PixelFlags} (empty when none is flagged). Stored as bytes in the segmentation
 * state store until the scan completes; the flags, when present, follow the spectra (bytes written before they
 * existed still read, with no flags).
 */
public record LineFragment(long lineIndex, long encoderMicrons, int bands, int[] pixels, float[] spectra,
                           byte[] flags) {

    public LineFragment {
        if (flags.length != 0 && flags.length != pixels.length) {
            throw new IllegalArgumentException("line fragment of line " + lineIndex + ": " + pixels.length
                    + " pixels but " + flags.length + " flags");
        }
    }

    public static LineFragment of(Scanline line, int[] pixels) {
        float[] spectra = new float[pixels.length * line.bands()];
        boolean flagged = false;
        byte[] flags = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            line.copyPixel(pixels[i], spectra, i * line.bands());
            flags[i] = line.flags(pixels[i]);
            flagged |= flags[i] != 0;
        }
        return new LineFragment(line.lineIndex(), line.encoderMicrons(), line.bands(), pixels.clone(), spectra,
                flagged ? flags : new byte[0]);
    }

    public int size() {
        return pixels.length;
    }

    /** The flags of pixel {@code i} of this fragment (0 when none). */
    public byte flag(int i) {
        return flags.length == 0 ? 0 : flags[i];
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(8 + 8 + 4 + 4 + 4 * pixels.length + 4 * spectra.length + flags.length);
        b.putLong(lineIndex).putLong(encoderMicrons).putInt(bands).putInt(pixels.length);
        b.asIntBuffer().put(pixels);
        b.position(b.position() + 4 * pixels.length);
        b.asFloatBuffer().put(spectra);
        b.position(b.position() + 4 * spectra.length);
        b.put(flags);
        return b.array();
    }

    public static LineFragment fromBytes(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long line = b.getLong();
        long encoder = b.getLong();
        int bands = b.getInt();
        int n = b.getInt();
        int[] pixels = new int[n];
        b.asIntBuffer().get(pixels);
        b.position(b.position() + 4 * n);
        float[] spectra = new float[n * bands];
        b.asFloatBuffer().get(spectra);
        b.position(b.position() + 4 * spectra.length);
        byte[] flags = new byte[b.remaining() == n ? n : 0];
        b.get(flags);
        return new LineFragment(line, encoder, bands, pixels, spectra, flags);
    }
}
