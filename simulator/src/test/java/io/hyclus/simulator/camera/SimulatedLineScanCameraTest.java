package io.hyclus.simulator.camera;

import io.hyclus.simulator.campaign.CampaignGenerator;
import io.hyclus.simulator.campaign.TrayPlanner;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.scene.EndmemberSpectra;
import io.hyclus.simulator.scene.SceneSettings;
import io.hyclus.simulator.scene.SimulatedSample;

import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.simulator.spectra.BundledLibrary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedLineScanCameraTest {
    private static final EndmemberSpectra SPECTRA = new EndmemberSpectra(BundledLibrary.open());
    private static final List<SimulatedSample> SAMPLES = new CampaignGenerator(1).generate(2, YearMonth.of(2025, 1), 1);
    private static final BeltScene SCENE = new BeltScene(TrayPlanner.plan(SAMPLES, 4, "t").get(0).layout(), SAMPLES,
            SceneSettings.defaults());

    private static SimulatedLineScanCamera camera(AtomicReference<CameraSettings> control, long seed) {
        return new SimulatedLineScanCamera(CameraModel.vnir(128, 32), SCENE, SPECTRA, 0, control::get,
                InstantSource.fixed(Instant.EPOCH), seed);
    }

    @Test
    void closedShutter_givesOnlyDarkSignal() {
        var control = new AtomicReference<>(CameraSettings.defaults(128).withAcquiring(true).withShutterOpen(false));
        RawFrame f = camera(control, 5).trigger(50_000);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < 128 * 32; i++) {
            int c = f.countAt(i);
            if (c > 0 && c < 1000) { // dead elements read 0, hot ones ~2800
                sum += c;
                n++;
            }
        }
        // Dark level 180 DN plus 0.4 DN/ms over 10 ms.
        assertEquals(184, sum / n, 1.5);
    }

    @Test
    void sameSeed_sameFrames_otherSeed_otherNoise() {
        var control = new AtomicReference<>(CameraSettings.defaults(128).withAcquiring(true));
        RawFrame a = camera(control, 5).trigger(50_000);
        RawFrame b = camera(control, 5).trigger(50_000);
        RawFrame c = camera(control, 6).trigger(50_000);
        assertArrayEquals(a.counts(), b.counts());
        assertNotEquals(java.util.Arrays.hashCode(a.counts()), java.util.Arrays.hashCode(c.counts()));
        assertEquals(0, a.sequence());
    }

    @Test
    void binningAndRoi_shrinkTheFrame_andAverageCounts() {
        var full = new AtomicReference<>(new CameraSettings(10_000, 50, 1, 1, 32, 64, true, true));
        var binned = new AtomicReference<>(new CameraSettings(10_000, 50, 2, 2, 32, 64, true, true));
        RawFrame f = camera(full, 5).trigger(-45_000);   // white reference strip: bright, uniform
        RawFrame g = camera(binned, 5).trigger(-45_000);
        assertEquals(64, f.pixels());
        assertEquals(32, g.pixels());
        assertEquals(16, g.bands());
        double meanFull = 0;
        double meanBinned = 0;
        for (int i = 0; i < f.pixels() * f.bands(); i++) {
            meanFull += f.countAt(i);
        }
        for (int i = 0; i < g.pixels() * g.bands(); i++) {
            meanBinned += g.countAt(i);
        }
        assertEquals(meanFull / (64 * 32), meanBinned / (32 * 16), 15);
        assertEquals(32 / 2, camera(binned, 5).effectiveSensor().bands());
    }

    @Test
    void whiteStrip_isBrighterThanBelt_andBelowSaturation() {
        var control = new AtomicReference<>(CameraSettings.defaults(128).withAcquiring(true));
        SimulatedLineScanCamera cam = camera(control, 5);
        RawFrame white = cam.trigger(-45_000);
        RawFrame belt = cam.trigger(-10_000);
        int band = 20; // ~790 nm, near the response peak
        int mid = 64;
        assertTrue(white.count(mid, band) > 2500 && white.count(mid, band) < 4095, "white " + white.count(mid, band));
        assertTrue(belt.count(mid, band) < 400, "belt " + belt.count(mid, band));
    }

    @Test
    void notAcquiring_triggerIsRefused() {
        var control = new AtomicReference<>(CameraSettings.defaults(128));
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.hyclus.hardware.DeviceException.class,
                () -> camera(control, 5).trigger(7));
        assertEquals("camera vnir was triggered at 7 um but is not acquiring: start acquisition first", e.getMessage());
    }

    @Test
    void campaign_isTheReferenceDesign_seeded() {
        List<SimulatedSample> c = new CampaignGenerator(42).generate(YearMonth.of(2025, 1));
        assertEquals(72, c.size());
        assertEquals("P1-2025-01-M100", c.get(0).metadata().sampleId());
        assertEquals("P3-2025-12-P100", c.get(71).metadata().sampleId());
        assertEquals(36, c.stream().filter(s -> s.metadata().fraction() == GrainSizeFraction.PLUS_100).count());
        assertEquals(c, new CampaignGenerator(42).generate(YearMonth.of(2025, 1)));
        // Fines carry more clay: kaolinite share of every Minus 100 sample exceeds its Plus 100 twin's.
        for (int i = 0; i < 72; i += 2) {
            assertTrue(c.get(i).mixture().fractionOf("Kaolinite") > c.get(i + 1).mixture().fractionOf("Kaolinite"));
        }
        assertEquals(12, TrayPlanner.plan(c, 6, "tray").size());
    }
}
