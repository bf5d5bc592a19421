package io.hyclus.analysis.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed pool of {@code threads} workers that splits index ranges into {@code threads} fixed, contiguous partitions.
 * Partition boundaries depend only on the range length and the thread count, so per-partition sums combined in
 * partition order give the same result on every run with the same thread count.
 */
public final class Parallel implements AutoCloseable {
    /** Work on {@code [from, to)} as partition {@code part}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int part, int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hyclus-tsne");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code task} over {@code [0, n)} split into {@link #threads()} partitions and waits for all of them. */
    public void forRange(int n, RangeTask task) {
        if (pool == null || n < 2) {
            task.run(0, 0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int p = 0; p < threads; p++) {
            int from = start(n, p);
            int to = start(n, p + 1);
            int part = p;
            futures.add(pool.submit(() -> task.run(part, from, to)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private int start(int n, int part) {
        return (int) ((long) n * part / threads);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
