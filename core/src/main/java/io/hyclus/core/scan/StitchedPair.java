package io.hyclus.core.scan;

import io.hyclus.core.Checks;
import io.hyclus.core.spectral.SensorKind;

import java.util.List;

/**
 * A VNIR line and the {@link SensorKind#STITCHED} line made from it, published as one event so that the values they
 * share are sent once (docs/stitching.md, "Published as pairs"). On the stitcher's native grid the stitched spectrum's
 * first {@code sharedBands} bands are the VNIR spectrum's first bands, copied: the compact codec writes the stitched
 * line whole and of the VNIR line only its other bands and its own pixel flags, and a reader gets both lines back, each
 * exactly as its own record would give it. Consumers treat a pair as its two lines, VNIR first ({@link #lines()}).
 *
 * @param vnir        the VNIR camera's calibrated line
 * @param stitched    the stitched line made from it: same scan, line index, encoder position, time and pixels
 * @param sharedBands how many leading bands of every pixel the two lines hold bit for bit alike, 1 to the VNIR's bands
 * @param source      the stitched line's SWIR tail in the stitcher's terms, or null: when given, every VNIR band is
 *                    shared and the stitched line's other bands are what the source gives, so the compact codec can
 *                    send the source instead (docs/stitching.md, "Published factored"); checked on the first, middle
 *                    and last pixels
 */
public record StitchedPair(Scanline vnir, Scanline stitched, int sharedBands, StitchSource source) implements ScanEvent {

    /** A pair without a stitch source. */
    public StitchedPair(Scanline vnir, Scanline stitched, int sharedBands) {
        this(vnir, stitched, sharedBands, null);
    }

    public StitchedPair {
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
        return List.of(vnir, stitched);
    }
}
