package io.hyclus.app.scan;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.capture.CaptureRecorder;
import io.hyclus.acquisition.sync.RawFrameTap;
import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.acquisition.sync.ScanAbortedException;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.acquisition.sync.SynchronisedScanner;
import io.hyclus.app.rig.InProcessRig;
import io.hyclus.app.rig.RigSettings;
import io.hyclus.app.rig.SimulatedCampaign;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.simulator.campaign.TrayPlanner;
import io.hyclus.simulator.campaign.TrayPlanner.SimulatedTray;
import io.hyclus.simulator.scene.BeltScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scan that aborts mid-tray (the belt stalls) leaves no capture behind, not even a temporary one. */
class CaptureAbortTest {
    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void stalledBelt_abortsScan_andNoCaptureIsKept() throws IOException {
        RigSettings rig = new RigSettings(64, 20, 32, 20, 50, 10_000, 5);
        SimulatedCampaign campaign = SimulatedCampaign.open(Optional.empty(), rig, InstantSource.fixed(T0));
        SimulatedTray tray = TrayPlanner.plan(campaign.samples(), 2, "tray").get(0);
        BeltScene scene = campaign.scene(tray);
        SyncScanSettings d = SyncScanSettings.defaults(50);
        // 1 s line timeout: the stall is noticed quickly
        SyncScanSettings scan = new SyncScanSettings(50, d.runUpMm(), Duration.ofSeconds(1), d.monitorEveryLines(),
                d.moveTimeout(), d.trayOriginMicrons(), CalibrationSettings.defaults());
        List<ScanEvent> events = new ArrayList<>();
        ScanEventSink sink = new ScanEventSink() {
            @Override
            public void publish(ScanEvent e) {
                events.add(e);
            }

            @Override
            public void flush() {
            }
        };
        Path save = dir.resolve("envi");
        try (InProcessRig r = InProcessRig.start(rig, scene, scan.trayOriginMicrons(), campaign.spectra(), T0);
             CaptureRecorder recorder = new CaptureRecorder(save, sink, 0.99)) {
            RawFrameTap stallAt10 = new RawFrameTap() {
                @Override
                public void references(RigCamera camera, List<RawFrame> dark, List<RawFrame> white) {
                }

                @Override
                public void frame(RigCamera camera, long line, RawFrame frame) {
                }

                @Override
                public void lineDone(long line, long lines, boolean late) {
                    if (line == 10) {
                        r.belt().injectStall();
                    }
                }
            };
            var e = assertThrows(ScanAbortedException.class, () -> new SynchronisedScanner(scan, r.conveyor(),
                    r.encoder(), r.cameras(), r.clock(), new Taps(List.of(recorder, stallAt10)))
                    .scan("abort-1", tray.layout(), scene.whiteReferenceCentreMm(), campaign.provenance(tray), recorder));
            assertTrue(e.getMessage().startsWith("scan abort-1 aborted after 11 lines"), e.getMessage());
            assertTrue(events.get(events.size() - 1) instanceof ScanCompleted, "the completion records the abort");
        }
        for (String camera : List.of("vnir", "swir")) {
            try (Stream<Path> s = Files.list(save.resolve(camera))) {
                assertEquals(List.of(), s.toList(), camera + ": nothing kept");
            }
        }
    }
}
