package io.hyclus.simulator.protocol;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Two pseudo-terminals joined back to back by {@code socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B}: bytes
 * written to one end are read at the other. The links live in a fresh temporary directory. {@link #close()}
 * kills socat, which makes both ends fail like a pulled cable, and removes the directory. Thread-safe.
 *
 * <p>socat is a child process the JVM does not reap when it exits: a pair that is still open when the JVM shuts
 * down (Ctrl-C, SIGTERM, {@code System.exit}) is closed by a shutdown hook, so neither socat nor the directory
 * outlive the process. (SIGKILL runs no hook; socat then exits once its ptys are no longer open on this side.)
 */
public final class PtyPair implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;

    private final Path dir;
    private final Path hostEnd;
    private final Path deviceEnd;
    private final Process socat;
    private final Thread shutdownHook;
    private boolean closed;

    private PtyPair(Path dir, Process socat) {
        this.dir = dir;
        this.hostEnd = dir.resolve("host");
        this.deviceEnd = dir.resolve("device");
        this.socat = socat;
        this.shutdownHook = new Thread(this::close, "hyclus-pty-cleanup " + dir.getFileName());
    }

    /**
     * Starts socat and waits (bounded polling, at most 5 s) until both links exist.
     *
     * @throws IllegalStateException if socat is not installed or does not come up
     */
    public static PtyPair start() {
        Path socatBinary = findOnPath("socat");
        try {
            Path dir = Files.createTempDirectory("hyclus-pty");
            List<String> command = List.of(socatBinary.toString(), "-d",
                    "pty,raw,echo=0,link=" + dir.resolve("host"), "pty,raw,echo=0,link=" + dir.resolve("device"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("socat.log").toFile()).start();
            PtyPair pair = new PtyPair(dir, process);
            Runtime.getRuntime().addShutdownHook(pair.shutdownHook);
            pair.awaitLinks();
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start socat for a pty pair", e);
        }
    }

    /** The end a driver opens. */
    public String hostPath() {
        return hostEnd.toString();
    }

    /** The end a simulator opens. */
    public String devicePath() {
        return deviceEnd.toString();
    }

    private void awaitLinks() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!(Files.exists(hostEnd) && Files.exists(deviceEnd))) {
            if (!socat.isAlive()) {
                String log = readLog();
                close();
                throw new IllegalStateException("socat exited with " + socat.exitValue() + " before creating "
                        + hostEnd + " and " + deviceEnd + ": " + log);
            }
            if (System.nanoTime() - deadline >= 0) {
                String log = readLog();
                close();
                throw new IllegalStateException("socat did not create " + hostEnd + " and " + deviceEnd + " within "
                        + START_TIMEOUT.toMillis() + " ms: " + log);
            }
            sleep();
        }
    }

    private static Path findOnPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(program + " not found on PATH (" + path
                + "): install socat: apt-get install socat");
    }

    private String readLog() {
        try {
            return Files.readString(dir.resolve("socat.log"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no socat log: " + e.getMessage() + ")";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for socat", e);
        }
    }

    /** True until {@link #close()}. */
    public synchronized boolean isOpen() {
        return !closed;
    }

    /** Kills socat (both ends fail from now on) and deletes the temporary directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: this is the hook, or it runs anyway and finds the pair closed
        }
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly();
    }

    private void deleteQuietly() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
