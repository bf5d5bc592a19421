package io.hyclus.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for asynchronous results, instead of fixed sleeps. */
public final class Await {
    private static final long POLL_MILLIS = 5;

    private Await() {
    }

    /**
     * Polls {@code condition} every 5 ms until it holds.
     *
     * @throws AssertionError naming {@code what} if it does not hold within {@code timeout}
     */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting until " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }
}
