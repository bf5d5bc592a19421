package io.hyclus.app.encode;

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

/** {@code hyclus encode} refuses bad options before anything starts, and a cluster nobody runs within seconds. */
class EncodeCommandTest {
    @TempDir
    Path work;

    @Test
    void withoutBootstrapServers_isAParameterError() {
        String[] r = run("encode", "--work-dir", work.resolve("w").toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].startsWith("Missing required option: '--bootstrap-servers=HOST:PORT[,HOST:PORT...]'"), r[1]);
        assertTrue(r[1].contains("Usage: hyclus encode"), r[1]);
        assertFalse(Files.exists(work.resolve("w")));
    }

    @Test
    void bootstrapServersMalformed_isAParameterError_nothingCreated() {
        String[] r = run("encode", "--bootstrap-servers", "localhost", "--work-dir", work.resolve("w").toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].startsWith("--bootstrap-servers must be HOST:PORT[,HOST:PORT...] with ports 1-65535: 'localhost'"),
                r[1]);
        assertFalse(Files.exists(work.resolve("w")));
    }

    @Test
    void groupIdNotAnIdentifier_isAParameterError() {
        String[] r = run("encode", "--bootstrap-servers", "127.0.0.1:9", "--group-id", "a b", "--work-dir",
                work.resolve("w").toString());
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].startsWith("--group-id must be 1-128 characters of letters, digits, '.', '_' or '-' starting with"
                + " a letter or digit: 'a b'"), r[1]);
        assertFalse(Files.exists(work.resolve("w")));
    }

    @Test
    void nothingAnswering_failsNamingTheServers() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        String[] r = run("encode", "--bootstrap-servers", "127.0.0.1:" + port, "--work-dir", work.toString());
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].startsWith("hyclus: no Kafka broker answers at 127.0.0.1:" + port + " (127.0.0.1:" + port + ": "),
                r[1]);
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "failed within seconds");
    }

    @Test
    void secondEncoderOnOneWorkDir_isRefusedNamingTheFirst() {
        try (WorkDirLock held = WorkDirLock.acquire(work.resolve("encoder"), Instant.parse("2026-11-25T20:00:00Z"))) {
            String[] r = run("encode", "--bootstrap-servers", "127.0.0.1:9", "--work-dir", work.toString());
            assertEquals("1", r[0], r[1]);
            assertTrue(r[1].startsWith("hyclus: work directory " + work.resolve("encoder").toAbsolutePath()
                    + " is in use by process " + ProcessHandle.current().pid() + " ("), r[1]);
        }
    }

    @Test
    void instanceId_isCreatedOnce_thenReadBack() {
        String id = EncoderInstanceId.in(work.resolve("encoder"));
        assertTrue(id.matches("hyclus-encoder-[0-9a-f-]{36}"), id);
        assertEquals(id, EncoderInstanceId.in(work.resolve("encoder")));
    }
}
