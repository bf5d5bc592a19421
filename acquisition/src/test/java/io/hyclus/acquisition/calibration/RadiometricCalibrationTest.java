package io.hyclus.acquisition.calibration;

import io.hyclus.core.scan.PixelFlags;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.camera.RawFrame;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RadiometricCalibrationTest {
    /** Random dark levels per element: no element is judged hot (threshold above full scale). */
    private static final CalibrationSettings SETTINGS = new CalibrationSettings(1, 0.99, 40, 0.2, 5000, 6, -0.1, 1.5);

    private static RawFrame frame(int pixels, int bands, long seq, int[] counts) {
        short[] c = new short[counts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = (short) counts[i];
        }
        return RawFrame.wrapping("vnir", SensorKind.VNIR, seq, Instant.EPOCH, 1000 * seq, pixels, bands, c);
    }

    /** dark <= raw <= white gives 0 <= R <= panel reflectance, and R is the linear interpolation. */
    @Property(tries = 300)
    void reflectance_staysWithinZeroAndPanel(@ForAll @IntRange(min = 1, max = 30) int pixels,
                                             @ForAll @IntRange(min = 1, max = 12) int bands, @ForAll @LongRange long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = pixels * bands;
        int[] dark = new int[n];
        int[] white = new int[n];
        int[] raw = new int[n];
        for (int i = 0; i < n; i++) {
            dark[i] = rng.nextInt(0, 1000);
            white[i] = dark[i] + 40 + rng.nextInt(0, 4094 - dark[i] - 40);
            raw[i] = rng.nextInt(dark[i], white[i] + 1);
        }
        RadiometricCalibration cal = RadiometricCalibration.fromReferences(List.of(frame(pixels, bands, 0, dark)),
                List.of(frame(pixels, bands, 1, white)), SETTINGS);
        Scanline line = cal.apply(frame(pixels, bands, 2, raw), "s", 0);
        for (int i = 0; i < n; i++) {
            float r = line.value(i / bands, i % bands);
            assertTrue(r >= 0 && r <= 0.99f + 1e-6f, "R " + r + " for dark " + dark[i] + " raw " + raw[i] + " white " + white[i]);
            assertEquals(0.99 * (raw[i] - dark[i]) / (white[i] - dark[i]), r, 1e-5);
        }
        assertTrue(cal.degradations().isEmpty());
    }

    @Test
    void averagesReferenceFrames() {
        var cal = RadiometricCalibration.fromReferences(
                List.of(frame(1, 1, 0, new int[] {100}), frame(1, 1, 1, new int[] {110})),
                List.of(frame(1, 1, 2, new int[] {1000}), frame(1, 1, 3, new int[] {1010})),
                new CalibrationSettings(2, 1.0, 40, 0.0));
        // dark 105, white 1005: raw 555 is half way.
        assertEquals(0.5f, cal.apply(frame(1, 1, 4, new int[] {555}), "s", 0).value(0, 0), 1e-6);
        assertEquals("2 (sequence 0-1)", cal.provenance().get(RadiometricCalibration.DARK_FRAMES).orElseThrow());
    }

    @Test
    void deadElement_isRepairedFromNeighbours_andRecorded() {
        // 3 pixels x 1 band; the middle pixel does not respond (white == dark).
        var cal = RadiometricCalibration.fromReferences(List.of(frame(3, 1, 0, new int[] {100, 100, 100})),
                List.of(frame(3, 1, 1, new int[] {1100, 100, 2100})), new CalibrationSettings(1, 0.99, 40, 0.5));
        Scanline l = cal.apply(frame(3, 1, 2, new int[] {600, 4000, 600}), "s", 0);
        assertEquals(0.99f * 0.5f, l.value(0, 0), 1e-6);
        assertEquals(0.99f * 0.25f, l.value(2, 0), 1e-6);
        assertEquals((0.99f * 0.5f + 0.99f * 0.25f) / 2, l.value(1, 0), 1e-6);
        assertEquals(List.of("vnir: 1 bad elements (1 dead, 0 hot, 0 noisy) repaired from neighbouring pixels: pixel 1 "
                + "band 0"), cal.degradations());
        assertEquals("1", cal.provenance().get(RadiometricCalibration.REPAIRED_ELEMENTS).orElseThrow());
        assertEquals("1", cal.provenance().get(RadiometricCalibration.DEAD_ELEMENTS).orElseThrow());
    }

    @Test
    void tooManyDeadElements_fails_sayingHowMany() {
        var e = assertThrows(CalibrationException.class, () -> RadiometricCalibration.fromReferences(
                List.of(frame(2, 1, 0, new int[] {100, 100})), List.of(frame(2, 1, 1, new int[] {120, 100})),
                new CalibrationSettings(1, 0.99, 40, 0.01)));
        assertTrue(e.getMessage().startsWith("camera vnir: 2 of 2 elements (100.00 %) are bad (2 dead (white - dark < "
                + "40.0 DN or white saturated), 0 hot"), e.getMessage());
    }

    @Test
    void hotAndNoisyElements_areFoundFromTheDarkFrames_andRepaired() {
        // 5 pixels x 1 band, 4 dark frames: pixel 1 sits 600 DN above the others (hot), pixel 3 swings +-60 DN (noisy).
        List<RawFrame> dark = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int swing = k % 2 == 0 ? 60 : -60;
            dark.add(frame(5, 1, k, new int[] {100 + k % 2, 700, 101 - k % 2, 250 + swing, 100}));
        }
        var cal = RadiometricCalibration.fromReferences(dark,
                List.of(frame(5, 1, 9, new int[] {1100, 1700, 1100, 1250, 1100})), new CalibrationSettings(1, 1.0, 40,
                        0.5));
        assertEquals(List.of("1", "1", "0"), List.of(
                cal.provenance().get(RadiometricCalibration.HOT_ELEMENTS).orElseThrow(),
                cal.provenance().get(RadiometricCalibration.NOISY_ELEMENTS).orElseThrow(),
                cal.provenance().get(RadiometricCalibration.DEAD_ELEMENTS).orElseThrow()));
        assertEquals(List.of("vnir: 2 bad elements (0 dead, 1 hot, 1 noisy) repaired from neighbouring pixels: pixel 1 "
                + "band 0, pixel 3 band 0"), cal.degradations());
    }

    @Test
    void aRepairedElementsOwnCount_neverFlagsItsPixel() {
        // 3 pixels x 1 band; the middle one is dead (white == dark): its counts, full scale or zero, are replaced
        var cal = RadiometricCalibration.fromReferences(List.of(frame(3, 1, 0, new int[] {100, 100, 100})),
                List.of(frame(3, 1, 1, new int[] {1100, 100, 1100})), new CalibrationSettings(1, 0.99, 40, 0.5));
        for (int count : new int[] {RawFrame.MAX_COUNT, 0}) {
            Scanline l = cal.apply(frame(3, 1, 2, new int[] {600, count, 700}), "s", 0);
            assertTrue(!l.flagged(), "dead element at " + count + " DN flagged its pixel: " + java.util.Arrays.toString(l.pixelFlags()));
            assertEquals((0.99f * 0.5f + 0.99f * 0.6f) / 2, l.value(1, 0), 1e-6);
        }
    }

    @Test
    void saturatedAndOutOfRangePixels_areFlaggedPerPixel() {
        var cal = RadiometricCalibration.fromReferences(List.of(frame(4, 1, 0, new int[] {100, 100, 100, 100})),
                List.of(frame(4, 1, 1, new int[] {1100, 1100, 1100, 1100})), SETTINGS);
        Scanline l = cal.apply(frame(4, 1, 2, new int[] {600, RawFrame.MAX_COUNT, 2000, 0}), "s", 0);
        assertArrayEquals(new byte[] {0, PixelFlags.SATURATED | PixelFlags.OUT_OF_RANGE, PixelFlags.OUT_OF_RANGE,
                0}, l.pixelFlags(), "full scale is saturated (and 3.96 out of range); 1.88 out of range; -0.099 in range");
    }

    @Test
    void saturation_anywhereInAPixelsSpectrum_flagsThatPixelOnly() {
        int bands = 5;
        int[] dark = new int[4 * bands];
        int[] white = new int[4 * bands];
        java.util.Arrays.fill(dark, 100);
        java.util.Arrays.fill(white, 1100);
        var cal = RadiometricCalibration.fromReferences(List.of(frame(4, bands, 0, dark)),
                List.of(frame(4, bands, 1, white)), SETTINGS);
        int[] raw = new int[4 * bands];
        java.util.Arrays.fill(raw, 600);
        raw[bands + 3] = RawFrame.MAX_COUNT;       // pixel 1: full scale in its fourth band
        raw[2 * bands + 2] = RawFrame.MAX_COUNT - 1; // pixel 2: one count below full scale
        raw[3 * bands + 4] = 65535;                // pixel 3: the largest 16-bit count, in its last band
        Scanline l = cal.apply(frame(4, bands, 2, raw), "s", 0);
        byte both = PixelFlags.SATURATED | PixelFlags.OUT_OF_RANGE;
        assertArrayEquals(new byte[] {0, both, PixelFlags.OUT_OF_RANGE, both}, l.pixelFlags(),
                "saturated where a count reached full scale; every one of these also out of range");
    }

    @Test
    void frameOfOtherShape_isRefused_namingScanAndLine() {
        var cal = RadiometricCalibration.fromReferences(List.of(frame(2, 1, 0, new int[] {0, 0})),
                List.of(frame(2, 1, 1, new int[] {1000, 1000})), SETTINGS);
        var e = assertThrows(CalibrationException.class, () -> cal.apply(frame(1, 2, 9, new int[] {5, 5}), "scan-4", 17));
        assertEquals("scan scan-4 line 17: frame vnir#9 is 1 x 2 but the references of camera vnir are 2 x 1: take new "
                + "references after changing ROI or binning", e.getMessage());
    }
}
