package io.hyclus.app.demo;

import io.hyclus.acquisition.publish.PublishSettings;
import io.hyclus.acquisition.stitch.StitchSettings;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.app.rig.RigSettings;
import io.hyclus.core.Checks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything {@code hyclus demo} needs, read once from the command line. The demo is a preset of the campaign: one
 * tray, both cameras (SWIR at the reference camera's size), the in-process rig, the default scan settings at
 * {@link #BELT_SPEED_MM_PER_SECOND}; the line pitch sets the cameras' line rate.
 *
 * @param workDir          embedded broker data, Streams state and containers go below it
 * @param bootstrapServers an existing cluster; empty means start the embedded broker
 * @param libraryDir       spectral library folder; empty means locate it
 * @param samples          samples on the demo tray (1-12)
 * @param seed             simulator seed
 * @param pixels           VNIR spatial pixels
 * @param bands            VNIR bands
 * @param linePitchMm      belt travel between lines, 0.05-20 mm
 * @param timeout          how long to wait for all containers
 * @param exitWhenDone     exit once the scan is processed instead of running until interrupted
 * @param stitch           how VNIR and SWIR lines are stitched (docs/stitching.md), or empty for none
 * @param publish          how scanlines are encoded on {@code hyclus.scan-events} (docs/scanline-codec.md)
 */
public record DemoSettings(Path workDir, Optional<String> bootstrapServers, Optional<Path> libraryDir, int samples,
                           long seed, int pixels, int bands, double linePitchMm, Duration timeout,
                           boolean exitWhenDone, Optional<StitchSettings> stitch, PublishSettings publish) {
    /** Stitched with {@link StitchSettings#defaults()}, published with {@link PublishSettings#defaults()}. */
    public DemoSettings(Path workDir, Optional<String> bootstrapServers, Optional<Path> libraryDir, int samples, long seed,
                        int pixels, int bands, double linePitchMm, Duration timeout, boolean exitWhenDone) {
        this(workDir, bootstrapServers, libraryDir, samples, seed, pixels, bands, linePitchMm, timeout, exitWhenDone,
                Optional.of(StitchSettings.defaults()), PublishSettings.defaults());
    }

    /** Belt speed of the demo's scan, mm/s: a 4-sample tray (185 mm) passes in under 4 s. */
    public static final double BELT_SPEED_MM_PER_SECOND = 50;
    /** Limits of the demo's options, checked here and by {@link DemoCommand} (which names the options). */
    static final int MAX_SAMPLES = 12;
    static final int MIN_PIXELS = 16;
    static final int MAX_PIXELS = 4096;
    static final int MIN_BANDS = 2;
    static final int MAX_BANDS = 1024;
    /** The cameras' 1 kHz top line rate at the demo's belt speed. */
    static final double MIN_LINE_PITCH_MM = BELT_SPEED_MM_PER_SECOND / 1000;
    static final double MAX_LINE_PITCH_MM = 20;

    public DemoSettings {
        Checks.notNull("work directory", workDir);
        Checks.notNull("bootstrap servers", bootstrapServers);
        Checks.notNull("library directory", libraryDir);
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples on the tray must be 1-" + MAX_SAMPLES + ": " + samples);
        }
        if (pixels < MIN_PIXELS || pixels > MAX_PIXELS) {
            throw new IllegalArgumentException("VNIR pixels must be " + MIN_PIXELS + "-" + MAX_PIXELS + ": " + pixels);
        }
        if (bands < MIN_BANDS || bands > MAX_BANDS) {
            throw new IllegalArgumentException("VNIR bands must be " + MIN_BANDS + "-" + MAX_BANDS + ": " + bands);
        }
        if (!(linePitchMm >= MIN_LINE_PITCH_MM && linePitchMm <= MAX_LINE_PITCH_MM)) {
            throw new IllegalArgumentException("line pitch must be " + MIN_LINE_PITCH_MM + "-" + MAX_LINE_PITCH_MM
                    + " mm: " + linePitchMm);
        }
        Checks.notNull("timeout", timeout);
        Checks.positive("timeout (s)", timeout.toSeconds());
        Checks.notNull("stitch settings", stitch);
        Checks.notNull("publish settings", publish);
    }

    /** Line rate that gives the line pitch at the demo's belt speed, Hz, to the camera's 3 decimals. */
    public double frameRateHz() {
        return Math.round(BELT_SPEED_MM_PER_SECOND / linePitchMm * 1000) / 1000.0;
    }

    /** Both cameras at {@link #frameRateHz()}: VNIR {@code pixels x bands}, SWIR the reference size. */
    public RigSettings rig() {
        return RigSettings.atFrameRate(pixels, bands, RigSettings.REFERENCE_SWIR_PIXELS,
                RigSettings.REFERENCE_SWIR_BANDS, frameRateHz(), seed);
    }

    /** The default scan at the demo's belt speed. */
    public SyncScanSettings scan() {
        return SyncScanSettings.defaults(BELT_SPEED_MM_PER_SECOND);
    }

    public Path outputDir() {
        return workDir.resolve("samples");
    }
}
