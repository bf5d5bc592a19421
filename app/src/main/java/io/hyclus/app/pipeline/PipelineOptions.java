package io.hyclus.app.pipeline;

import io.hyclus.acquisition.publish.LineEncoding;
import io.hyclus.acquisition.publish.PublishSettings;
import io.hyclus.acquisition.stitch.StitchSettings;
import io.hyclus.app.OptionChecks;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Command-line options shared by the commands that scan into the pipeline (demo, campaign). Each value is checked
 * as picocli sets it, so a bad one is a parameter error (exit 2, usage shown) before the command runs.
 */
public final class PipelineOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Path workDir;
    private String bootstrapServers;

    @Option(names = "--library", description = "A spectral library folder (holding index.csv) to simulate from instead of the bundled USGS/JPL spectra.")
    Path library;

    @Option(names = "--seed", defaultValue = "20261125", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    private long timeoutSeconds;

    @Option(names = "--exit-when-done", description = "Exit once the scans are processed (for scripts); otherwise keep "
            + "running until Ctrl-C.")
    boolean exitWhenDone;

    @Option(names = "--work-dir", defaultValue = "hyclus-work", description = "Working directory (default: ${DEFAULT-VALUE}); "
            + "one process at a time. Its path must not contain ',' (Kafka separates log directories with commas).")
    void workDir(String path) {
        workDir = ClusterOptions.workDir(command, path);
    }

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Use this Kafka cluster instead of the embedded broker.")
    void bootstrapServers(String servers) {
        bootstrapServers = ClusterOptions.bootstrapServers(command, servers);
    }

    @Option(names = "--timeout-seconds", defaultValue = "600",
            description = "Give up waiting for a scan's containers after this long, > 0 (default: ${DEFAULT-VALUE}).")
    void timeoutSeconds(long seconds) {
        timeoutSeconds = OptionChecks.positive(command, "--timeout-seconds", seconds);
    }

    @Option(names = "--no-stitch", description = "Publish the cameras' own lines only, without the stitched 400-2500 nm "
            + "stream (docs/stitching.md).")
    boolean noStitch;

    private StitchSettings stitch = StitchSettings.defaults();

    @Option(names = "--stitch-grid", paramLabel = "native|STEP_NM", defaultValue = "native", description = "Spectral grid "
            + "of the stitched spectra: the cameras' own bands (native) or a uniform step in nm, 0.1-100, e.g. 5 "
            + "(default: ${DEFAULT-VALUE}).")
    void stitchGrid(String grid) {
        if (grid.strip().equalsIgnoreCase("native")) {
            stitch = new StitchSettings(StitchSettings.OutputGrid.NATIVE, 0, stitch.overlap(), stitch.matchMarginNm(),
                    stitch.minGain(), stitch.maxGain(), stitch.minMatchReflectance(), stitch.edgeToleranceMicrons());
            return;
        }
        try {
            double step = Double.parseDouble(grid.strip().toLowerCase(Locale.ROOT).replace("nm", "").strip());
            OptionChecks.range(command, "--stitch-grid (nm)", step, 0.1, 100);
            stitch = stitch.withUniformStep(step);
        } catch (NumberFormatException e) {
            throw OptionChecks.invalid(command, "--stitch-grid must be 'native' or a step in nm such as 5: '" + grid + "'");
        }
    }

    @Option(names = "--stitch-overlap", paramLabel = "cross-fade|cut", defaultValue = "cross-fade", description = "How the "
            + "gain-matched SWIR joins the VNIR across their overlap (default: ${DEFAULT-VALUE}).")
    void stitchOverlap(String rule) {
        try {
            stitch = stitch.withOverlap(StitchSettings.OverlapRule.valueOf(rule.strip().toUpperCase(Locale.ROOT)
                    .replace('-', '_')));
        } catch (IllegalArgumentException e) {
            throw OptionChecks.invalid(command, "--stitch-overlap must be cross-fade or cut: '" + rule + "'");
        }
    }

    private PublishSettings publish = PublishSettings.defaults();

    @Option(names = "--line-encoding", paramLabel = "COMPACT|FLOAT32", defaultValue = "COMPACT", description = "How "
            + "scanlines go on hyclus.scan-events: COMPACT (reflectance quantised to 2^-13, within 6.1e-5, ~3.4 times "
            + "smaller) or FLOAT32 (exactly as calibrated) (default: ${DEFAULT-VALUE}; docs/scanline-codec.md).")
    void lineEncoding(String encoding) {
        try {
            publish = publish.withLineEncoding(LineEncoding.valueOf(encoding.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw OptionChecks.invalid(command, "--line-encoding must be COMPACT or FLOAT32: '" + encoding + "'");
        }
    }

    @Option(names = "--encoder-threads", paramLabel = "N", description = "Threads encoding scanlines, >= 1 "
            + "(default: min(2, available processors)).")
    void encoderThreads(int threads) {
        if (threads < 1) {
            throw OptionChecks.invalid(command, "--encoder-threads must be at least 1: " + threads);
        }
        publish = publish.withEncoderThreads(threads);
    }

    /** How scanlines are encoded and published ({@code --line-encoding}, {@code --encoder-threads}). */
    public PublishSettings publish() {
        return publish;
    }

    /** The stitching settings, or empty with {@code --no-stitch}. */
    public Optional<StitchSettings> stitch() {
        return noStitch ? Optional.empty() : Optional.of(stitch);
    }

    public PipelineSettings pipeline() {
        return new PipelineSettings(workDir, Optional.ofNullable(bootstrapServers));
    }

    public Optional<Path> library() {
        return Optional.ofNullable(library);
    }

    public long seed() {
        return seed;
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public boolean exitWhenDone() {
        return exitWhenDone;
    }
}
