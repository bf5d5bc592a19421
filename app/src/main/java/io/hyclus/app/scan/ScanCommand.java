package io.hyclus.app.scan;

import io.hyclus.acquisition.sync.ExposureSettings;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.app.OptionChecks;
import io.hyclus.app.campaign.CampaignSettings;
import io.hyclus.app.pipeline.PipelineOptions;
import io.hyclus.app.rig.RigKind;
import io.hyclus.app.rig.RigSettings;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code hyclus scan}. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scans one tray, the operator's way: the tray layout from a scan plan (--plan FILE.yaml|.csv, "
                + "docs/scan.md) or a campaign tray (--campaign-tray N); home, auto-exposure (white reference peak near "
                + "85 %% of full scale, unsaturated), dark and white references, the scan with a progress bar, stop. Scan "
                + "events go to Kafka and segmentation writes one HDF5 container per sample, as in the demo.",
            "Devices are simulated (in process by default, --rig SERIAL for the serial simulators). --save-envi DIR keeps "
                + "the scan as Specim-style ENVI captures; --from-envi DIR replays such a capture instead of scanning."})
public final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PipelineOptions common;

    @Option(names = "--plan", paramLabel = "FILE", description = "Scan plan: the tray layout, YAML or CSV (docs/scan.md).")
    Path plan;

    @Option(names = "--campaign-tray", paramLabel = "N", description = "Scan the campaign's tray N (1-12) instead of a plan.")
    Integer campaignTray;

    @Option(names = "--save-envi", paramLabel = "DIR", description = "Keep the scan as ENVI captures, one per camera: "
            + "DIR/<camera>/capture/<scan>_<camera>.hdr|.raw with DARKREF_ and WHITEREF_ (written only if the scan succeeds).")
    Path saveEnvi;

    @Option(names = "--from-envi", paramLabel = "DIR", description = "Replay the ENVI captures in DIR (DIR/capture/ or "
            + "DIR/<camera>/capture/) through calibration and segmentation instead of scanning; a capture from other "
            + "software needs --plan with its geometry.")
    Path fromEnvi;

    @Option(names = "--rig", defaultValue = "IN_PROCESS", description = "Simulated devices: IN_PROCESS or SERIAL "
            + "(socat pseudo-terminals) (default: ${DEFAULT-VALUE}).")
    RigKind rig;

    @Option(names = "--belt-speed", defaultValue = "50", description = "Belt speed during lines, mm/s (default: ${DEFAULT-VALUE}).")
    double beltSpeed;

    @Option(names = "--line-pitch-mm", defaultValue = "1.0", description = "Belt travel between lines, mm; with the belt "
            + "speed it sets the line rate (default: ${DEFAULT-VALUE}).")
    double linePitchMm;

    @Option(names = "--vnir", defaultValue = "1024x224", description = "VNIR pixels x bands (default: ${DEFAULT-VALUE}).")
    String vnir;

    @Option(names = "--swir", defaultValue = "384x288", description = "SWIR pixels x bands (default: ${DEFAULT-VALUE}).")
    String swir;

    @Option(names = "--no-auto-exposure", description = "Keep the starting integration time (the demo's) instead of "
            + "adjusting it to the white reference.")
    boolean noAutoExposure;

    @Override
    public Integer call() {
        if (fromEnvi == null && (plan == null) == (campaignTray == null)) {
            throw OptionChecks.invalid(spec, "give either --plan FILE or --campaign-tray N (or --from-envi DIR)");
        }
        if (fromEnvi != null && saveEnvi != null) {
            throw OptionChecks.invalid(spec, "--from-envi replays a capture; it cannot be combined with --save-envi");
        }
        if (fromEnvi != null && campaignTray != null) {
            throw OptionChecks.invalid(spec, "--from-envi takes the tray from the capture (or --plan), not --campaign-tray");
        }
        if (campaignTray != null) {
            OptionChecks.range(spec, "--campaign-tray", campaignTray, 1, CampaignSettings.CAMPAIGN_TRAYS);
        }
        OptionChecks.positive(spec, "--belt-speed", beltSpeed);
        OptionChecks.positive(spec, "--line-pitch-mm", linePitchMm);
        double rate = Math.round(beltSpeed / linePitchMm * 1000) / 1000.0;
        OptionChecks.range(spec, "line rate (--belt-speed / --line-pitch-mm, Hz)", rate, 1, 1000);
        int[] v = size("--vnir", vnir);
        int[] s = size("--swir", swir);
        Optional<ScanPlan> scanPlan;
        try {
            scanPlan = Optional.ofNullable(plan).map(ScanPlanFile::read);
        } catch (ScanPlanException e) {
            throw OptionChecks.invalid(spec, e.getMessage()); // a bad plan is a bad option: exit 2 before anything starts
        }
        ScanSettings settings = new ScanSettings(common.pipeline(), common.library(), scanPlan,
                campaignTray == null ? 0 : campaignTray,
                RigSettings.atFrameRate(v[0], v[1], s[0], s[1], rate, common.seed()), rig,
                SyncScanSettings.defaults(beltSpeed),
                noAutoExposure ? Optional.empty() : Optional.of(ExposureSettings.defaults()),
                Optional.ofNullable(saveEnvi), Optional.ofNullable(fromEnvi), common.timeout(), System.console() != null,
                common.stitch(), common.publish());
        PrintWriter out = spec.commandLine().getOut();
        ScanResult result = new ScanSession(settings, InstantSource.system(), out).run();
        print(result, settings, out);
        return 0;
    }

    static void print(ScanResult r, ScanSettings settings, PrintWriter out) {
        out.printf("Scan %s: %d lines, %d sample containers in %s%n", r.report().scanId(), r.report().lines(),
                r.containers().size(), settings.pipeline().outputDir().toAbsolutePath());
        for (SampleContainerWritten w : r.containers()) {
            SampleSpectra s = SampleContainerReader.read(Path.of(w.file()));
            StringBuilder line = new StringBuilder("  " + w.sampleId());
            for (SensorKind k : SensorKind.values()) {
                s.camera(k).ifPresent(c -> line.append(String.format(Locale.ROOT, "  %s %d px", k, c.size())));
            }
            out.println(line);
        }
        out.flush();
    }

    private int[] size(String option, String text) {
        String[] p = text.toLowerCase(Locale.ROOT).split("x");
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
