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

/** {@code hyclus export --format hidsag --samples DIR OUT_DIR}: the containers under DIR in HIDSAG's layout. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Rewrites sample containers in another database's layout.",
            "hidsag: OUT_DIR/wavelengths.json and per sample OUT_DIR/<sample>/metadata.json with one hsi_data image per "
                + "scan and camera (docs/hidsag-export.md)."})
public final class ExportCommand implements Callable<Integer> {
    /** The formats {@code --format} accepts. */
    static final List<String> FORMATS = List.of("hidsag");

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "Layout to write: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Formats.class)
    String format;

    @Option(names = "--samples", required = true, paramLabel = "DIR",
            description = "Directory of sample containers (*.h5, searched recursively), e.g. <work-dir>/samples.")
    Path samples;

    @Parameters(index = "0", paramLabel = "OUT_DIR", description = "Directory to write the export to (created if needed).")
    Path out;

    @Override
    public Integer call() {
        if (!FORMATS.contains(format)) {
            throw OptionChecks.invalid(spec, "--format must be one of " + FORMATS + ": '" + format + "'");
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

    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FORMATS.iterator();
        }
    }
}
