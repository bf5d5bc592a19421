package io.hyclus.acquisition.sync;

import io.hyclus.acquisition.calibration.RadiometricCalibration;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.Resampler;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.FrameSource;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.simulator.camera.CameraModel;
import io.hyclus.simulator.camera.InProcessCameraControl;
import io.hyclus.simulator.camera.SimulatedLineScanCamera;
import io.hyclus.simulator.conveyor.SimulatedConveyor;
import io.hyclus.simulator.conveyor.SimulatedConveyorSettings;
import io.hyclus.simulator.conveyor.SteppingClock;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.scene.EndmemberSpectra;
import io.hyclus.simulator.scene.MineralFraction;
import io.hyclus.simulator.scene.MineralMixture;
import io.hyclus.simulator.scene.SampleMaterial;
import io.hyclus.simulator.scene.SceneSettings;
import io.hyclus.simulator.scene.SimulatedSample;
import io.hyclus.simulator.spectra.BundledLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scans a simulated tray with the one scanner over an in-process rig (simulated belt, both simulated cameras behind
 * in-process controls) and checks the physics end to end: the calibrated spectrum of a one-mineral sample, averaged
 * over its pixels, is the library spectrum it was built from, on VNIR and SWIR; saturated values are counted.
 */
class InProcessRigScanTest {
    private static final SyncScanSettings SCAN = SyncScanSettings.defaults(100);
    private static final long ORIGIN = SCAN.trayOriginMicrons();
    private static final double FRAME_RATE_HZ = 100;
    private static final SampleMetadata GYPSUM = new SampleMetadata("G-1", "Plant-1", YearMonth.of(2025, 1),
            GrainSizeFraction.PLUS_100);
    private static final SampleMetadata MIX = new SampleMetadata("M-1", "Plant-2", YearMonth.of(2025, 1),
            GrainSizeFraction.MINUS_100);
    private static final MineralMixture MIXTURE = new MineralMixture(List.of(new MineralFraction("Quartz", 0.6),
            new MineralFraction("Kaolinite", 0.3), new MineralFraction("Hematite", 0.1)));
    private static final RegionMm GYPSUM_REGION = new RegionMm(20, 15, 130, 85);
    private static final TrayLayout TRAY = new TrayLayout("t-1", 280, 100, List.of(
            new TraySlot(0, GYPSUM, GYPSUM_REGION),
            new TraySlot(1, MIX, new RegionMm(150, 15, 260, 85))));
    private static final ProvenanceKey TEST_KEY = ProvenanceKey.of("test.key");

    private static EndmemberSpectra spectra;
    private static CameraModel vnir;
    private static CameraModel swir;
    private static Scan scan;

    /** A scan's events, report and the saturated values each camera really delivered on the lines. */
    private record Scan(List<ScanEvent> events, ScanReport report, Map<SensorKind, long[]> saturated) {
        ScanStarted started() {
            return (ScanStarted) events.get(0);
        }

        ScanCompleted completed() {
            return (ScanCompleted) events.get(events.size() - 1);
        }
    }

    @BeforeAll
    static void scanOnce() {
        spectra = new EndmemberSpectra(BundledLibrary.open());
        vnir = CameraModel.vnir(256, 60);
        swir = CameraModel.swir(128, 75);
        scan = scan(SceneSettings.defaults());
    }

    /**
     * The simulated belt runs on a clock that moves a quarter of the 10 ms line period at every reading, so the belt
     * advances as fast as the scan reads it: deterministic, and no waiting on real time.
     */
    private static Scan scan(SceneSettings sceneSettings) {
        BeltScene scene = new BeltScene(TRAY, List.of(
                new SimulatedSample(GYPSUM, new MineralMixture(List.of(new MineralFraction("Gypsum", 1.0)))),
                new SimulatedSample(MIX, MIXTURE)), sceneSettings);
        InstantSource clock = new SteppingClock(Instant.parse("2025-01-06T08:00:00Z"), Duration.ofMillis(10).dividedBy(4));
        SimulatedConveyor belt = new SimulatedConveyor(new SimulatedConveyorSettings("belt", 200, 1000, 2000), clock);
        Map<SensorKind, long[]> saturated = Map.of(SensorKind.VNIR, new long[2], SensorKind.SWIR, new long[2]);
        List<RigCamera> cameras = List.of(camera(vnir, scene, clock, saturated.get(SensorKind.VNIR)),
                camera(swir, scene, clock, saturated.get(SensorKind.SWIR)));
        List<ScanEvent> recorded = new ArrayList<>();
        ScanEventSink sink = new ScanEventSink() {
            @Override
            public void publish(ScanEvent event) {
                recorded.add(event);
            }

            @Override
            public void flush() {
            }
        };
        ScanReport report = new SynchronisedScanner(SCAN, belt, belt.encoder(), cameras, clock)
                .scan("scan-1", TRAY, scene.whiteReferenceCentreMm(), Provenance.builder().put(TEST_KEY, "v").build(), sink);
        return new Scan(recorded, report, saturated);
    }

    /** @param saturated receives the values at full scale and the lines with any, over the tray's lines only */
    private static RigCamera camera(CameraModel model, BeltScene scene, InstantSource clock, long[] saturated) {
        int pixels = model.sensor().pixels();
        InProcessCameraControl control = new InProcessCameraControl(new CameraIdentity(model.sensor().kind(), "TEST",
                "T1", "1.0.0", pixels, model.sensor().bands()), clock, 1);
        CameraSettings target = new CameraSettings(10_000, FRAME_RATE_HZ, 1, 1, 0, pixels, true, false);
        control.apply(target);
        SimulatedLineScanCamera cam = new SimulatedLineScanCamera(model, scene, spectra, ORIGIN, control::settings,
                clock, 99);
        FrameSource counted = encoderMicrons -> {
            RawFrame f = cam.trigger(encoderMicrons);
            if (encoderMicrons >= ORIGIN) {
                long n = 0;
                for (int i = 0; i < f.pixels() * f.bands(); i++) {
                    n += f.countAt(i) == RawFrame.MAX_COUNT ? 1 : 0;
                }
                saturated[0] += n;
                saturated[1] += n > 0 ? 1 : 0;
            }
            return f;
        };
        return new RigCamera(control, counted, cam.effectiveSensor(), cam.geometry(), target);
    }

    @Test
    void events_startLinesCompleted_inOrder_bothCamerasAtEachLine() {
        List<ScanEvent> events = scan.events();
        assertInstanceOf(ScanStarted.class, events.get(0));
        assertInstanceOf(ScanCompleted.class, events.get(events.size() - 1));
        assertEquals(200, events.size() - 2);
        for (int i = 1; i < events.size() - 1; i++) {
            Scanline l = (Scanline) events.get(i);
            assertEquals((i - 1) / 2, l.lineIndex());
            assertEquals(i % 2 == 1 ? SensorKind.VNIR : SensorKind.SWIR, l.camera());
            assertEquals(ORIGIN + 500 + 1000L * ((i - 1) / 2), l.encoderMicrons());
        }
        assertEquals(100, scan.report().lines());
        assertEquals(Map.of(SensorKind.VNIR, 100L, SensorKind.SWIR, 100L), scan.completed().linesPublished());
    }

    @Test
    void provenance_typedKeys_callerCalibrationPerCameraAndScan() {
        Map<String, String> p = scan.started().provenance();
        assertEquals("v", p.get("test.key"));
        ProvenanceKey vnirCal = ProvenanceKeys.CALIBRATION.child("vnir");
        assertEquals("16 (sequence 0-15)", p.get(RadiometricCalibration.DARK_FRAMES.under(vnirCal).name()));
        assertEquals("16 (sequence 16-31)", p.get("calibration.swir.white_frames"));
        assertEquals("1000", p.get(ScanKeys.LINE_PITCH_UM.name()));
        assertEquals("100.0", p.get("scan.belt_speed_mm_s"));
        assertTrue(p.get("scan.camera.swir").startsWith("CameraIdentity[kind=SWIR"), p.get("scan.camera.swir"));
        assertTrue(p.keySet().stream().noneMatch(k -> k.contains("line_pitch_mm")), p.toString());
    }

    @Test
    void saturatedValues_areCountedPerCamera_andRecorded() {
        Scan glinty = scan(new SceneSettings(3.0, -60.0, -30.0, 2.0, 0.1));
        for (SensorKind kind : List.of(SensorKind.VNIR, SensorKind.SWIR)) {
            long[] truth = glinty.saturated().get(kind);
            assertTrue(truth[0] > 1000, kind + ": glints on 10 % of sample pixels saturate: " + truth[0]);
            String id = kind == SensorKind.VNIR ? "vnir" : "swir";
            String expected = id + ": " + truth[0] + " saturated values (4095 DN) in " + truth[1] + " of 100 lines;"
                    + " their reflectance is a lower bound";
            assertTrue(glinty.report().degradations().contains(expected), glinty.report().degradations().toString());
            assertTrue(glinty.completed().degradations().contains(expected));
        }
        assertTrue(glinty.saturated().get(SensorKind.VNIR)[0] > 10 * scan.saturated().get(SensorKind.VNIR)[0]);
    }

    @Test
    void pureMineral_calibratedMean_matchesItsLibrarySpectrum() {
        assertMatchesLibrary(vnir);
    }

    @Test
    void pureMineral_swir_calibratedMean_matchesItsLibrarySpectrum_includingWaterBands() {
        assertMatchesLibrary(swir);
        double[] mean = meanOver(SensorKind.SWIR, GYPSUM_REGION.inset(4), swir.sensor().bands());
        WavelengthGrid g = swir.sensor().grid();
        // Gypsum's 1940 nm water band is deep against its 1800 nm shoulder.
        assertTrue(mean[g.nearestBand(1940)] < 0.7 * mean[g.nearestBand(1800)],
                mean[g.nearestBand(1940)] + " vs " + mean[g.nearestBand(1800)]);
    }

    private static void assertMatchesLibrary(CameraModel camera) {
        WavelengthGrid grid = camera.sensor().grid();
        double[] library = Resampler.resample(spectra.library().spectrum(
                spectra.choose("Gypsum", GrainSizeFraction.PLUS_100, grid).entry()), grid);
        double[] mean = meanOver(camera.sensor().kind(), GYPSUM_REGION.inset(4), grid.bands());
        for (int b = 0; b < grid.bands(); b++) {
            // Texture averages out; glints (0.2 % of pixels, +1.2) add ~0.0024; noise over ~25k pixels is tiny.
            assertEquals(library[b], mean[b], 0.01 + 0.02 * library[b], "band " + b + " at " + grid.centreNm(b) + " nm");
        }
    }

    @Test
    void mixture_calibratedMean_matchesItsKubelkaMunkMixture() {
        WavelengthGrid grid = vnir.sensor().grid();
        double[] expected = new SampleMaterial(MIXTURE, GrainSizeFraction.MINUS_100, grid, spectra).meanReflectance();
        double[] mean = meanOver(SensorKind.VNIR, new RegionMm(150, 15, 260, 85).inset(4), grid.bands());
        for (int b = 0; b < grid.bands(); b++) {
            // Per-pixel Dirichlet fractions scatter around the mean composition; K/S mixing is convex, so allow 8 %.
            assertEquals(expected[b], mean[b], 0.01 + 0.08 * expected[b], "band " + b);
        }
        // Hematite's ferric-iron edge: red brighter than blue.
        assertTrue(mean[grid.nearestBand(750)] > 1.2 * mean[grid.nearestBand(450)], "750/450 nm: "
                + mean[grid.nearestBand(750)] + " / " + mean[grid.nearestBand(450)]);
    }

    @Test
    void beltBetweenContainers_calibratesToTheTrayReflectance() {
        double[] mean = meanOver(SensorKind.VNIR, new RegionMm(137, 20, 143, 80), vnir.sensor().bands());
        for (int b = 0; b < mean.length; b++) {
            assertEquals(0.78, mean[b], 0.03, "tray floor band " + b);
        }
    }

    private static double[] meanOver(SensorKind kind, RegionMm region, int bands) {
        AcrossTrackGeometry geo = scan.started().camera(kind).orElseThrow().geometry();
        double[] sum = new double[bands];
        int n = 0;
        for (ScanEvent e : scan.events()) {
            if (e instanceof Scanline l && l.camera() == kind) {
                double y = geo.yMm(l.encoderMicrons());
                for (int p = 0; p < l.pixels(); p++) {
                    if (region.contains(geo.xMm(p), y)) {
                        for (int b = 0; b < bands; b++) {
                            sum[b] += l.value(p, b);
                        }
                        n++;
                    }
                }
            }
        }
        assertTrue(n > 100, kind + " pixels in " + region + ": " + n);
        for (int b = 0; b < bands; b++) {
            sum[b] /= n;
        }
        return sum;
    }
}
