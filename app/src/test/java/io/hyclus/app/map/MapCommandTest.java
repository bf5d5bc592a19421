package io.hyclus.app.map;

import io.hyclus.app.pipeline.WorkDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static io.hyclus.app.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hyclus map} refuses bad options before anything starts, and a cluster nobody runs within seconds. */
class MapCommandTest {
    @TempDir
    Path work;

    @Test
    void withoutBootstrapServers_isAParameterError() {
        String[] r = run("map", "--work-dir", work.resolve("w").toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].startsWith("Missing required option: '--bootstrap-servers=HOST:PORT[,HOST:PORT...]'"), r[1]);
        assertTrue(r[1].contains("Usage: hyclus map"), r[1]);
        assertFalse(Files.exists(work.resolve("w")));
    }

    @Test
    void badOptions_areParameterErrorsNamingTheOption_nothingCreated() {
        String w = work.resolve("w").toString();
        String[][] cases = {
            {"--bootstrap-servers", "localhost"},
            {"--points-per-sample", "0"},
            {"--refit-share", "0"},
            {"--reservoir", "50"},
            {"--camera", "UV"},
            {"--group-id", "a b"},
        };
        String[] expected = {
            "--bootstrap-servers must be HOST:PORT[,HOST:PORT...] with ports 1-65535: 'localhost'",
            "--points-per-sample must be 1-1000000: 0",
            "--refit-share must be 0.01-100.0: 0.0",
            "--reservoir must be 100-10000000: 50",
            "Invalid value for option '--camera': expected one of [VNIR, SWIR, STITCHED] (case-sensitive) but was 'UV'",
            "live map group id must be",
        };
        for (int i = 0; i < cases.length; i++) {
            String[] args = cases[i][0].equals("--bootstrap-servers")
                    ? new String[] {"map", "--work-dir", w, cases[i][0], cases[i][1]}
                    : new String[] {"map", "--work-dir", w, "--bootstrap-servers", "127.0.0.1:9", cases[i][0], cases[i][1]};
            String[] r = run(args);
            assertEquals("2", r[0], r[1]);
            assertTrue(r[1].startsWith(expected[i]), r[1]);
        }
        assertFalse(Files.exists(work.resolve("w")));
    }

    @Test
    void nothingAnswering_failsNamingTheServers() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        String[] r = run("map", "--bootstrap-servers", "127.0.0.1:" + port, "--work-dir", work.toString());
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].startsWith("hyclus: no Kafka broker answers at 127.0.0.1:" + port + " (127.0.0.1:" + port + ": "),
                r[1]);
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "failed within seconds");
    }

    @Test
    void secondServiceOnOneWorkDir_isRefusedNamingTheFirst() {
        try (WorkDirLock held = WorkDirLock.acquire(work.resolve("map"), Instant.parse("2026-11-25T20:00:00Z"))) {
            String[] r = run("map", "--bootstrap-servers", "127.0.0.1:9", "--work-dir", work.toString());
            assertEquals("1", r[0], r[1]);
            assertTrue(r[1].startsWith("hyclus: work directory " + work.resolve("map").toAbsolutePath()
                    + " is in use by process " + ProcessHandle.current().pid() + " ("), r[1]);
        }
    }
}
