package io.hyclus.app;

import io.hyclus.app.pipeline.WorkDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input on the command line fails at once, with a message naming the option and value, and starts nothing.
 * A bad option is a parameter error: exit code 2 and the usage; a failure of the environment is exit code 1.
 */
class CommandLineTest {
    @TempDir
    Path work;

    private record Run(int rc, String out) {
        String firstLine() {
            return out.strip().lines().findFirst().orElse("");
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int rc = cl.execute(args);
        return new Run(rc, out.toString());
    }

    /** Exit code 2, the message first, then the command's usage. */
    private static void assertParameterError(Run r, String message, String command) {
        assertEquals(2, r.rc(), r.out());
        assertEquals(message, r.firstLine(), r.out());
        assertTrue(r.out().contains("Usage: hyclus " + command), r.out());
    }

    private void assertNothingStarted(Path workDir) {
        assertFalse(Files.exists(workDir), "the work directory was not even created: " + workDir);
    }

    @Test
    void demo_tooManySamples_namesTheOption() {
        Path w = work.resolve("w");
        Run r = run("demo", "--samples", "20", "--work-dir", w.toString());
        assertParameterError(r, "--samples must be 1-12: 20", "demo");
        assertNothingStarted(w);
    }

    @Test
    void demo_linePitchZero_isRefusedBeforeAnythingStarts() {
        Path w = work.resolve("w");
        Run r = run("demo", "--line-pitch-mm", "0", "--work-dir", w.toString());
        assertParameterError(r, "--line-pitch-mm must be 0.05-20.0: 0.0", "demo");
        assertNothingStarted(w);
    }

    @Test
    void demo_linePitchNaN_isRefusedBeforeAnythingStarts() {
        Path w = work.resolve("w");
        Run r = run("demo", "--line-pitch-mm", "NaN", "--work-dir", w.toString());
        assertParameterError(r, "--line-pitch-mm must be 0.05-20.0: NaN", "demo");
        assertNothingStarted(w);
    }

    @Test
    void demo_timeoutZero_isRefusedBeforeAnythingStarts() {
        Path w = work.resolve("w");
        Run r = run("demo", "--timeout-seconds", "0", "--work-dir", w.toString());
        assertParameterError(r, "--timeout-seconds must be positive: 0", "demo");
        assertNothingStarted(w);
    }

    @Test
    void campaign_timeoutNegative_isRefused() {
        Path w = work.resolve("w");
        Run r = run("campaign", "--timeout-seconds", "-5", "--work-dir", w.toString());
        assertParameterError(r, "--timeout-seconds must be positive: -5", "campaign");
        assertNothingStarted(w);
    }

    @Test
    void workDirWithComma_isRefused_namingTheOptionAndWhy() {
        Path w = work.resolve("a,b");
        Run r = run("demo", "--work-dir", w.toString());
        assertParameterError(r, "--work-dir must not contain ',' (the embedded broker's log.dirs would split there and"
                + " write outside the work directory): " + w.toAbsolutePath(), "demo");
        assertNothingStarted(w);
        assertNothingStarted(work.resolve("a"));
    }

    @Test
    void workDirThatCannotBeCreated_saysWhatWhereAndWhy() throws Exception {
        Path file = Files.writeString(work.resolve("a-file"), "not a directory");
        Path w = file.resolve("work");
        Run r = run("demo", "--work-dir", w.toString());
        assertEquals(1, r.rc(), r.out());
        assertTrue(r.firstLine().startsWith("hyclus: cannot create work directory " + w + ": Not a directory"), r.out());
    }

    @Test
    void workDirInUse_isRefused_namingTheProcess() {
        Path w = work.resolve("busy");
        Instant since = Instant.parse("2026-11-25T20:00:00Z");
        try (WorkDirLock held = WorkDirLock.acquire(w, since)) {
            Run r = run("demo", "--work-dir", w.toString());
            assertEquals(1, r.rc(), r.out());
            assertTrue(r.firstLine().startsWith("hyclus: work directory " + w + " is in use by process "
                    + ProcessHandle.current().pid() + " ("), r.out());
            assertTrue(r.firstLine().endsWith(") since 2026-11-25T20:00:00Z; wait for it to stop, or choose another"
                    + " work directory"), r.out());
            assertFalse(Files.exists(w.resolve("kafka")), "no broker was started");
        }
    }

    @Test
    void bootstrapServersMalformed_isAParameterError() {
        Path w = work.resolve("w");
        Run r = run("demo", "--bootstrap-servers", "localhost", "--work-dir", w.toString());
        assertParameterError(r, "--bootstrap-servers must be HOST:PORT[,HOST:PORT...] with ports 1-65535: 'localhost'",
                "demo");
        assertNothingStarted(w);
    }

    @Test
    void bootstrapServersWhereNothingListens_failsWithinSeconds_namingTheServers() {
        long t0 = System.nanoTime();
        Run r = run("demo", "--bootstrap-servers", "127.0.0.1:1", "--work-dir", work.resolve("w").toString());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertEquals(1, r.rc(), r.out());
        assertTrue(r.out().contains("hyclus: no Kafka broker answers at 127.0.0.1:1 (127.0.0.1:1: connection refused"),
                r.out());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took.toMillis() + " ms");
    }

    @Test
    void demo_missingLibrary_failsBeforeAnyBrokerStarts() {
        Path nowhere = work.resolve("no-library");
        Run r = run("demo", "--library", nowhere.toString(), "--work-dir", work.toString());
        assertEquals(1, r.rc());
        assertEquals("hyclus: no spectral library in " + nowhere + ": index.csv not found (a library folder holds index.csv"
                + " and the files it lists)", r.out().strip());
        assertFalse(Files.exists(work.resolve("kafka")), "no broker was started");
    }

    @Test
    void campaign_badCameraSize_namesTheOption() {
        Path w = work.resolve("w");
        Run r = run("campaign", "--vnir", "1024by224", "--work-dir", w.toString());
        assertParameterError(r, "--vnir must be PIXELSxBANDS, e.g. 1024x224: '1024by224'", "campaign");
        assertNothingStarted(w);
    }

    @Test
    void campaign_tooManyTrays_namesTheOption() {
        Path w = work.resolve("w");
        Run r = run("campaign", "--trays", "13", "--work-dir", w.toString());
        assertParameterError(r, "--trays must be 1-12: 13", "campaign");
        assertNothingStarted(w);
    }

    @Test
    void campaign_beltSpeedZero_namesTheOption() {
        Path w = work.resolve("w");
        Run r = run("campaign", "--belt-speed", "0", "--work-dir", w.toString());
        assertParameterError(r, "--belt-speed must be positive and finite: 0.0", "campaign");
        assertNothingStarted(w);
    }

    @Test
    void camera_badShutter_isRefusedBeforeThePortIsOpened() {
        Run r = run("camera", "--port", work.resolve("no-port").toString(), "--kind", "VNIR", "--shutter", "ajar");
        assertParameterError(r, "--shutter must be open or closed: 'ajar'", "camera");
    }

    @Test
    void camera_roiWithOneNumber_isRefusedBeforeThePortIsOpened() {
        Run r = run("camera", "--port", work.resolve("no-port").toString(), "--kind", "VNIR", "--roi", "100");
        assertParameterError(r, "--roi takes FIRST,COUNT: got 1 numbers", "camera");
    }

    @Test
    void belt_waitSecondsZero_isRefusedBeforeThePortIsOpened() {
        Run r = run("belt", "--port", work.resolve("no-port").toString(), "--wait-seconds", "0", "home");
        assertParameterError(r, "--wait-seconds must be positive: 0", "belt home");
    }

    @Test
    void unknownCommand_isAUsageError() {
        Run r = run("scan-everything");
        assertEquals(2, r.rc());
        assertTrue(r.out().contains("Unmatched argument at index 0: 'scan-everything'"), r.out());
    }
}
