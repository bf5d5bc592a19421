package io.hyclus.app.campaign;

import io.hyclus.acquisition.publish.KafkaRawFramePublisher;
import io.hyclus.acquisition.publish.KafkaScanEventPublisher;
import io.hyclus.acquisition.publish.PublishSettings;
import io.hyclus.acquisition.stitch.StitchSettings;
import io.hyclus.acquisition.stitch.StitchingSink;
import io.hyclus.acquisition.sync.RawFrameTap;
import io.hyclus.acquisition.sync.ScanMeters;
import io.hyclus.acquisition.sync.ScanReport;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.acquisition.sync.SynchronisedScanner;
import io.hyclus.app.pipeline.ContainerWatcher;
import io.hyclus.app.pipeline.Pipeline;
import io.hyclus.app.rig.RigKind;
import io.hyclus.app.rig.SimulatedCampaign;
import io.hyclus.app.rig.SimulatedRig;
import io.hyclus.app.scan.Taps;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.simulator.campaign.TrayPlanner.SimulatedTray;
import io.hyclus.simulator.scene.BeltScene;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Scans simulated trays one after another on a simulated rig with the {@link SynchronisedScanner}, through the
 * {@link Pipeline}, waiting for each tray's containers; every scan's raw frames go to {@code hyclus.raw-frames} too. The one scan path: {@code hyclus campaign} runs it over the
 * serial rig, {@code hyclus demo} over the in-process rig with one tray.
 */
public final class CampaignRun {
    private final SimulatedCampaign campaign;
    private final SyncScanSettings scan;
    private final Duration timeout;
    private final InstantSource clock;
    private final Optional<StitchSettings> stitch;
    private final PublishSettings publish;

    /**
     * @param timeout longest wait for one tray's containers
     * @param clock   the time a serial rig's simulators run on
     */
    public CampaignRun(SimulatedCampaign campaign, SyncScanSettings scan, Duration timeout, InstantSource clock) {
        this(campaign, scan, timeout, clock, Optional.of(StitchSettings.defaults()), PublishSettings.defaults());
    }

    /**
     * @param stitch  how each tray's VNIR and SWIR lines are stitched (docs/stitching.md), or empty for none
     * @param publish how the scanlines are encoded on {@code hyclus.scan-events} (docs/scanline-codec.md)
     */
    public CampaignRun(SimulatedCampaign campaign, SyncScanSettings scan, Duration timeout, InstantSource clock,
                       Optional<StitchSettings> stitch, PublishSettings publish) {
        this.stitch = stitch;
        this.publish = publish;
        this.campaign = campaign;
        this.scan = scan;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * Starts a rig of {@code kind} and scans {@code trays} in order, handing each outcome to {@code onTray} once its
     * containers are written.
     */
    public List<TrayOutcome> run(List<SimulatedTray> trays, RigKind kind, Pipeline pipeline, PrintWriter out,
                                 Consumer<TrayOutcome> onTray) {
        if (trays.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one tray");
        }
        List<TrayOutcome> outcomes = new ArrayList<>();
        try (SimulatedRig rig = SimulatedRig.start(kind, campaign.rig(), campaign.scene(trays.get(0)),
                scan.trayOriginMicrons(), campaign.spectra(), clock);
             KafkaScanEventPublisher events = new KafkaScanEventPublisher(pipeline.bootstrapServers(), publish);
             KafkaRawFramePublisher publisher = new KafkaRawFramePublisher(pipeline.bootstrapServers(), events);
             ContainerWatcher watcher = new ContainerWatcher(pipeline.bootstrapServers())) {
            RawFrameTap meters = pipeline.meters().<RawFrameTap>map(r -> new ScanMeters(r, clock))
                    .orElse(RawFrameTap.NONE);
            SynchronisedScanner scanner = new SynchronisedScanner(scan, rig.conveyor(), rig.encoder(), rig.cameras(),
                    rig.clock(), new Taps(List.of(publisher, meters)));
            out.printf("Rig: %s, belt %.1f mm/s, line pitch %d um%n", rig.description(), scan.beltSpeedMmPerSecond(),
                    scanner.linePitchMicrons());
            out.flush();
            for (SimulatedTray tray : trays) {
                BeltScene scene = campaign.scene(tray);
                rig.load(scene, scan.trayOriginMicrons());
                String scanId = campaign.scanId(tray.layout());
                ScanReport report = scanner.scan(scanId, tray.layout(), scene.whiteReferenceCentreMm(),
                        campaign.provenance(tray), StitchingSink.around(publisher, stitch));
                List<SampleContainerWritten> written = watcher.await(scanId, tray.layout().slots().size(), timeout,
                        pipeline::checkHealth);
                TrayOutcome o = new TrayOutcome(tray.layout().trayId(), report, written);
                onTray.accept(o);
                outcomes.add(o);
            }
        }
        return outcomes;
    }
}
