package io.hyclus.app.demo;

import io.hyclus.analysis.live.CodesFile;
import io.hyclus.analysis.live.EncodedSample;
import io.hyclus.analysis.live.LiveEncoder;
import io.hyclus.analysis.livemap.LiveMapService;
import io.hyclus.analysis.livemap.SamplePlacement;
import io.hyclus.app.campaign.CampaignRun;
import io.hyclus.app.campaign.TrayOutcome;
import io.hyclus.app.pipeline.DashboardAddress;
import io.hyclus.app.pipeline.Pipeline;
import io.hyclus.app.pipeline.PipelineSettings;
import io.hyclus.app.rig.RigKind;
import io.hyclus.app.rig.SimulatedCampaign;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.simulator.campaign.TrayPlanner.SimulatedTray;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo: the campaign's machinery ({@link CampaignRun}) with one tray on the in-process rig, both cameras, through
 * the {@link Pipeline}; then the tray's containers are read back.
 */
public final class DemoPipeline implements AutoCloseable {
    /** The demo's live map: fitted after the first 2 samples (or all, if fewer), 300 points of each (keeps it fast). */
    static final int MAP_FIT_AFTER_SAMPLES = 2;
    static final int MAP_POINTS_PER_SAMPLE = 300;

    private final DemoSettings settings;
    private final InstantSource clock;
    private final SimulatedCampaign campaign;
    private final Pipeline pipeline;
    private final PrintWriter out;

    private DemoPipeline(DemoSettings settings, InstantSource clock, SimulatedCampaign campaign, Pipeline pipeline,
                         PrintWriter out) {
        this.settings = settings;
        this.clock = clock;
        this.campaign = campaign;
        this.pipeline = pipeline;
        this.out = out;
    }

    /** Finds the spectral library first (a missing library fails before any broker starts), then the pipeline. */
    public static DemoPipeline start(DemoSettings s, InstantSource clock, PrintWriter out) {
        return start(s, Optional.empty(), clock, out);
    }

    /** Like {@link #start(DemoSettings, InstantSource, PrintWriter)}, serving the live dashboard at {@code dashboardAt}. */
    public static DemoPipeline start(DemoSettings s, Optional<DashboardAddress> dashboardAt, InstantSource clock,
                                     PrintWriter out) {
        SimulatedCampaign campaign = SimulatedCampaign.open(s.libraryDir(), s.rig(), clock);
        return new DemoPipeline(s, clock, campaign,
                Pipeline.start(new PipelineSettings(s.workDir(), s.bootstrapServers()).withLiveEncoder()
                        .withLiveMap(Math.min(MAP_FIT_AFTER_SAMPLES, s.samples()), MAP_POINTS_PER_SAMPLE), dashboardAt,
                        clock, out),
                out);
    }

    /** The live dashboard's address, if it runs. */
    public Optional<String> dashboardUrl() {
        return pipeline.dashboard().map(io.hyclus.dashboard.Dashboard::url);
    }

    /** The pipeline underneath (its dashboard, its live services). */
    public Pipeline pipeline() {
        return pipeline;
    }

    public String bootstrapServers() {
        return pipeline.bootstrapServers();
    }

    /**
     * Scans the demo tray and waits until every sample's container is written and encoded, and every sample with codes
     * of the map's camera is on the live map; then reads containers and codes back.
     */
    public DemoResult runScan() throws InterruptedException {
        long t0 = System.nanoTime();
        SimulatedTray tray = DemoTray.plan(campaign.samples(), settings.samples());
        TrayOutcome outcome = new CampaignRun(campaign, settings.scan(), settings.timeout(), clock, settings.stitch(),
                settings.publish())
                .run(List.of(tray), RigKind.IN_PROCESS, pipeline, out, o -> { }).get(0);
        List<SampleSpectra> samples = outcome.containers().stream()
                .map(w -> SampleContainerReader.read(Path.of(w.file())))
                .sorted(Comparator.comparing(s -> tray.layout().slotOf(s.metadata().sampleId()).orElseThrow().index()))
                .toList();
        Map<SampleContainerWritten, LiveEncoder.SampleOutcome> encoded = pipeline.awaitEncoded(outcome.containers(),
                settings.timeout());
        Map<String, Optional<EncodedSample>> codes = new LinkedHashMap<>();
        encoded.forEach((w, o) -> codes.put(w.sampleId(), o == LiveEncoder.SampleOutcome.ENCODED
                ? Optional.of(CodesFile.read(CodesFile.siblingOf(Path.of(w.file())))) : Optional.empty()));
        LiveMapService map = pipeline.liveMap().orElseThrow();
        List<SampleContainerWritten> mappable = encoded.keySet().stream().filter(w -> codes.get(w.sampleId())
                .flatMap(c -> c.camera(map.settings().camera())).isPresent()).toList();
        Map<String, SamplePlacement> placed = new LinkedHashMap<>();
        pipeline.awaitMapped(mappable, settings.timeout()).forEach((w, p) -> placed.put(w.sampleId(), p));
        return new DemoResult(outcome.scan(), pipeline.bootstrapServers(), settings.outputDir(), samples, codes,
                placed, map.mapVersion(), Duration.ofNanos(System.nanoTime() - t0));
    }

    public void awaitInterrupt() throws InterruptedException {
        pipeline.awaitInterrupt();
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
