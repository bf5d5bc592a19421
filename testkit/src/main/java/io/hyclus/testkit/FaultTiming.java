package io.hyclus.testkit;

import org.junit.jupiter.api.function.Executable;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The one timing bound of the fault tests: an injected fault must surface as its exception within
 * {@link #BOUND}. A driver gives up after three attempts of 150 ms and a stop attempt of 150 ms, about 0.6 s; the
 * bound proves "never hangs" with room for a loaded 2-core CI machine, where other builds run at the same time.
 */
public final class FaultTiming {
    /** Longest time a fault may take to surface, on a loaded CI machine. */
    public static final Duration BOUND = Duration.ofSeconds(3);

    /** Longest time a scan may take to abort on a fault, belt stop included, on a loaded CI machine. */
    public static final Duration SCAN_ABORT_BOUND = Duration.ofSeconds(20);

    private FaultTiming() {
    }

    /** Runs {@code call}, asserts it throws {@code type} within {@link #BOUND}, and returns the exception. */
    public static <T extends Throwable> T failsWithin(Class<T> type, Executable call) {
        return failsWithin(BOUND, type, call);
    }

    /** Runs {@code call}, asserts it throws {@code type} within {@code bound}, and returns the exception. */
    public static <T extends Throwable> T failsWithin(Duration bound, Class<T> type, Executable call) {
        long start = System.nanoTime();
        T e = assertThrows(type, call);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(bound) >= 0) {
            throw new AssertionError("failed with " + type.getSimpleName() + " only after " + took.toMillis()
                    + " ms, bound " + bound.toMillis() + " ms: " + e.getMessage(), e);
        }
        return e;
    }
}
