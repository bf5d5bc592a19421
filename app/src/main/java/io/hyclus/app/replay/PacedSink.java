package io.hyclus.app.replay;

import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchedPair;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Passes a scan's events on, holding each scanline back until as much time has passed since the first scanline as
 * passed between their frame times ({@link Pace#ORIGINAL}), or not at all.
 */
final class PacedSink implements ScanEventSink {
    /** Sleeps a number of nanoseconds; {@link #THREAD} in production, a recorder in tests. */
    interface Sleeper {
        Sleeper THREAD = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));

        void sleep(long nanos) throws InterruptedException;
    }

    private final ScanEventSink delegate;
    private final Pace pace;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private Instant firstLine;
    private long firstLineNanos;

    PacedSink(ScanEventSink delegate, Pace pace, LongSupplier nanoTime, Sleeper sleeper) {
        this.delegate = delegate;
        this.pace = pace;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static PacedSink of(ScanEventSink delegate, Pace pace) {
        return new PacedSink(delegate, pace, System::nanoTime, Sleeper.THREAD);
    }

    @Override
    public void publish(ScanEvent event) {
        if (pace == Pace.ORIGINAL && event instanceof Scanline l) {
            await(l.acquiredAt());
        } else if (pace == Pace.ORIGINAL && event instanceof StitchedPair p) {
            await(p.vnir().acquiredAt());
        }
        delegate.publish(event);
    }

    private void await(Instant t) {
        if (firstLine == null) {
            firstLine = t;
            firstLineNanos = nanoTime.getAsLong();
            return;
        }
        long due = firstLineNanos + Math.max(0, Duration.between(firstLine, t).toNanos());
        long wait = due - nanoTime.getAsLong();
        if (wait > 0) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.hyclus.app.AppException("replay interrupted while pacing line at " + t, e);
            }
        }
    }

    @Override
    public void flush() {
        delegate.flush();
    }
}
