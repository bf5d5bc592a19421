package io.hyclus.acquisition.stitch;

import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.PixelFlags;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchSource;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.hyclus.acquisition.stitch.StitchFixture.camera;
import static io.hyclus.acquisition.stitch.StitchFixture.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineStitcherTest {
    /** VNIR 400-1000 nm every 10 nm, SWIR 1000-2500 nm every 25 nm: they meet at 1000 nm, as HyClus's kinds do. */
    private static final WavelengthGrid VNIR_GRID = WavelengthGrid.uniform(400, 1000, 61, 1.2);
    private static final WavelengthGrid SWIR_GRID = WavelengthGrid.uniform(1000, 2500, 61, 1.2);
    /** 12 VNIR pixels of 1 mm from x = 0 to 12 mm; 4 SWIR pixels of 3 mm over the same field of view. */
    private static final CameraSetup VNIR = camera(SensorKind.VNIR, VNIR_GRID, 12, 0.5, 1.0);
    private static final CameraSetup SWIR = camera(SensorKind.SWIR, SWIR_GRID, 4, 1.5, 3.0);

    /** A reflectance spectrum rising linearly with wavelength, different per pixel. */
    private static double truth(int pixel, double nm) {
        return 0.2 + 0.01 * pixel + 1e-4 * nm;
    }

    private static List<Scanline> run(LineStitcher s, Scanline... lines) {
        List<Scanline> out = new ArrayList<>();
        for (Scanline l : lines) {
            s.accept(l, out::add);
        }
        s.finish(out::add);
        return out;
    }

    @Test
    void stitch_swirIsVnirTimesGain_gainMatchedOntoVnir() {
        LineStitcher s = new LineStitcher(VNIR, SWIR, StitchSettings.defaults());
        // the SWIR reads 20 % low: the gain match must restore the true spectrum across the whole range
        List<Scanline> out = run(s, line(VNIR, 0, 1000, LineStitcherTest::truth),
                line(SWIR, 0, 1000, (p, nm) -> truth(3 * p + 1, nm) * 0.8));
        assertEquals(1, out.size());
        Scanline st = out.get(0);
        WavelengthGrid g = s.setup().sensor().grid();
        assertEquals(SensorKind.STITCHED, st.camera());
        assertEquals(400, g.firstNm(), 1e-9);
        assertEquals(2500, g.lastNm(), 1e-9);
        // native: VNIR bands up to the junction at 1000 nm (61 bands), SWIR bands above it (1025-2500, 60 bands)
        assertEquals(61 + 60, g.bands());
        // SWIR pixel j sees VNIR pixels 3j..3j+2; its value is the middle one's, so compare pixel 4 (SWIR pixel 1)
        for (int b = 0; b < g.bands(); b++) {
            double nm = g.centreNm(b);
            assertEquals(truth(4, nm), st.value(4, b), 2e-5, "band " + b + " at " + nm + " nm");
        }
    }

    @Test
    void gain_outsideClamp_clamped_darkPixel_one() {
        LineStitcher s = new LineStitcher(VNIR, SWIR, StitchSettings.defaults());
        assertEquals(1.25f, s.gain(0.5, 0.4), 1e-6);
        assertEquals(2.0f, s.gain(0.9, 0.3), 1e-6);
        assertEquals(0.5f, s.gain(0.1, 0.5), 1e-6);
        assertEquals(1.0f, s.gain(0.01, 0.008), 1e-6);
        assertEquals(1.0f, s.gain(Double.NaN, 0.4), 1e-6);
    }

    @Test
    void stitch_swirFarTooLow_gainClampedAtTwo() {
        LineStitcher s = new LineStitcher(VNIR, SWIR, StitchSettings.defaults());
        Scanline st = run(s, line(VNIR, 0, 0, (p, nm) -> 0.6), line(SWIR, 0, 0, (p, nm) -> 0.1)).get(0);
        int band2000 = s.setup().sensor().grid().nearestBand(2000);
        assertEquals(0.2, st.value(5, band2000), 1e-6);
        assertEquals(0.6, st.value(5, 0), 1e-6);
    }

    @Test
    void uniformGrid_5nm_spans400to2500_valuesInterpolated() {
        LineStitcher s = new LineStitcher(VNIR, SWIR, StitchSettings.defaults().withUniformStep(5));
        WavelengthGrid g = s.setup().sensor().grid();
        assertEquals(421, g.bands());
        assertEquals(400, g.firstNm(), 1e-9);
        assertEquals(2500, g.lastNm(), 1e-9);
        assertEquals(405, g.centreNm(1), 1e-9);
        // FWHM: the step or the source band's (VNIR 12 nm, SWIR 30 nm), whichever is wider
        assertEquals(12, g.fwhmNm(g.nearestBand(700)), 1e-9);
        assertEquals(30, g.fwhmNm(g.nearestBand(2000)), 1e-9);
        Scanline st = run(s, line(VNIR, 0, 0, LineStitcherTest::truth),
                line(SWIR, 0, 0, (p, nm) -> truth(3 * p + 1, nm) * 1.1)).get(0);
        for (double nm : new double[] {405, 555, 975, 1210, 2205, 2495}) {
            assertEquals(truth(7, nm), st.value(7, g.nearestBand(nm)), 2e-5, nm + " nm");
        }
    }

    @Test
    void alongTrack_vnirBetweenTwoSwirLines_interpolatedByEncoder() {
        LineStitcher s = new LineStitcher(VNIR, SWIR, StitchFixture.noGain());
        List<Scanline> out = new ArrayList<>();
        s.accept(line(SWIR, 0, 1000, (p, nm) -> 0.2), out::add);
        s.accept(line(VNIR, 0, 1500, (p, nm) -> 0.5), out::add);
        assertTrue(out.isEmpty(), "the VNIR line waits for a SWIR line at or past 1500 um");
        s.accept(line(SWIR, 1, 3000, (p, nm) -> 0.6), out::add);
        assertEquals(1, out.size());
        int band = s.setup().sensor().grid().nearestBand(2000);
        assertEquals(0.2 + 0.25 * 0.4, out.get(0).value(3, band), 1e-6);
        assertEquals(0.5, out.get(0).value(3, 0), 1e-6);
        assertEquals(1500, out.get(0).encoderMicrons());
        assertEquals(0, out.get(0).lineIndex());
    }

    @Test
    void differentLineRates_everyVnirLineOnceInOrder_swirInterpolatedAtItsPosition() {
        // VNIR at 330 Hz and SWIR at 450 Hz on a 100 mm/s belt, fed in encoder order; the SWIR reads 1e-5 x its encoder
        // position (um), so a linear interpolation at a VNIR line's position gives exactly 1e-5 x that position
        LineStitcher s = new LineStitcher(VNIR, SWIR, StitchFixture.noGain());
        List<Scanline> out = new ArrayList<>();
        int vi = 0;
        int si = 0;
        while (vi < 120) {
            long ve = Math.round(vi * 1e5 / 330);
            long se = Math.round(si * 1e5 / 450);
            if (se <= ve) {
                s.accept(line(SWIR, si++, se, (p, nm) -> 1e-5 * se), out::add);
            } else {
                s.accept(line(VNIR, vi++, ve, (p, nm) -> 0.5), out::add);
            }
        }
        long past = Math.round(si * 1e5 / 450); // the SWIR line past the last VNIR line, which releases it
        s.accept(line(SWIR, si, past, (p, nm) -> 1e-5 * past), out::add);
        s.finish(out::add);
        assertEquals(120, out.size());
        int band = s.setup().sensor().grid().nearestBand(2000);
        for (int i = 0; i < out.size(); i++) {
            Scanline st = out.get(i);
            assertEquals(i, st.lineIndex());
            assertEquals(1e-5 * st.encoderMicrons(), st.value(7, band), 1e-6, "line " + i);
        }
        assertEquals(0, s.dropped());
    }

    @Test
    void ends_vnirBeyondSwir_withinToleranceStitched_elseDropped() {
        LineStitcher s = new LineStitcher(VNIR, SWIR, StitchFixture.noGain());
        List<Scanline> out = run(s,
                line(VNIR, 0, 0, (p, nm) -> 0.5),          // 1000 um before the first SWIR line: kept
                line(VNIR, 1, 500, (p, nm) -> 0.5),
                line(SWIR, 0, 1000, (p, nm) -> 0.3),
                line(VNIR, 2, 2900, (p, nm) -> 0.5),       // 1900 um after the last: kept at the end
                line(VNIR, 3, 3100, (p, nm) -> 0.5));      // 2100 um after: dropped
        assertEquals(List.of(0L, 1L, 2L), out.stream().map(Scanline::lineIndex).toList());
        assertEquals(3, s.emitted());
        assertEquals(1, s.dropped());
        LineStitcher far = new LineStitcher(VNIR, SWIR, StitchFixture.noGain());
        assertTrue(run(far, line(VNIR, 0, 0, (p, nm) -> 0.5), line(SWIR, 0, 5000, (p, nm) -> 0.3)).isEmpty());
        assertEquals(1, far.dropped());
    }

    @Test
    void swirNeverComes_waitingVnirLinesCapped_oldestSettledAsAtTheEnd() {
        LineStitcher s = new LineStitcher(VNIR, SWIR, StitchFixture.noGain());
        List<Scanline> out = new ArrayList<>();
        for (int i = 0; i < LineStitcher.MAX_BUFFERED + 44; i++) {
            s.accept(line(VNIR, i, 1000L * i, (p, nm) -> 0.5), out::add);
        }
        assertEquals(44, s.dropped(), "the 44 oldest settled while the rest wait");
        s.finish(out::add);
        assertEquals(LineStitcher.MAX_BUFFERED + 44, s.dropped());
        assertTrue(out.isEmpty());
    }

    @Test
    void acrossTrack_offsetSwir_boxWeightsFromFootprints() {
        // 14 VNIR pixels of 1 mm (0-14 mm); 4 SWIR pixels of 3 mm from 0.5 to 12.5 mm, SWIR pixel j reading 0.1 (j + 1)
        CameraSetup vnir = camera(SensorKind.VNIR, VNIR_GRID, 14, 0.5, 1.0);
        CameraSetup swir = camera(SensorKind.SWIR, SWIR_GRID, 4, 2.0, 3.0);
        LineStitcher s = new LineStitcher(vnir, swir, StitchFixture.noGain());
        Scanline st = run(s, line(vnir, 0, 0, (p, nm) -> 0.5), line(swir, 0, 0, (p, nm) -> 0.1 * (p + 1))).get(0);
        int band = s.setup().sensor().grid().nearestBand(2000);
        assertEquals(0.1, st.value(0, band), 1e-6);   // 0.5-1 mm in SWIR pixel 0: half covered, still covered
        assertEquals(0.1, st.value(2, band), 1e-6);   // 2-3 mm inside SWIR pixel 0 (0.5-3.5)
        assertEquals(0.15, st.value(3, band), 1e-6);  // 3-4 mm: half in pixel 0, half in pixel 1
        assertEquals(0.2, st.value(5, band), 1e-6);
        assertEquals((0.3 * 0.5 + 0.4 * 0.5), st.value(9, band), 1e-6);   // 9-10 mm straddles 9.5
        assertEquals(0.4, st.value(12, band), 1e-6);  // 12-13 mm: half covered by pixel 3
        assertEquals(0.4, st.value(13, band), 1e-6);  // 13-14 mm: outside, nearest edge pixel
        assertEquals(0, st.flags(12));
        assertEquals(PixelFlags.NOT_COVERED, st.flags(13));
        assertEquals(PixelFlags.NOT_COVERED, st.flags(13) & PixelFlags.NOT_COVERED);
    }

    /** Every stitched line of a scan with offset footprints (one- and two-tap pixels), gains and interpolated SWIR. */
    private static List<Object[]> settledLines(LineStitcher s, CameraSetup vnir, CameraSetup swir) {
        List<Object[]> out = new ArrayList<>();
        LineStitcher.Settled keep = new LineStitcher.Settled() {
            @Override
            public void stitched(Scanline v, Scanline stitched) {
                out.add(new Object[] {stitched, null, null});
            }

            @Override
            public void factored(StitchedPair pair) { // the line built here, from the pair's VNIR line and source
                out.add(new Object[] {pair.stitched(), pair.source(), pair});
            }

            @Override
            public void alone(Scanline v) {
            }
        };
        for (int i = 0; i < 12; i++) {
            int line = i;
            s.accept(line(swir, i, 1000L * i, (p, nm) -> (0.15 + 0.01 * p + 0.003 * line) * (1 + 1e-4 * nm)), keep);
            s.accept(line(vnir, i, 1000L * i + 370, (p, nm) -> 0.2 + 0.02 * p + 1e-4 * nm + 0.001 * line), keep);
        }
        s.finish(keep);
        return out;
    }

    @Test
    void nativeGrid_factored_tailIsWhatItsSourceGives_bitForBitTheJoinedLine() {
        CameraSetup vnir = camera(SensorKind.VNIR, VNIR_GRID, 14, 0.5, 1.0);
        CameraSetup swir = camera(SensorKind.SWIR, SWIR_GRID, 4, 2.0, 3.0);
        LineStitcher factored = new LineStitcher(vnir, swir, StitchSettings.defaults());
        LineStitcher joined = new LineStitcher(vnir, swir, StitchSettings.defaults(), false);
        assertTrue(factored.factored());
        assertTrue(!joined.factored());
        List<Object[]> a = settledLines(factored, vnir, swir);
        List<Object[]> b = settledLines(joined, vnir, swir);
        assertEquals(12, a.size());
        assertEquals(a.size(), b.size());
        int twoTaps = 0;
        for (int i = 0; i < a.size(); i++) {
            Scanline fl = (Scanline) a.get(i)[0];
            Scanline jl = (Scanline) b.get(i)[0];
            StitchSource src = (StitchSource) a.get(i)[1];
            assertEquals(null, b.get(i)[1]);
            StitchedPair pair = (StitchedPair) a.get(i)[2];
            assertTrue(pair != null && pair.source() == src && b.get(i)[2] == null, "factored lines come as pairs");
            assertEquals(vnir.sensor().bands(), pair.sharedBands());
            assertEquals(jl, fl, "line " + i + ": the factored stitcher's line is the joined one, bit for bit");
            assertEquals(4, src.swirPixels());
            assertEquals(fl.bands() - vnir.sensor().bands(), src.bands());
            float[] tail = new float[fl.pixels() * fl.bands()];
            src.tail(tail, fl.bands(), vnir.sensor().bands());
            for (int p = 0; p < fl.pixels(); p++) {
                for (int k = vnir.sensor().bands(); k < fl.bands(); k++) {
                    assertEquals(Float.floatToIntBits(fl.value(p, k)), Float.floatToIntBits(tail[p * fl.bands() + k]),
                            "line " + i + " pixel " + p + " band " + k);
                }
                twoTaps += src.tapStart()[p + 1] - src.tapStart()[p] > 1 ? 1 : 0;
            }
            assertTrue(src.gains()[5] != 1f, "a gain was matched: " + src.gains()[5]);
        }
        assertTrue(twoTaps >= 12 * 3, twoTaps + " two-tap pixels");
    }

    @Test
    void uniformGrid_notFactored_noSource() {
        StitchSettings grid5 = StitchSettings.defaults().withUniformStep(5);
        LineStitcher s = new LineStitcher(VNIR, SWIR, grid5);
        assertTrue(!s.factored());
        assertTrue(settledLines(s, VNIR, SWIR).stream().allMatch(o -> o[1] == null));
    }

    @Test
    void flags_orOfContributingPixels() {
        LineStitcher s = new LineStitcher(VNIR, SWIR, StitchFixture.noGain());
        byte[] vf = new byte[12];
        vf[2] = PixelFlags.SATURATED;
        byte[] sf = new byte[4];
        sf[1] = PixelFlags.OUT_OF_RANGE;  // SWIR pixel 1 covers VNIR pixels 3-5
        List<Scanline> out = run(s, line(VNIR, 0, 1500, (p, nm) -> 0.5, vf),
                line(SWIR, 0, 1000, (p, nm) -> 0.3, new byte[0]), line(SWIR, 1, 2000, (p, nm) -> 0.3, sf));
        Scanline st = out.get(0);
        assertEquals(PixelFlags.SATURATED, st.flags(2));
        assertEquals(0, st.flags(1));
        for (int p = 3; p <= 5; p++) {
            assertEquals(PixelFlags.OUT_OF_RANGE, st.flags(p), "pixel " + p);
        }
        assertEquals(0, st.flags(6));
    }

    @Test
    void wrongShape_orSwappedCameras_throwNamingWhat() {
        LineStitcher s = new LineStitcher(VNIR, SWIR, StitchSettings.defaults());
        CameraSetup other = camera(SensorKind.VNIR, VNIR_GRID, 10, 0.5, 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.accept(line(other, 0, 0, (p, nm) -> 0.5), l -> { }));
        assertTrue(e.getMessage().contains("10 pixels x 61 bands"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LineStitcher(SWIR, VNIR, StitchSettings.defaults()));
    }
}
