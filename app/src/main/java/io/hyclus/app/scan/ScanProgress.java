package io.hyclus.app.scan;

import io.hyclus.acquisition.sync.RawFrameTap;
import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.hardware.camera.RawFrame;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The scan's progress on the terminal: lines done of all, belt travel in mm, an estimate of the time left from the
 * rate so far, and late lines. On a terminal one bar redrawn in place ({@code \r}); otherwise (a pipe, a log) a plain
 * line at every tenth of the scan.
 */
final class ScanProgress implements RawFrameTap {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final double linePitchMm;
    private final LongSupplier nanoTime;
    private long startNanos = -1;
    private long late;
    private int lastDecile = -1;
    private long lastDrawNanos;
    private boolean drawn;

    /** @param nanoTime the wall clock the estimate uses ({@code System::nanoTime}) */
    ScanProgress(PrintWriter out, boolean terminal, double linePitchMm, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.linePitchMm = linePitchMm;
        this.nanoTime = nanoTime;
    }

    @Override
    public void references(RigCamera camera, List<RawFrame> dark, List<RawFrame> white) {
    }

    @Override
    public void frame(RigCamera camera, long line, RawFrame frame) {
    }

    @Override
    public void lineDone(long line, long lines, boolean lateLine) {
        long now = nanoTime.getAsLong();
        if (startNanos < 0) {
            startNanos = now;
        }
        if (lateLine) {
            late++;
        }
        long done = line + 1;
        if (terminal) {
            // redraw at most 10 times a second, and always at the end
            if (done == lines || !drawn || now - lastDrawNanos > 100_000_000L) {
                lastDrawNanos = now;
                drawn = true;
                out.print("\r" + line(done, lines, now) + (done == lines ? "\n" : ""));
                out.flush();
            }
            return;
        }
        int decile = (int) (10 * done / Math.max(1, lines));
        if (decile != lastDecile && (decile > lastDecile)) {
            lastDecile = decile;
            out.println(line(done, lines, now));
            out.flush();
        }
    }

    /** One progress line: bar, lines, mm, ETA, late lines. */
    String line(long done, long lines, long now) {
        int filled = (int) (WIDTH * done / Math.max(1, lines));
        double elapsed = (now - startNanos) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed / done * (lines - done);
        return String.format(Locale.ROOT, "[%s%s] %d/%d lines  %.1f/%.1f mm  ETA %s  late %d",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, lines, done * linePitchMm, lines * linePitchMm,
                Double.isNaN(eta) ? "?" : String.format(Locale.ROOT, "%.0f s", eta), late);
    }
}
