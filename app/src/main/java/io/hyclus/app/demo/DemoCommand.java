package io.hyclus.app.demo;

import io.hyclus.app.OptionChecks;
import io.hyclus.app.pipeline.PipelineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.concurrent.Callable;

/** {@code hyclus demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Scans one simulated tray with both simulated cameras (VNIR and SWIR) on an in-process rig, "
                + "streams the calibrated lines through Kafka and writes one HDF5 container per sample: the campaign's "
                + "scan path with one tray.",
            "Without --bootstrap-servers an embedded single-node Kafka broker runs inside this process, its data "
                + "kept under --work-dir."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PipelineOptions common;

    @Option(names = "--samples", defaultValue = "4", description = "Samples on the tray, 1-12 (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--pixels", defaultValue = "1024", description = "VNIR spatial pixels (default: ${DEFAULT-VALUE}).")
    int pixels;

    @Option(names = "--bands", defaultValue = "224", description = "VNIR bands, 400-1000 nm (default: ${DEFAULT-VALUE}).")
    int bands;

    @Option(names = "--line-pitch-mm", defaultValue = "1.0", description = "Belt travel between lines, mm; sets the cameras' line rate (default: ${DEFAULT-VALUE}).")
    double linePitchMm;

    @Override
    public Integer call() throws InterruptedException {
        OptionChecks.range(spec, "--samples", samples, 1, DemoSettings.MAX_SAMPLES);
        OptionChecks.range(spec, "--pixels", pixels, DemoSettings.MIN_PIXELS, DemoSettings.MAX_PIXELS);
        OptionChecks.range(spec, "--bands", bands, DemoSettings.MIN_BANDS, DemoSettings.MAX_BANDS);
        OptionChecks.range(spec, "--line-pitch-mm", linePitchMm, DemoSettings.MIN_LINE_PITCH_MM, DemoSettings.MAX_LINE_PITCH_MM);
        DemoSettings settings = new DemoSettings(common.pipeline().workDir(), common.pipeline().bootstrapServers(),
                common.library(), samples, common.seed(), pixels, bands, linePitchMm, common.timeout(), common.exitWhenDone());
        PrintWriter out = spec.commandLine().getOut();
        try (DemoPipeline pipeline = DemoPipeline.start(settings, InstantSource.system(), out)) {
            DemoResult result = pipeline.runScan();
            DemoReport.print(result, out);
            if (!settings.exitWhenDone()) {
                out.println("Segmentation keeps running; press Ctrl-C to stop.");
                out.flush();
                pipeline.awaitInterrupt();
            }
        }
        return 0;
    }
}
