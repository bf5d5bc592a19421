package io.hyclus.app.segment;

import io.hyclus.app.pipeline.WorkDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static io.hyclus.app.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hyclus segment} refuses bad options as the scanning commands do, before anything starts. */
class SegmentCommandTest {
    @TempDir
    Path work;

    @Test
    void workDirWithComma_isAParameterError_nothingCreated() {
        Path w = work.resolve("a,b");
        String[] r = run("segment", "--work-dir", w.toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].startsWith("--work-dir must not contain ',' (the embedded broker's log.dirs would split there and"
                + " write outside the work directory): " + w.toAbsolutePath()), r[1]);
        assertTrue(r[1].contains("Usage: hyclus segment"), r[1]);
        assertFalse(Files.exists(w));
    }

    @Test
    void abandonAfterOutOfRange_isAParameterError() {
        String[] r = run("segment", "--abandon-after-seconds", "0", "--work-dir", work.resolve("w").toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains("--abandon-after-seconds"), r[1]);
        assertFalse(Files.exists(work.resolve("w")));
    }

    @Test
    void partitionsOutOfRange_isAParameterError() {
        String[] r = run("segment", "--partitions", "0", "--work-dir", work.resolve("w").toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].startsWith("--partitions must be 1-256: 0"), r[1]);
        assertFalse(Files.exists(work.resolve("w")));
    }

    @Test
    void bootstrapServersMalformed_isAParameterError() {
        String[] r = run("segment", "--bootstrap-servers", "localhost", "--work-dir", work.resolve("w").toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].startsWith("--bootstrap-servers must be HOST:PORT[,HOST:PORT...] with ports 1-65535: 'localhost'"),
                r[1]);
        assertFalse(Files.exists(work.resolve("w")));
    }

    @Test
    void workDirInUse_isRefusedNamingTheProcess_noBrokerStarted() {
        Path w = work.resolve("busy");
        try (WorkDirLock held = WorkDirLock.acquire(w, Instant.parse("2026-11-25T20:00:00Z"))) {
            String[] r = run("segment", "--work-dir", w.toString());
            assertEquals("1", r[0], r[1]);
            assertTrue(r[1].startsWith("hyclus: work directory " + w + " is in use by process "
                    + ProcessHandle.current().pid() + " ("), r[1]);
            assertFalse(Files.exists(w.resolve("kafka")), "no broker was started");
        }
    }
}
