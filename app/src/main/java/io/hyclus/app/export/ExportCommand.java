package io.hyclus.app.export;

import io.hyclus.app.OptionChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hyclus export --format hidsag --samples DIR OUT_DIR}: the containers under DIR in HIDSAG's layout;
 * {@code hyclus export --scan ID OUT_DIR}: a scan recorded on Kafka as ENVI captures (docs/replay.md).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Rewrites sample containers in another database's layout, or a recorded scan as ENVI captures.",
            "hidsag: OUT_DIR/wavelengths.json and per sample OUT_DIR/<sample>/metadata.json with one hsi_data image per "
                + "scan and camera (docs/hidsag-export.md).",
            "envi (--scan ID): the scan's raw frames and references from hyclus.raw-frames and its layout from "
                + "hyclus.scan-events as OUT_DIR/<camera>/capture/ (Specim layout, DARKREF_/WHITEREF_), as "
                + "hyclus scan --save-envi keeps them (docs/replay.md)."})
public final class ExportCommand implements Callable<Integer> {
    /** The formats {@code --format} accepts. */
    static final List<String> FORMATS = List.of("hidsag", "envi");

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Layout to write: ${COMPLETION-CANDIDATES} "
            + "(envi with --scan, the default there).", completionCandidates = Formats.class)
    String format;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "Directory of sample containers (*.h5, searched recursively), e.g. <work-dir>/samples.")
    Path samples;

    @Option(names = "--scan", paramLabel = "ID", description = "A scan recorded on Kafka, written as ENVI captures.")
    String scanId;

    @Option(names = "--work-dir", defaultValue = "hyclus-work", description = "With --scan: working directory whose "
            + "embedded broker holds the scan (default: ${DEFAULT-VALUE}; locked while exporting).")
    String workDir;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "With --scan: the Kafka cluster holding the scan (e.g. a running demo's broker).")
    String bootstrapServers;

    @Parameters(index = "0", paramLabel = "OUT_DIR", description = "Directory to write the export to (created if needed).")
    Path out;

    @Override
    public Integer call() {
        if (format != null && !FORMATS.contains(format)) {
            throw OptionChecks.invalid(spec, "--format must be one of " + FORMATS + ": '" + format + "'");
        }
        if (scanId != null || "envi".equals(format)) {
            return exportScan();
        }
        if (format == null) {
            throw OptionChecks.invalid(spec, "give --format hidsag --samples DIR, or --scan ID (ENVI)");
        }
        if (samples == null) {
            throw OptionChecks.invalid(spec, "--format hidsag needs --samples DIR");
        }
        if (!Files.isDirectory(samples)) {
            throw OptionChecks.invalid(spec, "--samples must be a directory of sample containers: " + samples);
        }
        Path from = samples.toAbsolutePath().normalize();
        Path to = out.toAbsolutePath().normalize();
        if (to.startsWith(from) || from.startsWith(to)) {
            throw OptionChecks.invalid(spec, "OUT_DIR " + out + " and --samples " + samples + " must not contain one another");
        }
        HidsagExport.Result r = new HidsagExport(from, to).run();
        spec.commandLine().getOut().printf("Exported %d containers of %d samples as HIDSAG to %s: %d images, "
                + "wavelengths.json, one metadata.json per sample%n", r.containers(), r.samples(), to, r.images());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int exportScan() {
        if (scanId == null) {
            throw OptionChecks.invalid(spec, "--format envi exports a scan recorded on Kafka: give --scan ID");
        }
        if (format != null && !format.equals("envi")) {
            throw OptionChecks.invalid(spec, "--scan exports ENVI captures, not --format " + format);
        }
        if (samples != null) {
            throw OptionChecks.invalid(spec, "--scan reads the scan from Kafka; --samples is for --format hidsag");
        }
        Path work = io.hyclus.app.pipeline.ClusterOptions.workDir(spec, workDir);
        java.util.Optional<String> servers = java.util.Optional.ofNullable(bootstrapServers)
                .map(b -> io.hyclus.app.pipeline.ClusterOptions.bootstrapServers(spec, b));
        java.io.PrintWriter pw = spec.commandLine().getOut();
        List<Path> headers = io.hyclus.app.replay.ScanExport.run(work, servers, scanId, out, pw);
        headers.forEach(h -> pw.println("ENVI capture: " + h.toAbsolutePath()));
        pw.printf("Exported scan %s as %d ENVI capture(s) in %s%n", scanId, headers.size(), out.toAbsolutePath());
        pw.flush();
        return 0;
    }

    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FORMATS.iterator();
        }
    }
}
