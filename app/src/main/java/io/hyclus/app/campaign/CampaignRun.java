package io.hyclus.app.campaign;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.publish.KafkaScanEventPublisher;
import io.hyclus.acquisition.scan.ScanReport;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.acquisition.sync.SynchronisedScanner;
import io.hyclus.app.pipeline.ContainerWatcher;
import io.hyclus.app.pipeline.Pipeline;
import io.hyclus.app.rig.SimulatedSerialRig;
import io.hyclus.core.HyclusVersion;
import io.hyclus.core.library.SpectralLibrary;
import io.hyclus.simulator.spectra.BundledLibrary;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.campaign.CampaignGenerator;
import io.hyclus.simulator.scene.EndmemberSpectra;
import io.hyclus.simulator.scene.SceneSettings;
import io.hyclus.simulator.scene.SimulatedSample;
import io.hyclus.simulator.campaign.TrayPlanner;
import io.hyclus.simulator.campaign.TrayPlanner.SimulatedTray;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Scans the campaign's trays one after another on the simulated serial rig, through the {@link Pipeline}. */
public final class CampaignRun {
    /** Encoder position of each tray's leading edge: the white strip ahead of it lies at 90-120 mm. */
    static final long TRAY_ORIGIN_MICRONS = 150_000;
    static final YearMonth CAMPAIGN_START = YearMonth.of(2025, 1);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final CampaignSettings settings;
    private final InstantSource clock;
    private final SpectralLibrary library;

    /** Finds the spectral library at once, so a missing one fails before anything starts. */
    public CampaignRun(CampaignSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        this.library = BundledLibrary.openOrBundled(settings.libraryDir());
    }

    public List<TrayOutcome> run(Pipeline pipeline, PrintWriter out) {
        EndmemberSpectra spectra = new EndmemberSpectra(library);
        List<SimulatedSample> samples = new CampaignGenerator(settings.rig().seed()).generate(CAMPAIGN_START);
        List<SimulatedTray> trays = TrayPlanner.plan(samples, CampaignSettings.SAMPLES_PER_TRAY, "tray")
                .subList(0, settings.trays());
        List<TrayOutcome> outcomes = new ArrayList<>();
        try (SimulatedSerialRig rig = SimulatedSerialRig.start(settings.rig(), scene(trays.get(0)), TRAY_ORIGIN_MICRONS,
                spectra, clock, SimulatedSerialRig.Faults.none());
             KafkaScanEventPublisher publisher = new KafkaScanEventPublisher(pipeline.bootstrapServers());
             ContainerWatcher watcher = new ContainerWatcher(pipeline.bootstrapServers())) {
            SynchronisedScanner scanner = new SynchronisedScanner(new SyncScanSettings(settings.beltSpeedMmPerSecond(),
                    20, Duration.ofSeconds(5), 50, CalibrationSettings.defaults()), rig.conveyor(), rig.encoder(),
                    rig.cameras(), clock);
            out.printf("Rig: conveyor and 2 cameras over serial, line pitch %d um%n", scanner.linePitchMicrons());
            for (SimulatedTray tray : trays) {
                BeltScene scene = scene(tray);
                rig.load(scene, TRAY_ORIGIN_MICRONS);
                String scanId = tray.layout().trayId() + "-" + STAMP.format(clock.instant());
                ScanReport report = scanner.scan(scanId, tray.layout(), TRAY_ORIGIN_MICRONS,
                        scene.whiteReferenceCentreMm(), provenance(tray, library), publisher);
                var written = watcher.await(scanId, tray.layout().slots().size(), settings.timeout(), pipeline::checkHealth);
                TrayOutcome o = new TrayOutcome(tray.layout().trayId(), report, written);
                CampaignReport.printTray(o, out);
                outcomes.add(o);
            }
        }
        return outcomes;
    }

    private static BeltScene scene(SimulatedTray tray) {
        return new BeltScene(tray.layout(), tray.samples(), SceneSettings.defaults());
    }

    private Map<String, String> provenance(SimulatedTray tray, SpectralLibrary library) {
        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("software.version", HyclusVersion.get());
        prov.put("simulator.seed", String.valueOf(settings.rig().seed()));
        prov.put("simulator.library", library.name());
        prov.put("simulator.library_sha256", library.contentHash());
        prov.put("simulator.rig", settings.rig().toString());
        for (SimulatedSample smp : tray.samples()) {
            prov.put("simulator.mixture." + smp.metadata().sampleId(), smp.mixture().components().stream()
                    .map(c -> String.format("%s %.3f", c.mineral(), c.fraction())).collect(Collectors.joining(", ")));
        }
        return prov;
    }
}
