package io.hyclus.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Bounded polling for asynchronous results; never a fixed sleep. */
public final class Poll {
    private Poll() {
    }

    /** Calls {@code probe} every 100 ms until it returns a value or {@code timeout} passes, then fails naming {@code what}. */
    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
