package io.hyclus.app.segment;

import io.hyclus.testkit.Await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hyclus segment --bootstrap-servers ... --partitions N} processes started from the packaged jar, their output
 * kept in memory; {@link #close} kills any still running.
 */
final class SegmentProcesses implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final Path jar;
    private final String bootstrap;
    private final int partitions;
    private final List<Child> children = new ArrayList<>();

    /** @param partitions the instances' {@code --partitions}: the first creates the topics with that many */
    SegmentProcesses(Path jar, String bootstrap, int partitions) {
        this.jar = jar;
        this.bootstrap = bootstrap;
        this.partitions = partitions;
    }

    /** Starts an instance on {@code work} and waits until its segmentation runs. */
    Child start(Path work) throws IOException {
        assertTrue(Files.exists(jar), jar + " is built in the package phase, before failsafe runs");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-jar", jar.toString(), "segment", "--work-dir", work.toString(), "--bootstrap-servers", bootstrap,
                "--partitions", Integer.toString(partitions));
        Child c = new Child(new ProcessBuilder(command).redirectErrorStream(true).start(), new StringBuffer());
        children.add(c);
        Thread reader = new Thread(() -> copy(c.process.getInputStream(), c.buffer), "hyclus-segment-output");
        reader.setDaemon(true);
        reader.start();
        c.await("press Ctrl-C to stop");
        return c;
    }

    /**
     * SIGTERM: the shutdown hook closes the segmentation (leaving its group) and the JVM exits with 143 (128 + 15, as
     * for any JVM ended by SIGTERM after its hooks ran), not 1 (a failure).
     */
    void stop(Child c) throws InterruptedException {
        c.process.destroy();
        assertTrue(c.process.waitFor(60, TimeUnit.SECONDS), "hyclus segment exits on SIGTERM:\n" + c.out());
        assertEquals(SIGTERM_EXIT, c.process.exitValue(), c.out());
    }

    static final int SIGTERM_EXIT = 128 + 15;

    /** SIGKILL. */
    void kill(Child c) throws InterruptedException {
        c.process.destroyForcibly();
        assertTrue(c.process.waitFor(10, TimeUnit.SECONDS));
    }

    @Override
    public void close() throws InterruptedException {
        for (Child c : children) {
            if (c.process.isAlive()) {
                c.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void copy(InputStream in, StringBuffer out) {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            out.append("\n(reading the child's output failed: ").append(e.getMessage()).append(')');
        }
    }

    record Child(Process process, StringBuffer buffer) {
        String out() {
            return buffer.toString();
        }

        void await(String text) {
            Await.until(WAIT, "'" + text + "' from hyclus segment:\n" + buffer, () -> out().contains(text)
                    || !process.isAlive());
            assertTrue(out().contains(text), "hyclus segment exited (" + (process.isAlive() ? "alive" : "exit "
                    + process.exitValue()) + ") before '" + text + "':\n" + out());
        }
    }
}
