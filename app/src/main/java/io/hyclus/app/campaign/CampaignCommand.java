package io.hyclus.app.campaign;

import io.hyclus.analysis.live.LiveEncoder;
import io.hyclus.app.OptionChecks;
import io.hyclus.app.pipeline.Pipeline;
import io.hyclus.app.pipeline.PipelineOptions;
import io.hyclus.app.rig.RigKind;
import io.hyclus.app.rig.RigSettings;
import io.hyclus.app.rig.SimulatedCampaign;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.simulator.campaign.TrayPlanner.SimulatedTray;
import io.hyclus.simulator.campaign.TrayPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code hyclus campaign}. */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = {"Scans the simulated reference campaign (3 plants x 12 months x 2 grain-size fractions = 72 samples "
                + "on 12 trays) with the conveyor and both cameras driven over serial links (simulators on socat "
                + "pseudo-terminals; needs socat), into one HDF5 container per sample."})
public final class CampaignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PipelineOptions common;

    @Option(names = "--trays", defaultValue = "12", description = "Trays to scan, 1-12 (default: ${DEFAULT-VALUE}).")
    int trays;

    @Option(names = "--belt-speed", defaultValue = "25", description = "Belt speed during lines, mm/s (default: ${DEFAULT-VALUE}).")
    double beltSpeed;

    @Option(names = "--frame-rate", defaultValue = "25", description = "Camera line rate, Hz (default: ${DEFAULT-VALUE}).")
    double frameRate;

    @Option(names = "--vnir", defaultValue = "1024x224", description = "VNIR pixels x bands (default: ${DEFAULT-VALUE}).")
    String vnir;

    @Option(names = "--swir", defaultValue = "384x288", description = "SWIR pixels x bands (default: ${DEFAULT-VALUE}).")
    String swir;

    @Override
    public Integer call() throws InterruptedException {
        OptionChecks.range(spec, "--trays", trays, 1, CampaignSettings.CAMPAIGN_TRAYS);
        OptionChecks.positive(spec, "--belt-speed", beltSpeed);
        OptionChecks.positive(spec, "--frame-rate", frameRate);
        int[] v = size("--vnir", vnir);
        int[] s = size("--swir", swir);
        CampaignSettings settings = new CampaignSettings(common.pipeline().withLiveEncoder(), common.library(),
                RigSettings.atFrameRate(v[0], v[1], s[0], s[1], frameRate, common.seed()), trays, beltSpeed,
                common.timeout(), common.exitWhenDone(), common.stitch(), common.publish());
        PrintWriter out = spec.commandLine().getOut();
        InstantSource clock = InstantSource.system();
        SimulatedCampaign campaign = SimulatedCampaign.open(settings.libraryDir(), settings.rig(), clock);
        List<SimulatedTray> planned = TrayPlanner.plan(campaign.samples(), CampaignSettings.SAMPLES_PER_TRAY, "tray")
                .subList(0, settings.trays());
        try (Pipeline pipeline = Pipeline.start(settings.pipeline(), clock, out)) {
            List<TrayOutcome> done = new CampaignRun(campaign, settings.scan(), settings.timeout(), clock, settings.stitch(),
                    settings.publish())
                    .run(planned, RigKind.SERIAL, pipeline, out, o -> CampaignReport.printTray(o, out));
            out.printf("Campaign: %d trays, %d sample containers in %s%n", done.size(),
                    done.stream().mapToInt(o -> o.containers().size()).sum(), settings.pipeline().outputDir().toAbsolutePath());
            out.flush();
            Map<LiveEncoder.SampleOutcome, Long> encoded = pipeline.awaitEncoded(done.stream()
                    .flatMap(o -> o.containers().stream()).toList(), settings.timeout()).values().stream()
                    .collect(Collectors.groupingBy(o -> o, () -> new EnumMap<>(LiveEncoder.SampleOutcome.class),
                            Collectors.counting()));
            out.printf("Live encoder: %d samples encoded, %d dead-lettered, %d with no promoted model (codes beside each"
                    + " container, and on %s)%n", encoded.getOrDefault(LiveEncoder.SampleOutcome.ENCODED, 0L),
                    encoded.getOrDefault(LiveEncoder.SampleOutcome.DEAD_LETTERED, 0L),
                    encoded.getOrDefault(LiveEncoder.SampleOutcome.SKIPPED, 0L), HyclusTopics.SAMPLE_CODES.name());
            pipeline.liveMap().ifPresent(m -> out.printf("Live map: v%d, %d samples placed so far on %s (the service"
                    + " places the rest while it runs, or on its next start; docs/live-map.md)%n", m.mapVersion(),
                    m.placedSamples(), HyclusTopics.SAMPLE_MAP.name()));
            out.flush();
            if (!common.exitWhenDone()) {
                out.println("Segmentation keeps running; press Ctrl-C to stop.");
                out.flush();
                pipeline.awaitInterrupt();
            }
        }
        return 0;
    }

    private int[] size(String option, String text) {
        String[] p = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                return new int[] {OptionChecks.range(spec, option + " pixels", Integer.parseInt(p[0].trim()), 1, 65_536),
                    OptionChecks.range(spec, option + " bands", Integer.parseInt(p[1].trim()), 1, 65_536)};
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw OptionChecks.invalid(spec, option + " must be PIXELSxBANDS, e.g. 1024x224: '" + text + "'");
    }
}
