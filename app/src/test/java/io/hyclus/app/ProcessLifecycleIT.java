package io.hyclus.app;

import io.hyclus.app.pipeline.WorkDirLock;
import io.hyclus.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hyclus.jar} run as a child process, as an operator runs it: a second process on its work directory is
 * refused naming the first, and SIGTERM during a campaign leaves no socat process, no pty folder and no lock behind.
 */
@Timeout(240)
class ProcessLifecycleIT {
    private static final Path JAR = Path.of("target", "hyclus.jar").toAbsolutePath();

    @TempDir
    Path tmp;

    private Process child;
    private List<ProcessHandle> socats = List.of();
    private final StringBuffer childOut = new StringBuffer();

    /** Whatever the outcome, nothing this test started stays running. */
    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        socats.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void sigtermDuringCampaign_stopsSocat_removesPtyFolders_releasesTheWorkDir() throws Exception {
        Path work = tmp.resolve("work");
        Path childTmp = Files.createDirectories(tmp.resolve("child-tmp"));
        start(childTmp, "campaign", "--work-dir", work.toString(), "--trays", "2", "--vnir", "64x16", "--swir", "32x16",
                "--belt-speed", "150", "--frame-rate", "150", "--timeout-seconds", "120");
        Await.until(Duration.ofSeconds(150), "the campaign's rig is up: " + childOut, () -> childOut.toString().contains("Rig: "));

        socats = child.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/socat")).orElse(false)).toList();
        assertEquals(3, socats.size(), "socat for the conveyor and both cameras: " + socats);
        assertEquals(3, ptyFolders(childTmp).size());

        // a second process on the same work directory is refused, naming the first
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        assertEquals(1, cl.execute("demo", "--exit-when-done", "--work-dir", work.toString()), out.toString());
        assertTrue(out.toString().contains("hyclus: work directory " + work + " is in use by process " + child.pid()
                + " ("), out.toString());
        assertTrue(out.toString().contains(" campaign --work-dir " + work + " "), out.toString());

        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "hyclus exits on SIGTERM: " + childOut);
        Await.until(Duration.ofSeconds(5), "no socat left running: " + socats,
                () -> socats.stream().noneMatch(ProcessHandle::isAlive));
        assertEquals(List.of(), ptyFolders(childTmp), "pty folders left behind");
        try (WorkDirLock lock = WorkDirLock.acquire(work, Instant.now())) {
            assertTrue(Files.exists(lock.file()), "the work directory is free again");
        }
    }

    /** Kafka takes non-ASCII paths (EmbeddedKafkaBrokerIT); a JVM in the C locale cannot, and says so. */
    @Test
    void nonAsciiWorkDir_underACLocale_isRefusedNamingTheOptionAndTheFix() throws Exception {
        Path work = tmp.resolve("wörk");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "demo", "--exit-when-done", "--work-dir", work.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        child = pb.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, child.exitValue(), out);
        assertTrue(out.startsWith("--work-dir is not a path this JVM can use: '"), out);
        assertTrue(out.contains("for non-ASCII names run with a UTF-8 locale, e.g. LANG=C.UTF-8"), out);
        assertTrue(out.contains("Usage: hyclus demo"), out);
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.toList(), "nothing created");
        }
    }

    private void start(Path childTmp, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + childTmp, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        assertTrue(Files.exists(JAR), JAR + " is built in the package phase, before failsafe runs");
        child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> copy(child.getInputStream()), "hyclus-child-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void copy(InputStream in) {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                childOut.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            childOut.append("\n(reading the child's output failed: ").append(e.getMessage()).append(')');
        }
    }

    private static List<Path> ptyFolders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("hyclus-pty")).toList();
        }
    }
}
