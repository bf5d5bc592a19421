package io.hyclus.acquisition.calibration;

import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.simulator.camera.CameraModel;
import io.hyclus.simulator.camera.SimulatedLineScanCamera;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.scene.EndmemberSpectra;
import io.hyclus.simulator.scene.MineralFraction;
import io.hyclus.simulator.scene.MineralMixture;
import io.hyclus.simulator.scene.SceneSettings;
import io.hyclus.simulator.scene.SimulatedSample;
import io.hyclus.simulator.spectra.BundledLibrary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calibration finds exactly the simulated cameras' dead and hot elements (the simulator's ground truth), on both
 * full-size cameras, from 16 dark and 16 white frames, and no good element besides.
 */
class BadElementsSimulatorTest {
    private static final long ORIGIN = 150_000;
    private static final TrayLayout TRAY = new TrayLayout("t-1", 280, 100, List.of(new TraySlot(0,
            new SampleMetadata("Q-1", "Plant-1", YearMonth.of(2025, 1), GrainSizeFraction.PLUS_100),
            new RegionMm(20, 15, 130, 85))));

    @Test
    void deadAndHotElementsOfBothCameras_areFoundExactly() {
        EndmemberSpectra spectra = new EndmemberSpectra(BundledLibrary.open());
        BeltScene scene = new BeltScene(TRAY, List.of(new SimulatedSample(TRAY.slots().get(0).sample(),
                new MineralMixture(List.of(new MineralFraction("Quartz", 1.0))))), SceneSettings.defaults());
        for (CameraModel model : List.of(CameraModel.vnir(1024, 224), CameraModel.swir(384, 288))) {
            int pixels = model.sensor().pixels();
            AtomicReference<CameraSettings> settings = new AtomicReference<>(
                    new CameraSettings(10_000, 25, 1, 1, 0, pixels, false, true));
            SimulatedLineScanCamera cam = new SimulatedLineScanCamera(model, scene, spectra, ORIGIN, settings::get,
                    InstantSource.fixed(Instant.EPOCH), 5);
            List<RawFrame> dark = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                dark.add(cam.trigger(0));
            }
            settings.set(settings.get().withShutterOpen(true));
            long white = cam.encoderMicronsAt(scene.whiteReferenceCentreMm());
            List<RawFrame> whites = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                whites.add(cam.trigger(white));
            }
            RadiometricCalibration cal = RadiometricCalibration.fromReferences(dark, whites,
                    CalibrationSettings.defaults());

            int[] dead = cam.defectiveElements(false);
            int[] hot = cam.defectiveElements(true);
            String id = model.sensor().id();
            assertTrue(dead.length > 0 && hot.length > 0, id + " has defects to find");
            assertEquals(List.of(dead.length, hot.length, 0, dead.length + hot.length), List.of(
                    Integer.parseInt(value(cal, RadiometricCalibration.DEAD_ELEMENTS)),
                    Integer.parseInt(value(cal, RadiometricCalibration.HOT_ELEMENTS)),
                    Integer.parseInt(value(cal, RadiometricCalibration.NOISY_ELEMENTS)),
                    Integer.parseInt(value(cal, RadiometricCalibration.REPAIRED_ELEMENTS))), id);
            TreeSet<String> truth = new TreeSet<>();
            IntStream.concat(Arrays.stream(dead), Arrays.stream(hot)).forEach(i -> truth.add(
                    "pixel " + i / model.sensor().bands() + " band " + i % model.sensor().bands()));
            String listed = cal.degradations().get(0);
            for (String element : truth) {
                assertTrue(listed.contains(element + ",") || listed.endsWith(element), id + ": " + element + " in "
                        + listed);
            }
        }
    }

    private static String value(RadiometricCalibration cal, ProvenanceKey key) {
        return cal.provenance().asMap().get(key.name());
    }
}
