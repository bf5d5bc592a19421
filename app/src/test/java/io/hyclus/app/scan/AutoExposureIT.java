package io.hyclus.app.scan;

import io.hyclus.acquisition.sync.AutoExposure;
import io.hyclus.acquisition.sync.ExposureChoice;
import io.hyclus.acquisition.sync.ExposureSettings;
import io.hyclus.acquisition.sync.RawFrameTap;
import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.acquisition.sync.ScanAbortedException;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.acquisition.sync.SynchronisedScanner;
import io.hyclus.app.demo.DemoSettings;
import io.hyclus.app.rig.InProcessRig;
import io.hyclus.app.rig.RigSettings;
import io.hyclus.app.rig.SimulatedCampaign;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.simulator.campaign.TrayPlanner;
import io.hyclus.simulator.campaign.TrayPlanner.SimulatedTray;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.scene.SceneSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Auto-exposure on the simulated rig at the demo's size, line rate and belt speed (full-size cameras, 50 Hz, 50 mm/s).
 * Saturated values are counted on the raw frames of responsive elements (hot elements, whose dark level alone is over
 * half of full scale, are calibration's to repair and are left out). The scene's specular glints (reflectance + 1.2 on
 * 0.2 % of sample pixels) exceed any diffuse white reference, so "nothing saturates" is checked on the same tray with
 * glints off; with glints on, the values left are counted and printed.
 */
class AutoExposureIT {
    private static final double FULL_SCALE = RawFrame.MAX_COUNT;
    private static final ExposureSettings AE = ExposureSettings.defaults();
    private static final double LOW = (AE.targetPeakFraction() - AE.toleranceFraction()) * FULL_SCALE;
    private static final double HIGH = (AE.targetPeakFraction() + AE.toleranceFraction()) * FULL_SCALE;
    private static final SyncScanSettings SCAN = SyncScanSettings.defaults(DemoSettings.BELT_SPEED_MM_PER_SECOND);
    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
    private static final long SEED = 20261125;

    /** Saturated values of responsive elements per camera over a scan's lines. */
    private static final class SaturationTap implements RawFrameTap {
        final Map<String, boolean[]> hot = new LinkedHashMap<>();
        final Map<String, Long> saturated = new LinkedHashMap<>();

        @Override
        public void references(RigCamera camera, List<RawFrame> dark, List<RawFrame> white) {
            RawFrame d = dark.get(0);
            boolean[] h = new boolean[d.pixels() * d.bands()];
            for (int e = 0; e < h.length; e++) {
                double sum = 0;
                for (RawFrame f : dark) {
                    sum += f.countAt(e);
                }
                h[e] = sum / dark.size() >= AE.hotDarkFraction() * FULL_SCALE;
            }
            hot.put(camera.sensor().id(), h);
            saturated.put(camera.sensor().id(), 0L);
        }

        @Override
        public void frame(RigCamera camera, long line, RawFrame f) {
            boolean[] h = hot.get(camera.sensor().id());
            long n = 0;
            for (int e = 0; e < h.length; e++) {
                if (!h[e] && f.countAt(e) >= RawFrame.MAX_COUNT) {
                    n++;
                }
            }
            saturated.merge(camera.sensor().id(), n, Long::sum);
        }
    }

    private static final ScanEventSink DISCARD = new ScanEventSink() {
        @Override
        public void publish(ScanEvent event) {
        }

        @Override
        public void flush() {
        }
    };

    private record Outcome(List<ExposureChoice> choices, Map<String, Long> saturated) {
    }

    /** Scans the campaign's first tray at the demo's settings with {@code integrationMicros} to start from. */
    private static Outcome scan(int integrationMicros, boolean autoExposure, double glints) {
        RigSettings rig = new RigSettings(RigSettings.REFERENCE_VNIR_PIXELS, RigSettings.REFERENCE_VNIR_BANDS,
                RigSettings.REFERENCE_SWIR_PIXELS, RigSettings.REFERENCE_SWIR_BANDS, 50, integrationMicros, SEED);
        SimulatedCampaign campaign = SimulatedCampaign.open(Optional.empty(), rig, InstantSource.fixed(T0));
        SimulatedTray tray = TrayPlanner.plan(campaign.samples(), 4, "tray").get(0);
        SceneSettings d = SceneSettings.defaults();
        BeltScene scene = new BeltScene(tray.layout(), tray.samples(),
                new SceneSettings(d.wallMm(), d.whiteStartMm(), d.whiteEndMm(), d.shadowMm(), glints));
        try (InProcessRig r = InProcessRig.start(rig, scene, SCAN.trayOriginMicrons(), campaign.spectra(), T0)) {
            List<RigCamera> cameras = r.cameras();
            List<ExposureChoice> choices = List.of();
            if (autoExposure) {
                AutoExposure.Result result = AutoExposure.adjust(cameras, r.conveyor(), SCAN.trayOriginMicrons()
                        + Math.round(scene.whiteReferenceCentreMm() * 1000), AE, SCAN.moveTimeout());
                cameras = result.cameras();
                choices = result.choices();
            }
            SaturationTap tap = new SaturationTap();
            new SynchronisedScanner(SCAN, r.conveyor(), r.encoder(), cameras, r.clock(), tap)
                    .scan("ae-test", tray.layout(), scene.whiteReferenceCentreMm(), campaign.provenance(tray), DISCARD);
            return new Outcome(choices, tap.saturated);
        }
    }

    @Test
    void overExposedStart_whiteSaturates_thenAutoExposureBringsWhitePeakTo85PercentAndNothingSaturates() {
        int overExposed = 16_000; // the most 80 % of the 20 ms line period allows
        // without auto-exposure the white reference itself saturates: calibration refuses the scan
        ScanAbortedException before = assertThrows(ScanAbortedException.class, () -> scan(overExposed, false, 0));
        System.out.println("Before auto-exposure (" + overExposed + " us): " + before.getMessage());
        assertTrue(before.getMessage().contains("camera vnir: ") && before.getMessage().contains("white saturated"),
                before.getMessage());

        Outcome after = scan(overExposed, true, 0);
        for (ExposureChoice c : after.choices()) {
            System.out.println("After: " + c.describe());
            assertTrue(c.peakDn() >= LOW && c.peakDn() <= HIGH, c.describe());
            assertEquals(0, c.saturatedElements(), c.describe());
            assertTrue(c.integrationMicros() < overExposed, c.describe());
        }
        assertEquals(Map.of("vnir", 0L, "swir", 0L), after.saturated(), "saturated values after auto-exposure");
    }

    @Test
    void underExposedStart_raisedIntoTheBand() {
        Outcome after = scan(2_000, true, 0);
        for (ExposureChoice c : after.choices()) {
            System.out.println("From 2000 us: " + c.describe());
            assertTrue(c.peakDn() >= LOW && c.peakDn() <= HIGH, c.describe());
            assertTrue(c.integrationMicros() > 2_000, c.describe());
        }
        assertEquals(Map.of("vnir", 0L, "swir", 0L), after.saturated());
    }

    @Test
    void demoDefaults_withGlints_onlyGlintsSaturate() {
        int demo = new DemoSettings(java.nio.file.Path.of("unused"), Optional.empty(), Optional.empty(), 4, SEED,
                1024, 224, 1.0, java.time.Duration.ofSeconds(1), true).rig().integrationMicros();
        Outcome before = scan(demo, false, SceneSettings.defaults().glintProbability());
        Outcome after = scan(demo, true, SceneSettings.defaults().glintProbability());
        Outcome noGlints = scan(demo, true, 0);
        System.out.println("Demo exposure " + demo + " us with glints: saturated " + before.saturated()
                + "; after auto-exposure " + after.choices().stream().map(ExposureChoice::describe).toList()
                + ": saturated " + after.saturated() + "; same without glints: " + noGlints.saturated());
        assertTrue(before.saturated().get("vnir") > 0, "the demo's scene saturates: " + before.saturated());
        assertEquals(Map.of("vnir", 0L, "swir", 0L), noGlints.saturated(), "without glints nothing saturates");
    }
}
