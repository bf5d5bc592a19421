package io.hyclus.acquisition.scan;

import io.hyclus.acquisition.calibration.CalibrationSettings;
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
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.camera.CameraModel;
import io.hyclus.simulator.scene.EndmemberSpectra;
import io.hyclus.simulator.scene.MineralFraction;
import io.hyclus.simulator.scene.MineralMixture;
import io.hyclus.simulator.scene.SampleMaterial;
import io.hyclus.simulator.scene.SceneSettings;
import io.hyclus.simulator.camera.SimulatedLineScanCamera;
import io.hyclus.simulator.scene.SimulatedSample;
import io.hyclus.simulator.spectra.BundledLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scans a simulated tray through calibration and checks the physics end to end: the calibrated
 * spectrum of a one-mineral sample, averaged over its pixels, is the library spectrum it was built from.
 */
class TrayScannerTest {
    private static final long ORIGIN = 2_000_000;
    private static final SampleMetadata GYPSUM = new SampleMetadata("G-1", "Plant-1", YearMonth.of(2025, 1),
            GrainSizeFraction.PLUS_100);
    private static final SampleMetadata MIX = new SampleMetadata("M-1", "Plant-2", YearMonth.of(2025, 1),
            GrainSizeFraction.MINUS_100);
    private static final MineralMixture MIXTURE = new MineralMixture(List.of(new MineralFraction("Quartz", 0.6),
            new MineralFraction("Kaolinite", 0.3), new MineralFraction("Hematite", 0.1)));

    private static List<ScanEvent> events;
    private static List<ScanEvent> swirEvents;
    private static CameraModel model;
    private static CameraModel swirModel;
    private static EndmemberSpectra spectra;

    @BeforeAll
    static void scan() {
        spectra = new EndmemberSpectra(BundledLibrary.open());
        model = CameraModel.vnir(256, 60);
        swirModel = CameraModel.swir(128, 75);
        events = scanWith(model);
        swirEvents = scanWith(swirModel);
    }

    private static List<ScanEvent> scanWith(CameraModel camera) {
        TrayLayout tray = new TrayLayout("t-1", 280, 100, List.of(
                new TraySlot(0, GYPSUM, new RegionMm(20, 15, 130, 85)),
                new TraySlot(1, MIX, new RegionMm(150, 15, 260, 85))));
        BeltScene scene = new BeltScene(tray, List.of(
                new SimulatedSample(GYPSUM, new MineralMixture(List.of(new MineralFraction("Gypsum", 1.0)))),
                new SimulatedSample(MIX, MIXTURE)), SceneSettings.defaults());
        int pixels = camera.sensor().pixels();
        AtomicReference<CameraSettings> control = new AtomicReference<>(CameraSettings.defaults(pixels).withAcquiring(true));
        SimulatedLineScanCamera cam = new SimulatedLineScanCamera(camera, scene, spectra, ORIGIN, control::get,
                InstantSource.fixed(Instant.EPOCH), 99);
        ScanCamera sc = new ScanCamera(cam.effectiveSensor(), cam.geometry(), cam,
                open -> control.updateAndGet(c -> c.withShutterOpen(open)));
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
        new TrayScanner(new ScanSettings(1.0, CalibrationSettings.defaults()), InstantSource.fixed(Instant.EPOCH))
                .scan("scan-1", tray, sc, scene.whiteReferenceCentreMm(), Map.of("k", "v"), sink);
        return recorded;
    }

    @Test
    void events_startLinesCompleted_inOrder() {
        assertInstanceOf(ScanStarted.class, events.get(0));
        assertInstanceOf(ScanCompleted.class, events.get(events.size() - 1));
        assertEquals(100, events.size() - 2);
        for (int i = 1; i < events.size() - 1; i++) {
            Scanline l = (Scanline) events.get(i);
            assertEquals(i - 1, l.lineIndex());
            assertEquals(ORIGIN + 500 + 1000L * (i - 1), l.encoderMicrons());
        }
        ScanStarted s = (ScanStarted) events.get(0);
        assertEquals("v", s.provenance().get("k"));
        assertEquals("16 (sequence 0-15)", s.provenance().get("calibration.dark_frames"));
        assertEquals(Map.of(SensorKind.VNIR, 100L), ((ScanCompleted) events.get(events.size() - 1)).linesPublished());
    }

    @Test
    void pureMineral_calibratedMean_matchesItsLibrarySpectrum() {
        assertMatchesLibrary(model, events);
    }

    @Test
    void pureMineral_swir_calibratedMean_matchesItsLibrarySpectrum_includingWaterBands() {
        assertMatchesLibrary(swirModel, swirEvents);
        double[] mean = meanOver(swirEvents, new RegionMm(20, 15, 130, 85).inset(4), swirModel.sensor().bands());
        WavelengthGrid g = swirModel.sensor().grid();
        // Gypsum's 1940 nm water band is deep against its 1800 nm shoulder.
        assertTrue(mean[g.nearestBand(1940)] < 0.7 * mean[g.nearestBand(1800)],
                mean[g.nearestBand(1940)] + " vs " + mean[g.nearestBand(1800)]);
    }

    private static void assertMatchesLibrary(CameraModel camera, List<ScanEvent> scan) {
        WavelengthGrid grid = camera.sensor().grid();
        double[] library = Resampler.resample(spectra.library().spectrum(
                spectra.choose("Gypsum", GrainSizeFraction.PLUS_100, grid).entry()), grid);
        double[] mean = meanOver(scan, new RegionMm(20, 15, 130, 85).inset(4), grid.bands());
        for (int b = 0; b < grid.bands(); b++) {
            // Texture averages out; glints (0.2 % of pixels, +1.2) add ~0.0024; noise over ~25k pixels is tiny.
            assertEquals(library[b], mean[b], 0.01 + 0.02 * library[b], "band " + b + " at " + grid.centreNm(b) + " nm");
        }
    }

    @Test
    void mixture_calibratedMean_matchesItsKubelkaMunkMixture() {
        WavelengthGrid grid = model.sensor().grid();
        double[] expected = new SampleMaterial(MIXTURE, GrainSizeFraction.MINUS_100, grid, spectra).meanReflectance();
        double[] mean = meanOver(events, new RegionMm(150, 15, 260, 85).inset(4), grid.bands());
        for (int b = 0; b < grid.bands(); b++) {
            // Per-pixel Dirichlet fractions scatter around the mean composition; K/S mixing is convex, so allow 8 %.
            assertEquals(expected[b], mean[b], 0.01 + 0.08 * expected[b], "band " + b);
        }
        // Hematite's ferric-iron edge: red brighter than blue.
        assertTrue(mean[grid.nearestBand(750)] > 1.2 * mean[grid.nearestBand(450)], "750/450 nm: " + mean[grid.nearestBand(750)] + " / " + mean[grid.nearestBand(450)]);
    }

    @Test
    void beltBetweenContainers_calibratesToTheTrayReflectance() {
        double[] mean = meanOver(events, new RegionMm(137, 20, 143, 80), model.sensor().bands());
        for (int b = 0; b < mean.length; b++) {
            assertEquals(0.78, mean[b], 0.03, "tray floor band " + b);
        }
    }

    private static double[] meanOver(List<ScanEvent> events, RegionMm region, int bands) {
        ScanStarted s = (ScanStarted) events.get(0);
        var geo = s.cameras().get(0).geometry();
        double[] sum = new double[bands];
        int n = 0;
        for (ScanEvent e : events) {
            if (e instanceof Scanline l) {
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
        assertTrue(n > 100, "pixels in " + region + ": " + n);
        for (int b = 0; b < bands; b++) {
            sum[b] /= n;
        }
        return sum;
    }
}
