package io.hyclus.app.rig;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.sync.ScanAbortedException;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.acquisition.sync.SynchronisedScanner;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.hardware.CommandRejectedException;
import io.hyclus.hardware.DeviceDisconnectedException;
import io.hyclus.hardware.conveyor.DeviceWarningException;
import io.hyclus.hardware.conveyor.WarningFlag;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.campaign.CampaignGenerator;
import io.hyclus.simulator.scene.EndmemberSpectra;
import io.hyclus.simulator.fault.FaultInjection;
import io.hyclus.simulator.fault.FaultKind;
import io.hyclus.simulator.fault.FaultPlan;
import io.hyclus.simulator.fault.FrameFaults;
import io.hyclus.simulator.scene.SceneSettings;
import io.hyclus.simulator.scene.SimulatedSample;
import io.hyclus.simulator.campaign.TrayPlanner;
import io.hyclus.testkit.Await;
import io.hyclus.testkit.FaultTiming;
import io.hyclus.simulator.spectra.BundledLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One tray scanned by the conveyor and both cameras through their serial drivers (simulators on socat ptys):
 * cameras in step, frame faults reported, and every device fault mid-scan stopping the belt.
 */
@Timeout(120)
class SerialRigScanIT {
    private static final long ORIGIN = SyncScanSettings.DEFAULT_TRAY_ORIGIN_MICRONS;
    private static final RigSettings RIG = new RigSettings(96, 24, 48, 24, 100, 5_000, 3);
    private static final List<SimulatedSample> SAMPLES = new CampaignGenerator(3).generate(1, YearMonth.of(2025, 1), 2);
    private static final TrayPlanner.SimulatedTray TRAY = TrayPlanner.plan(SAMPLES, 4, "tray").get(0);
    private static final BeltScene SCENE = new BeltScene(TRAY.layout(), TRAY.samples(), SceneSettings.defaults());
    private static final EndmemberSpectra SPECTRA = new EndmemberSpectra(BundledLibrary.open());
    /** A short run-up and line timeout, so a stall aborts quickly. */
    private static final SyncScanSettings SCAN = new SyncScanSettings(100, 10, Duration.ofMillis(800), 40,
            SyncScanSettings.DEFAULT_MOVE_TIMEOUT, ORIGIN, CalibrationSettings.defaults());

    /** Records events; runs {@code onLine} for every published scanline. */
    private static final class Recorder implements ScanEventSink {
        final List<ScanEvent> events = new ArrayList<>();
        final Consumer<Scanline> onLine;

        Recorder(Consumer<Scanline> onLine) {
            this.onLine = onLine;
        }

        @Override
        public void publish(ScanEvent e) {
            events.add(e);
            if (e instanceof Scanline l) {
                onLine.accept(l);
            }
        }

        @Override
        public void flush() {
        }

        ScanCompleted completed() {
            return (ScanCompleted) events.get(events.size() - 1);
        }
    }

    private static SimulatedSerialRig rig(SimulatedSerialRig.Faults faults) {
        return SimulatedSerialRig.start(RIG, SCENE, ORIGIN, SPECTRA, InstantSource.system(), faults);
    }

    private static SynchronisedScanner scanner(SimulatedSerialRig rig) {
        return new SynchronisedScanner(SCAN, rig.conveyor(), rig.encoder(), rig.cameras(), InstantSource.system());
    }

    @Test
    void bothCameras_triggeredAtTheSameEncoderPositions_atSpeedOverRatePitch() {
        try (SimulatedSerialRig rig = rig(SimulatedSerialRig.Faults.none())) {
            Recorder rec = new Recorder(l -> { });
            SynchronisedScanner s = scanner(rig);
            assertEquals(1000, s.linePitchMicrons(), "100 mm/s at 100 Hz");
            var report = s.scan("scan-ok", TRAY.layout(), SCENE.whiteReferenceCentreMm(), Provenance.empty(), rec);
            long lines = (long) Math.floor(TRAY.layout().lengthMm());
            assertEquals(lines, report.lines());
            ScanStarted start = (ScanStarted) rec.events.get(0);
            assertEquals(2, start.cameras().size());
            assertEquals("1000", start.provenance().get("scan.line_pitch_um"));
            assertEquals("16 (sequence 0-15)", start.provenance().get("calibration.swir.dark_frames"));
            assertTrue(start.provenance().get("scan.camera.vnir").contains("model=HC-VNIR-SIM"),
                    start.provenance().get("scan.camera.vnir"));
            Map<Long, Long> vnir = new HashMap<>();
            Map<Long, Long> swir = new HashMap<>();
            for (ScanEvent e : rec.events) {
                if (e instanceof Scanline l) {
                    (l.camera() == SensorKind.VNIR ? vnir : swir).put(l.lineIndex(), l.encoderMicrons());
                }
            }
            assertEquals(lines, vnir.size());
            assertEquals(vnir, swir, "same encoder position for each line on both cameras");
            assertEquals(ORIGIN + 500 + 1000 * 7, vnir.get(7L));
            assertEquals(Map.of(SensorKind.VNIR, lines, SensorKind.SWIR, lines), rec.completed().linesPublished());
            Await.until(Duration.ofSeconds(5), "belt stopped after the scan", () -> !rig.belt().snapshot().moving());
        }
    }

    @Test
    void droppedAndDuplicatedFrames_areDetectedBySequence_andReported() {
        // 16 dark + 16 white reference frames come first: trigger 32 is line 0.
        FrameFaults faults = new FrameFaults(Set.of(32L + 20), Set.of(32L + 40));
        try (SimulatedSerialRig rig = rig(new SimulatedSerialRig.Faults(FaultPlan.none(), FaultPlan.none(), FaultPlan.none(),
                faults, FrameFaults.none()))) {
            Recorder rec = new Recorder(l -> { });
            var report = scanner(rig).scan("scan-frames", TRAY.layout(), SCENE.whiteReferenceCentreMm(), Provenance.empty(), rec);
            long lines = report.lines();
            assertEquals(Map.of(SensorKind.VNIR, lines - 1, SensorKind.SWIR, lines), rec.completed().linesPublished());
            String note = report.degradations().stream().filter(d -> d.startsWith("vnir: 1 frames dropped")).findFirst()
                    .orElseThrow(() -> new AssertionError(report.degradations().toString()));
            // Trigger 52 lost frame #52 inside the camera; trigger 72 re-sent #72 (line 39's frame) for line 40.
            assertEquals("vnir: 1 frames dropped, 1 duplicates discarded (line 20: frames #52-#52 dropped; line 40: frame "
                    + "#72 repeated after #72, discarded)", note);
        }
    }

    @Test
    void stallMidScan_abortsWithTheFlag_beltStopped_linesSoFarClosedOut() {
        try (SimulatedSerialRig rig = rig(SimulatedSerialRig.Faults.none())) {
            Recorder rec = new Recorder(l -> {
                if (l.lineIndex() == 60 && l.camera() == SensorKind.VNIR) {
                    rig.belt().injectStall();
                }
            });
            var e = FaultTiming.failsWithin(FaultTiming.SCAN_ABORT_BOUND, ScanAbortedException.class,
                    () -> scanner(rig).scan("scan-stall", TRAY.layout(), SCENE.whiteReferenceCentreMm(), Provenance.empty(), rec));
            DeviceWarningException cause = assertInstanceOf(DeviceWarningException.class, e.getCause(), e.getMessage());
            assertEquals(WarningFlag.STALLED_AND_STOPPED, cause.flag());
            // Stalled while line 60 was being published: the lines whose positions the belt still reached were
            // taken (61 when the scan keeps up with the belt, more if it lagged), then the controller names the flag.
            assertFalse(rig.belt().snapshot().moving(), "belt stopped");
            long reached = Math.round(rig.belt().snapshot().positionMm() * 1000);
            long expected = (reached - ORIGIN - 500) / 1000 + 1;
            assertTrue(expected >= 61, "belt stalled at " + reached + " um");
            assertEquals(expected, e.linesPublished());
            assertTrue(e.getMessage().startsWith("scan scan-stall aborted after " + expected + " lines: "), e.getMessage());
            assertTrue(e.getMessage().contains("FS"), e.getMessage());
            assertTrue(rec.completed().degradations().get(0).startsWith("scan scan-stall aborted after " + expected + " lines"));
            assertEquals(expected, rec.completed().linesPublished().get(SensorKind.SWIR));
        }
    }

    @Test
    void cameraLinkLostMidScan_abortsNamingTheCamera_beltStopped() {
        FaultPlan vnirFaults = FaultPlan.of(1, FaultInjection.on("TEMP?", FaultKind.DISCONNECT));
        try (SimulatedSerialRig rig = rig(new SimulatedSerialRig.Faults(FaultPlan.none(), vnirFaults, FaultPlan.none(),
                FrameFaults.none(), FrameFaults.none()))) {
            Recorder rec = new Recorder(l -> { });
            var e = assertThrows(ScanAbortedException.class, () -> scanner(rig).scan("scan-cam", TRAY.layout(),
                    SCENE.whiteReferenceCentreMm(), Provenance.empty(), rec));
            assertInstanceOf(DeviceDisconnectedException.class, e.getCause(), e.getMessage());
            assertTrue(e.getMessage().contains("TEMP?"), e.getMessage());
            assertEquals(40, e.linesPublished(), "first temperature check after 40 lines");
            Await.until(Duration.ofSeconds(3), "belt stopped", () -> !rig.belt().snapshot().moving());
            assertInstanceOf(ScanCompleted.class, rec.events.get(rec.events.size() - 1));
        }
    }

    @Test
    void cameraRefusesToStartAcquisition_noScanStarts_beltStopped() {
        FaultPlan swirFaults = FaultPlan.of(1, FaultInjection.reject("ACQ START", "HARDWARE").persistent());
        try (SimulatedSerialRig rig = rig(new SimulatedSerialRig.Faults(FaultPlan.none(), FaultPlan.none(), swirFaults,
                FrameFaults.none(), FrameFaults.none()))) {
            Recorder rec = new Recorder(l -> { });
            var e = assertThrows(ScanAbortedException.class, () -> scanner(rig).scan("scan-rj", TRAY.layout(),
                    SCENE.whiteReferenceCentreMm(), Provenance.empty(), rec));
            assertInstanceOf(CommandRejectedException.class, e.getCause(), e.getMessage());
            assertTrue(e.getMessage().contains("swir"), e.getMessage());
            assertTrue(rec.events.isEmpty(), "nothing published before the scan started");
            assertTrue(e.getMessage().contains("ACQ START"), e.getMessage());
            assertFalse(rig.belt().snapshot().moving());
        }
    }
}
