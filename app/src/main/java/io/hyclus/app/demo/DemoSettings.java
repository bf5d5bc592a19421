package io.hyclus.app.demo;

import io.hyclus.core.Checks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything {@code hyclus demo} needs, read once from the command line.
 *
 * @param workDir          embedded broker data, Streams state and containers go below it
 * @param bootstrapServers an existing cluster; empty means start the embedded broker
 * @param libraryDir       spectral library folder; empty means locate it
 * @param samples          samples on the demo tray (1-12)
 * @param seed             simulator seed
 * @param pixels           VNIR spatial pixels
 * @param bands            VNIR bands
 * @param linePitchMm      belt travel between lines
 * @param timeout          how long to wait for all containers
 * @param exitWhenDone     exit once the scan is processed instead of running until interrupted
 */
public record DemoSettings(Path workDir, Optional<String> bootstrapServers, Optional<Path> libraryDir, int samples,
                           long seed, int pixels, int bands, double linePitchMm, Duration timeout,
                           boolean exitWhenDone) {
    public DemoSettings {
        Checks.notNull("work directory", workDir);
        Checks.notNull("bootstrap servers", bootstrapServers);
        Checks.notNull("library directory", libraryDir);
        if (samples < 1 || samples > 12) {
            throw new IllegalArgumentException("samples on the tray must be 1-12: " + samples);
        }
        if (pixels < 16 || pixels > 4096) {
            throw new IllegalArgumentException("VNIR pixels must be 16-4096: " + pixels);
        }
        if (bands < 2 || bands > 1024) {
            throw new IllegalArgumentException("VNIR bands must be 2-1024: " + bands);
        }
        Checks.positive("line pitch (mm)", linePitchMm);
        Checks.notNull("timeout", timeout);
        Checks.positive("timeout (s)", timeout.toSeconds());
    }

    public Path outputDir() {
        return workDir.resolve("samples");
    }
}
