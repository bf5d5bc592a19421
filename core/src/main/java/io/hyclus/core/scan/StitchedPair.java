package io.hyclus.core.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

import java.util.List;
import java.util.Objects;

/**
 * A VNIR line and the {@link SensorKind#STITCHED} line made from it, published as one event so that the values they
 * share are sent once (docs/stitching.md, "Published as pairs"). On the stitcher's native grid the stitched spectrum's
 * first {@code sharedBands} bands are the VNIR spectrum's first bands, copied: the compact codec writes the stitched
 * line whole and of the VNIR line only its other bands and its own pixel flags, and a reader gets both lines back, each
 * exactly as its own record would give it. Consumers treat a pair as its two lines, VNIR first ({@link #lines()}).
 *
 * <p>Its parts: {@code vnir} the VNIR camera's calibrated line; {@code stitched} the stitched line made from it (same
 * scan, line index, encoder position, time and pixels); {@code sharedBands} how many leading bands of every pixel the
 * two lines hold bit for bit alike, 1 to the VNIR's bands; {@code source} the stitched line's SWIR tail in the
 * stitcher's terms, or null: when given, every VNIR band is shared and the stitched line's other bands are what the
 * source gives, so the compact codec sends the source instead (docs/stitching.md, "Published factored").
 *
 * <p>A pair made {@link #factored} holds only the VNIR line, the stitched line's flags and the source, and builds the
 * stitched line the first time it is asked for ({@link #stitched()}): the compact codec never asks, so at full line rate
 * the stitched values are neither computed nor stored on the scanning thread. Equal pairs are equal in every part,
 * however they were made.
 */
public final class StitchedPair implements ScanEvent {

    private static final byte[] NO_FLAGS = new byte[0];

    private final Scanline vnir;
    private final int sharedBands;
    private final StitchSource source;
    /** The stitched line's flags, one per pixel or empty for none: for a factored pair before its line is built. */
    private final byte[] stitchedFlags;
    private final int stitchedBands;
    private volatile Scanline stitched;

    /** A pair without a stitch source. */
    public StitchedPair(Scanline vnir, Scanline stitched, int sharedBands) {
        this(vnir, stitched, sharedBands, null);
    }

    /**
     * A pair of two built lines, checked: the same scan, line, position, time and pixels, the shared bands alike in
     * every pixel, and the source (when given) giving the stitched tail on the first, middle and last pixels.
     */
    public StitchedPair(Scanline vnir, Scanline stitched, int sharedBands, StitchSource source) {
        Checks.notNull("VNIR line", vnir);
        Checks.notNull("stitched line", stitched);
        if (vnir.camera() != SensorKind.VNIR || stitched.camera() != SensorKind.STITCHED) {
            throw new IllegalArgumentException("a stitched pair is a VNIR and a STITCHED line, got " + vnir.camera()
                    + " and " + stitched.camera());
        }
        String what = "stitched pair of scan " + vnir.scanId() + " line " + vnir.lineIndex();
        if (!vnir.scanId().equals(stitched.scanId()) || vnir.lineIndex() != stitched.lineIndex()
                || vnir.encoderMicrons() != stitched.encoderMicrons() || !vnir.acquiredAt().equals(stitched.acquiredAt())
                || vnir.pixels() != stitched.pixels()) {
            throw new IllegalArgumentException(what + ": the stitched line (scan " + stitched.scanId() + " line "
                    + stitched.lineIndex() + " at " + stitched.encoderMicrons() + " um, " + stitched.pixels()
                    + " pixels) is not the VNIR line's (" + vnir.encoderMicrons() + " um, " + vnir.pixels() + " pixels)");
        }
        if (sharedBands < 1 || sharedBands > vnir.bands() || sharedBands > stitched.bands()) {
            throw new IllegalArgumentException(what + ": shared bands " + sharedBands + " must be 1 to "
                    + Math.min(vnir.bands(), stitched.bands()));
        }
        int p = vnir.firstPixelDiffering(stitched, sharedBands);
        if (p >= 0) {
            int b = 0;
            while (Float.floatToIntBits(vnir.value(p, b)) == Float.floatToIntBits(stitched.value(p, b))) {
                b++;
            }
            throw new IllegalArgumentException(what + ": pixel " + p + ", band " + b + " is " + vnir.value(p, b)
                    + " in the VNIR line but " + stitched.value(p, b) + " in the stitched line, within the "
                    + sharedBands + " bands said to be shared");
        }
        if (source != null) {
            checkSource(what, vnir, stitched, sharedBands, source);
        }
        this.vnir = vnir;
        this.sharedBands = sharedBands;
        this.source = source;
        this.stitchedFlags = null;
        this.stitchedBands = stitched.bands();
        this.stitched = stitched;
    }

    private StitchedPair(Scanline vnir, byte[] stitchedFlags, StitchSource source) {
        Checks.notNull("VNIR line", vnir);
        Checks.notNull("stitched pixel flags", stitchedFlags);
        Checks.notNull("stitch source", source);
        String what = "stitched pair of scan " + vnir.scanId() + " line " + vnir.lineIndex();
        if (vnir.camera() != SensorKind.VNIR) {
            throw new IllegalArgumentException(what + ": a stitched pair's first line is VNIR, got " + vnir.camera());
        }
        if (source.pixels() != vnir.pixels() || (stitchedFlags.length != 0 && stitchedFlags.length != vnir.pixels())) {
            throw new IllegalArgumentException(what + ": a stitch source of " + source.pixels() + " pixels and "
                    + stitchedFlags.length + " stitched pixel flags do not fit a VNIR line of " + vnir.pixels()
                    + " pixels (flags: one per pixel, or none)");
        }
        this.vnir = vnir;
        this.sharedBands = vnir.bands();
        this.source = source;
        this.stitchedFlags = Scanline.allZero(stitchedFlags) ? NO_FLAGS : stitchedFlags;
        this.stitchedBands = vnir.bands() + source.bands();
    }

    /**
     * A pair whose stitched line is {@code vnir}'s bands followed by the tail {@code source} gives, built when first
     * asked for: same scan, line index, encoder position, time and pixels as {@code vnir}, {@code vnir.bands() +
     * source.bands()} bands, every VNIR band shared.
     *
     * @param stitchedFlags the stitched line's {@link PixelFlags}, one per pixel (or empty for none): taken, not copied
     */
    public static StitchedPair factored(Scanline vnir, byte[] stitchedFlags, StitchSource source) {
        return new StitchedPair(vnir, stitchedFlags, source);
    }

    /** The VNIR camera's calibrated line. */
    public Scanline vnir() {
        return vnir;
    }

    /** The stitched line made from the VNIR line (built on the first call for a {@link #factored} pair). */
    public Scanline stitched() {
        Scanline s = stitched;
        if (s == null) {
            synchronized (this) {
                s = stitched;
                if (s == null) {
                    s = build();
                    stitched = s;
                }
            }
        }
        return s;
    }

    private Scanline build() {
        int vBands = vnir.bands();
        float[] out = new float[vnir.pixels() * stitchedBands]; // the line's own: it takes them uncopied
        for (int p = 0; p < vnir.pixels(); p++) {
            vnir.copyPixel(p, out, p * stitchedBands);
        }
        source.tail(out, stitchedBands, vBands);
        return Scanline.owning(vnir.scanId(), SensorKind.STITCHED, vnir.lineIndex(), vnir.encoderMicrons(),
                vnir.acquiredAt(), vnir.pixels(), stitchedBands, out, stitchedFlags); // never changed: shared
    }

    /** How many leading bands of every pixel the two lines hold alike. */
    public int sharedBands() {
        return sharedBands;
    }

    /** The stitched line's SWIR tail in the stitcher's terms, or null. */
    public StitchSource source() {
        return source;
    }

    /** The stitched line's band count, without building the line. */
    public int stitchedBands() {
        return stitchedBands;
    }

    /** A copy of the stitched line's flags (one per pixel, or empty when none is flagged), without building the line. */
    public byte[] stitchedFlags() {
        Scanline s = stitched;
        if (s != null) {
            return s.pixelFlags();
        }
        return stitchedFlags.length == 0 ? NO_FLAGS : stitchedFlags.clone();
    }

    private static void checkSource(String what, Scanline vnir, Scanline stitched, int shared, StitchSource source) {
        if (shared != vnir.bands() || source.pixels() != stitched.pixels()
                || source.bands() != stitched.bands() - shared) {
            throw new IllegalArgumentException(what + ": a stitch source of " + source.pixels() + " pixels x "
                    + source.bands() + " tail bands does not fit a stitched line of " + stitched.pixels() + " x "
                    + stitched.bands() + " bands after " + shared + " shared of the VNIR's " + vnir.bands());
        }
        for (int p : new int[] {0, stitched.pixels() / 2, stitched.pixels() - 1}) {
            float[] tail = source.pixelTail(p);
            for (int b = 0; b < tail.length; b++) {
                if (Float.floatToIntBits(tail[b]) != Float.floatToIntBits(stitched.value(p, shared + b))) {
                    throw new IllegalArgumentException(what + ": pixel " + p + ", band " + (shared + b) + " is "
                            + stitched.value(p, shared + b) + " in the stitched line but " + tail[b]
                            + " from its stitch source");
                }
            }
        }
    }

    @Override
    public String scanId() {
        return vnir.scanId();
    }

    /** The two lines, VNIR first: the order they would have been published in one by one. */
    public List<Scanline> lines() {
        return List.of(vnir, stitched());
    }

    /** Equal when their lines, shared bands and sources are equal. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof StitchedPair p && sharedBands == p.sharedBands && vnir.equals(p.vnir)
                && Objects.equals(source, p.source) && stitched().equals(p.stitched());
    }

    @Override
    public int hashCode() {
        return 31 * vnir.hashCode() + sharedBands;
    }

    @Override
    public String toString() {
        return "StitchedPair[" + vnir + ", " + stitchedBands + " stitched bands, " + sharedBands + " shared"
                + (source == null ? "" : ", " + source) + "]";
    }
}
