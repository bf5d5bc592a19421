package io.hyclus.app.scan;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.capture.CaptureRecorder;
import io.hyclus.acquisition.capture.CaptureReplay;
import io.hyclus.acquisition.publish.KafkaRawFramePublisher;
import io.hyclus.acquisition.publish.KafkaScanEventPublisher;
import io.hyclus.acquisition.publish.LineEncoding;
import io.hyclus.acquisition.stitch.StitchingSink;
import io.hyclus.acquisition.sync.AutoExposure;
import io.hyclus.acquisition.sync.ExposureChoice;
import io.hyclus.acquisition.sync.RawFrameTap;
import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.acquisition.sync.ScanReport;
import io.hyclus.acquisition.sync.SynchronisedScanner;
import io.hyclus.app.campaign.CampaignSettings;
import io.hyclus.app.pipeline.ContainerWatcher;
import io.hyclus.app.pipeline.Pipeline;
import io.hyclus.app.rig.SimulatedCampaign;
import io.hyclus.app.rig.SimulatedRig;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.tray.TraySlot;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.simulator.campaign.TrayPlanner;
import io.hyclus.simulator.campaign.TrayPlanner.SimulatedTray;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.scene.MineralMixture;
import io.hyclus.simulator.scene.SimulatedSample;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One {@code hyclus scan}: on simulated devices, home → auto-exposure → dark → white → scan → stop, with the progress
 * bar, optionally kept as ENVI captures; or a recorded capture replayed. Either way the scan events go to Kafka through
 * the {@link Pipeline}, whose segmentation writes the per-sample containers, as in the demo and the campaign.
 */
public final class ScanSession {
    /** Provenance of the integration time auto-exposure chose, one child per camera. */
    public static final ProvenanceKey AUTO_EXPOSURE = ProvenanceKeys.SCAN.child("auto_exposure");

    private final ScanSettings settings;
    private final InstantSource clock;
    private final PrintWriter out;

    public ScanSession(ScanSettings settings, InstantSource clock, PrintWriter out) {
        this.settings = settings;
        this.clock = clock;
        this.out = out;
    }

    /** Runs the scan (or the replay) and waits for its containers. */
    public ScanResult run() {
        if (settings.fromEnvi().isPresent()) {
            return replay(settings.fromEnvi().get());
        }
        SimulatedCampaign campaign = SimulatedCampaign.open(settings.libraryDir(), settings.rig(), clock);
        SimulatedTray tray = tray(campaign);
        try (Pipeline pipeline = Pipeline.start(settings.pipeline(), clock, out)) {
            return scan(campaign, tray, pipeline);
        }
    }

    private ScanResult scan(SimulatedCampaign campaign, SimulatedTray tray, Pipeline pipeline) {
        BeltScene scene = campaign.scene(tray);
        long origin = settings.scan().trayOriginMicrons();
        try (SimulatedRig rig = SimulatedRig.start(settings.rigKind(), campaign.rig(), scene, origin, campaign.spectra(),
                clock);
             KafkaScanEventPublisher events = new KafkaScanEventPublisher(pipeline.bootstrapServers(), settings.publish());
             KafkaRawFramePublisher publisher = new KafkaRawFramePublisher(pipeline.bootstrapServers(), events);
             ContainerWatcher watcher = new ContainerWatcher(pipeline.bootstrapServers())) {
            out.println("Rig: " + rig.description() + "; homing the belt");
            out.flush();
            rig.conveyor().home();
            rig.conveyor().awaitIdle(settings.scan().moveTimeout());
            List<RigCamera> cameras = rig.cameras();
            List<ExposureChoice> exposures = List.of();
            // the publisher records the encoding too; here it also reaches a --save-envi capture, which a replay reads
            Provenance.Builder prov = Provenance.builder().putAll(campaign.provenance(tray))
                    .put(LineEncoding.PROVENANCE, settings.publish().lineEncoding().provenanceValue());
            if (settings.autoExposure().isPresent()) {
                long whiteAt = origin + Math.round(scene.whiteReferenceCentreMm() * 1000);
                AutoExposure.Result r = AutoExposure.adjust(cameras, rig.conveyor(), whiteAt,
                        settings.autoExposure().get(), settings.scan().moveTimeout());
                cameras = r.cameras();
                exposures = r.choices();
                for (ExposureChoice c : exposures) {
                    out.println("Auto-exposure " + c.describe());
                    prov.put(AUTO_EXPOSURE.child(c.cameraId()), c.describe());
                }
            } else {
                for (RigCamera c : cameras) {
                    out.println("Exposure " + c.sensor().id() + ": " + c.settings().integrationMicros()
                            + " us (auto-exposure off)");
                }
            }
            SynchronisedScanner probe = new SynchronisedScanner(settings.scan(), rig.conveyor(), rig.encoder(), cameras,
                    rig.clock());
            double pitchMm = probe.linePitchMicrons() / 1000.0;
            ScanProgress progress = new ScanProgress(out, settings.terminal(), pitchMm, System::nanoTime);
            String scanId = campaign.scanId(tray.layout());
            out.printf("Scan %s: tray %s, %d samples, %.0f mm at %.3f mm per line; dark and white references first%n",
                    scanId, tray.layout().trayId(), tray.layout().slots().size(), tray.layout().lengthMm(), pitchMm);
            out.flush();
            // the capture keeps the cameras' own lines; stitching sits after it, so a replay stitches afresh
            ScanEventSink stitched = StitchingSink.around(publisher, settings.stitch());
            CaptureRecorder recorder = settings.saveEnvi().map(d -> new CaptureRecorder(d, stitched,
                    settings.scan().calibration().panelReflectance())).orElse(null);
            try {
                RawFrameTap tap = new Taps(recorder == null ? List.of(publisher, progress)
                        : List.of(recorder, publisher, progress));
                ScanEventSink sink = recorder == null ? stitched : recorder;
                SynchronisedScanner scanner = new SynchronisedScanner(settings.scan(), rig.conveyor(), rig.encoder(),
                        cameras, rig.clock(), tap);
                ScanReport report = scanner.scan(scanId, tray.layout(), scene.whiteReferenceCentreMm(), prov.build(),
                        sink);
                List<Path> captures = recorder == null ? List.of() : recorder.commit();
                captures.forEach(p -> out.println("ENVI capture: " + p.toAbsolutePath()));
                report.degradations().forEach(d -> out.println("Degradation: " + d));
                out.flush();
                List<SampleContainerWritten> written = watcher.await(scanId, tray.layout().slots().size(),
                        settings.timeout(), pipeline::checkHealth);
                return new ScanResult(report, exposures, captures, written);
            } finally {
                if (recorder != null) {
                    recorder.close();
                }
            }
        }
    }

    private ScanResult replay(Path dir) {
        try (Pipeline pipeline = Pipeline.start(settings.pipeline(), clock, out);
             KafkaScanEventPublisher events = new KafkaScanEventPublisher(pipeline.bootstrapServers(), settings.publish());
             // the capture's counts go to hyclus.raw-frames too, so the replayed scan can be replayed or exported again
             KafkaRawFramePublisher publisher = new KafkaRawFramePublisher(pipeline.bootstrapServers(), events);
             ContainerWatcher watcher = new ContainerWatcher(pipeline.bootstrapServers())) {
            AtomicReference<ScanStarted> started = new AtomicReference<>();
            ScanEventSink sink = new ScanEventSink() {
                @Override
                public void publish(ScanEvent event) {
                    if (event instanceof ScanStarted s) {
                        started.set(s);
                        out.printf("Replaying scan %s of tray %s (%d samples) from %s%n", s.scanId(), s.tray().trayId(),
                                s.tray().slots().size(), dir.toAbsolutePath());
                        out.flush();
                    }
                    publisher.publish(event);
                }

                @Override
                public void flush() {
                    publisher.flush();
                }
            };
            CaptureReplay.FrameTap tap = new CaptureReplay.FrameTap() {
                @Override
                public void references(String cameraId, List<RawFrame> dark, List<RawFrame> white) {
                    publisher.references(cameraId, dark, white);
                }

                @Override
                public void frame(String cameraId, long line, RawFrame frame) {
                    publisher.frame(cameraId, line, frame);
                }
            };
            ScanReport report = CaptureReplay.replay(dir, settings.plan().flatMap(ScanPlan::thirdParty),
                    settings.scan().calibration(), StitchingSink.around(sink, settings.stitch()), tap, clock);
            List<SampleContainerWritten> written = watcher.await(report.scanId(),
                    started.get().tray().slots().size(), settings.timeout(), pipeline::checkHealth);
            return new ScanResult(report, List.of(), List.of(), written);
        }
    }

    /** The plan's tray with what the simulator puts in each slot, or the campaign's tray. */
    private SimulatedTray tray(SimulatedCampaign campaign) {
        List<SimulatedSample> design = campaign.samples();
        if (settings.plan().isEmpty()) {
            List<SimulatedTray> trays = TrayPlanner.plan(design, CampaignSettings.SAMPLES_PER_TRAY, "tray");
            return trays.get(settings.campaignTray() - 1);
        }
        ScanPlan plan = settings.plan().get();
        List<SimulatedSample> samples = new ArrayList<>();
        for (TraySlot s : plan.tray().slots()) {
            var weights = plan.simulate().get(s.sample().sampleId());
            MineralMixture mixture = weights != null ? MineralMixture.normalised(weights)
                    : design.get(s.index() % design.size()).mixture();
            samples.add(new SimulatedSample(s.sample(), mixture));
        }
        return new SimulatedTray(plan.tray(), samples);
    }
}
