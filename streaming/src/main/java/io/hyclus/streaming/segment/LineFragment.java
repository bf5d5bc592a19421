package io.hyclus.streaming.segment;

import io.hyclus.core.scan.Scanline;

import java.nio.ByteBuffer;

/**
 * The part of one scanline that falls in one sample: line index, encoder position, the pixel indices and
 * their spectra. Stored as bytes in the segmentation state store until the scan completes.
 */
public record LineFragment(long lineIndex, long encoderMicrons, int bands, int[] pixels, float[] spectra) {

    public static LineFragment of(Scanline line, int[] pixels) {
        float[] spectra = new float[pixels.length * line.bands()];
        for (int i = 0; i < pixels.length; i++) {
            line.copyPixel(pixels[i], spectra, i * line.bands());
        }
        return new LineFragment(line.lineIndex(), line.encoderMicrons(), line.bands(), pixels.clone(), spectra);
    }

    public int size() {
        return pixels.length;
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(8 + 8 + 4 + 4 + 4 * pixels.length + 4 * spectra.length);
        b.putLong(lineIndex).putLong(encoderMicrons).putInt(bands).putInt(pixels.length);
        b.asIntBuffer().put(pixels);
        b.position(b.position() + 4 * pixels.length);
        b.asFloatBuffer().put(spectra);
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
        return new LineFragment(line, encoder, bands, pixels, spectra);
    }
}
