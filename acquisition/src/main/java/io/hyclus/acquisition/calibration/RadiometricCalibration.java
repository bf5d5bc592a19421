package io.hyclus.acquisition.calibration;

import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.scan.PixelFlags;
import io.hyclus.core.scan.Scanline;
import io.hyclus.hardware.camera.RawFrame;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns raw frames into reflectance with averaged dark and white references:
 * {@code R = (raw - dark) / (white - dark) * panel}. So for dark &lt;= raw &lt;= white, 0 &lt;= R &lt;= panel &lt;= 1.
 *
 * <p>Bad elements (pixel, band) are found from the reference statistics: <b>dead</b> (white barely exceeds dark, or the
 * white reference saturates), <b>hot</b> (dark level far above the band's median) and <b>noisy</b> (dark-frame
 * deviation far above the band's median, with enough dark frames). Their reflectance is the mean of the nearest good
 * pixels on either side in the same band; they are counted in the provenance and listed in {@link #degradations()}.
 *
 * <p>Every calibrated line carries per-pixel {@link PixelFlags}: {@link PixelFlags#SATURATED} when a raw count of the
 * pixel is at full scale, {@link PixelFlags#OUT_OF_RANGE} when a calibrated value lies outside the settings' valid
 * reflectance range. The segmentation's material mask excludes flagged pixels.
 */
public final class RadiometricCalibration {
    /** Dark frames averaged, with their sequence numbers. */
    public static final ProvenanceKey DARK_FRAMES = ProvenanceKey.of("dark_frames");
    /** White frames averaged, with their sequence numbers. */
    public static final ProvenanceKey WHITE_FRAMES = ProvenanceKey.of("white_frames");
    /** Reflectance of the white reference panel. */
    public static final ProvenanceKey PANEL_REFLECTANCE = ProvenanceKey.of("panel_reflectance");
    /** Smallest white-minus-dark response of a responsive element, DN. */
    public static final ProvenanceKey MIN_RESPONSE_DN = ProvenanceKey.of("min_response_dn");
    /** Elements repaired from their neighbours (dead, hot and noisy together). */
    public static final ProvenanceKey REPAIRED_ELEMENTS = ProvenanceKey.of("repaired_elements");
    /** Of those, elements that did not respond (or whose white reference saturated). */
    public static final ProvenanceKey DEAD_ELEMENTS = ProvenanceKey.of("dead_elements");
    /** Of those, elements whose dark level was far above their band's. */
    public static final ProvenanceKey HOT_ELEMENTS = ProvenanceKey.of("hot_elements");
    /** Of those, elements whose dark noise was far above their band's. */
    public static final ProvenanceKey NOISY_ELEMENTS = ProvenanceKey.of("noisy_elements");

    private final String cameraId;
    private final int pixels;
    private final int bands;
    private final float[] dark;
    private final float[] scale;
    private final int[] left;
    private final int[] right;
    private final int[] repairedElements;
    /** Pixels with a repaired element take the per-element path of {@link #apply}; the others are flagged per pixel. */
    private final boolean[] pixelHasRepairs;
    private final float minValid;
    private final float maxValid;
    private final List<String> degradations;
    private final Provenance provenance;

    private RadiometricCalibration(String cameraId, int pixels, int bands, float[] dark, float[] scale, int[] left,
                                   int[] right, CalibrationSettings settings, List<String> degradations,
                                   Provenance provenance) {
        this.cameraId = cameraId;
        this.pixels = pixels;
        this.bands = bands;
        this.dark = dark;
        this.scale = scale;
        this.left = left;
        this.right = right;
        this.repairedElements = java.util.stream.IntStream.range(0, left.length)
                .filter(i -> left[i] != Repair.GOOD).toArray();
        this.pixelHasRepairs = new boolean[pixels];
        for (int i : repairedElements) {
            pixelHasRepairs[i / bands] = true;
        }
        this.minValid = (float) settings.minValidReflectance();
        this.maxValid = (float) settings.maxValidReflectance();
        this.degradations = List.copyOf(degradations);
        this.provenance = provenance;
    }

    /** Builds a calibration from dark frames (shutter closed) and white frames (panel under the line). */
    public static RadiometricCalibration fromReferences(List<RawFrame> darkFrames, List<RawFrame> whiteFrames,
                                                        CalibrationSettings settings) {
        if (darkFrames.isEmpty() || whiteFrames.isEmpty()) {
            throw new CalibrationException("calibration needs dark and white frames: got " + darkFrames.size()
                    + " dark and " + whiteFrames.size() + " white");
        }
        RawFrame first = darkFrames.get(0);
        ReferenceAverage darkStats = ReferenceAverage.of(darkFrames, first, "dark");
        float[] dark = darkStats.mean();
        float[] white = ReferenceAverage.of(whiteFrames, first, "white").mean();
        int pixels = first.pixels();
        int bands = first.bands();
        float[] scale = new float[dark.length];
        BadElements found = BadElements.find(dark, white, darkStats.std(), darkFrames.size(), pixels, bands, settings);
        boolean[] bad = found.bad();
        int badCount = found.total();
        for (int i = 0; i < dark.length; i++) {
            if (!bad[i]) {
                scale[i] = (float) (settings.panelReflectance() / (white[i] - dark[i]));
            }
        }
        if (badCount > settings.maxBadElementFraction() * dark.length) {
            throw new CalibrationException(String.format("camera %s: %d of %d elements (%.2f %%) are bad (%s); at most "
                    + "%.2f %% allowed: check lamp, shutter and white panel", first.cameraId(), badCount, dark.length,
                    100.0 * badCount / dark.length, found.describe(settings), 100 * settings.maxBadElementFraction()));
        }
        Repair repair = Repair.plan(bad, pixels, bands, first.cameraId());
        Provenance prov = Provenance.builder()
                .put(DARK_FRAMES, darkFrames.size() + " (sequence " + darkFrames.get(0).sequence() + "-"
                        + darkFrames.get(darkFrames.size() - 1).sequence() + ")")
                .put(WHITE_FRAMES, whiteFrames.size() + " (sequence " + whiteFrames.get(0).sequence() + "-"
                        + whiteFrames.get(whiteFrames.size() - 1).sequence() + ")")
                .put(PANEL_REFLECTANCE, settings.panelReflectance())
                .put(MIN_RESPONSE_DN, settings.minResponseDn())
                .put(REPAIRED_ELEMENTS, badCount)
                .put(DEAD_ELEMENTS, found.dead())
                .put(HOT_ELEMENTS, found.hot())
                .put(NOISY_ELEMENTS, found.noisy())
                .build();
        List<String> deg = new ArrayList<>();
        if (badCount > 0) {
            deg.add(first.cameraId() + ": " + badCount + " bad elements (" + found.dead() + " dead, " + found.hot()
                    + " hot, " + found.noisy() + " noisy) repaired from neighbouring pixels: " + repair.describe());
        }
        return new RadiometricCalibration(first.cameraId(), pixels, bands, dark, scale, repair.left(), repair.right(),
                settings, deg, prov);
    }

    public int pixels() {
        return pixels;
    }

    public int bands() {
        return bands;
    }

    /** What calibration had to repair, one line per camera; empty when every element responded. */
    public List<String> degradations() {
        return degradations;
    }

    /**
     * Calibration facts for the scan's provenance, with leaf keys ({@link #DARK_FRAMES}...): the scan places them
     * below its camera's id.
     */
    public Provenance provenance() {
        return provenance;
    }

    /** Calibrates one frame into line {@code lineIndex} of scan {@code scanId}. */
    public Scanline apply(RawFrame raw, String scanId, long lineIndex) {
        if (raw.pixels() != pixels || raw.bands() != bands || !raw.cameraId().equals(cameraId)) {
            throw new CalibrationException("scan " + scanId + " line " + lineIndex + ": frame " + raw.cameraId() + "#"
                    + raw.sequence() + " is " + raw.pixels() + " x " + raw.bands() + " but the references of camera "
                    + cameraId + " are " + pixels + " x " + bands + ": take new references after changing ROI or binning");
        }
        float[] r = new float[pixels * bands];
        byte[] flags = new byte[pixels];
        for (int p = 0; p < pixels; p++) {
            int from = p * bands;
            int to = from + bands;
            if (pixelHasRepairs[p]) {
                for (int i = from; i < to; i++) {
                    int count = raw.countAt(i);
                    r[i] = (count - dark[i]) * scale[i];
                    if (left[i] == Repair.GOOD) { // a bad element's own count says nothing: it is replaced below
                        flag(flags, i, count, r[i]);
                    }
                }
                continue;
            }
            // two loops, as measured faster: C2 keeps an int max in a conditional move, an OR of differences is plain
            // arithmetic; the float min and max then run on their own
            int saturated = 0; // negative once a count reached MAX_COUNT
            for (int i = from; i < to; i++) {
                int count = raw.countAt(i);
                r[i] = (count - dark[i]) * scale[i];
                saturated |= (RawFrame.MAX_COUNT - 1) - count;
            }
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                min = Math.min(min, r[i]);
                max = Math.max(max, r[i]);
            }
            flag(flags, from, saturated < 0 ? RawFrame.MAX_COUNT : 0, min);
            flag(flags, from, 0, max);
        }
        for (int i : repairedElements) {
            r[i] = repaired(r, i);
            flag(flags, i, 0, r[i]);
        }
        return Scanline.owning(scanId, raw.kind(), lineIndex, raw.encoderMicrons(), raw.time(), pixels, bands, r, flags);
    }

    /** Sets the pixel's flags for one element: its raw count at full scale, its reflectance out of the valid range. */
    private void flag(byte[] flags, int i, int count, float reflectance) {
        if (count >= RawFrame.MAX_COUNT) {
            flags[i / bands] |= PixelFlags.SATURATED;
        }
        if (reflectance < minValid || reflectance > maxValid) {
            flags[i / bands] |= PixelFlags.OUT_OF_RANGE;
        }
    }

    private float repaired(float[] r, int i) {
        if (left[i] == Repair.NONE) {
            return r[right[i]];
        }
        if (right[i] == Repair.NONE) {
            return r[left[i]];
        }
        return (r[left[i]] + r[right[i]]) / 2;
    }
}
