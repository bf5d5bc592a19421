package io.hyclus.app.train;

import io.hyclus.analysis.model.EpochListener;
import io.hyclus.analysis.model.EpochRecord;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One progress report per epoch: on a terminal a bar redrawn in place, otherwise one plain line each. Shows the epoch,
 * the train and validation losses (Keras-scale BCE), the learning rate, training spectra per second and the time left
 * if every remaining epoch runs (early stopping may end sooner).
 */
final class ProgressPrinter implements EpochListener {
    private static final int BAR = 24;
    private final PrintWriter out;
    private final boolean terminal;
    private double seconds;

    ProgressPrinter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void epochDone(EpochRecord r, int maxEpochs) {
        seconds += r.seconds();
        double eta = seconds / r.epoch() * (maxEpochs - r.epoch());
        String line = line(r, maxEpochs, eta);
        if (terminal) {
            int filled = (int) Math.round(BAR * (double) r.epoch() / maxEpochs);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String line(EpochRecord r, int maxEpochs, double etaSeconds) {
        String lr = r.learningRate() > 0 ? String.format(Locale.ROOT, "%.1e", r.learningRate()) : "-";
        return String.format(Locale.ROOT, "epoch %d/%d  train %.5f  val %.5f  lr %s  %.0f spectra/s  ETA %s", r.epoch(),
                maxEpochs, r.trainLoss(), r.validationLoss(), lr, r.samplesPerSecond(), clock(etaSeconds));
    }

    static String clock(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }

    /** Ends the bar's line on a terminal. */
    void finish() {
        if (terminal) {
            out.println();
            out.flush();
        }
    }
}
