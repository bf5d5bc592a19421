package io.hyclus.streaming.segment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A 1 MiB tmpfs mounted for one test (needs root, as CI and the dev machines run; the test is skipped, saying why,
 * where mounting is refused), filled up by {@link #fill} and unmounted by {@link #close}.
 */
final class TinyDisk implements AutoCloseable {
    final Path root;

    private TinyDisk(Path root) {
        this.root = root;
    }

    static TinyDisk mount(Path at) throws IOException, InterruptedException {
        Files.createDirectories(at);
        Run r = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", at.toString());
        assumeTrue(r.ok(), "cannot mount a 1 MiB tmpfs at " + at + " (needs root): " + r.output());
        return new TinyDisk(at);
    }

    /** Writes zeros until the file system refuses: the rest of the tmpfs, to the page. */
    static Path fill(Path filler) throws IOException {
        byte[] page = new byte[4096];
        try (OutputStream o = Files.newOutputStream(filler)) {
            while (true) {
                o.write(page);
                o.flush();
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
                throw full;
            }
        }
        return filler;
    }

    /**
     * Unmounts, retrying for a few seconds while a file on the disk is still open (e.g. a Kafka Streams thread still
     * closing), asking the garbage collector between tries. A lazy unmount is the last resort, so nothing stays mounted.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        Run r = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            r = run("umount", root.toString());
            if (r.ok()) {
                return;
            }
            System.gc();
            Thread.sleep(100);
        }
        run("umount", "-l", root.toString());
        throw new AssertionError("umount " + root + " failed for 5 s, unmounted lazily: " + r.output());
    }

    private record Run(boolean ok, String output) {
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return new Run(p.waitFor() == 0, output);
    }
}
