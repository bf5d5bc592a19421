package io.hyclus.app.pipeline;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a started service until Ctrl-C or SIGTERM (a shutdown hook closes it) or until its health check throws (the
 * service then closed, the failure passed on): the loop of the commands that run one service on its own
 * ({@code hyclus encode}, {@code hyclus map}).
 */
public final class UntilSignal {
    private static final Duration HEALTH_CHECK = Duration.ofSeconds(1);

    private UntilSignal() {
    }

    /**
     * @param name    names the shutdown hook's thread ({@code hyclus-<name>-shutdown})
     * @param started printed once the hook is in place
     * @param health  throws when the service stopped on an error
     */
    public static void run(String name, AutoCloseable service, Runnable health, String started, PrintWriter out)
            throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            closeQuietly(service);
            stop.countDown();
        }, "hyclus-" + name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.println(started);
            out.flush();
            while (!stop.await(HEALTH_CHECK.toMillis(), TimeUnit.MILLISECONDS)) {
                health.run();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                closeQuietly(service);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook closes the service
            }
        }
    }

    private static void closeQuietly(AutoCloseable service) {
        try {
            service.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing " + service + ": " + e.getMessage(), e);
        }
    }
}
