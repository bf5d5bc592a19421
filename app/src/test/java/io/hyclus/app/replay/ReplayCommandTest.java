package io.hyclus.app.replay;

import io.hyclus.app.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hyclus replay} and {@code hyclus export --scan}: bad options refused (exit 2, naming the option) before anything starts. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    private void assertBad(String message, String... args) {
        String[] r = Cli.run(args);
        assertEquals("2", r[0], r[1]);
        assertTrue(r[1].contains(message), r[1]);
        assertFalse(Files.exists(dir.resolve("w")), "nothing written");
    }

    @Test
    void replay_badOptions_exit2() {
        String w = dir.resolve("w").toString();
        assertBad("Missing required argument", "replay", "--work-dir", w);
        assertBad("mutually exclusive", "replay", "--scan", "a", "--from-envi", dir.toString(), "--work-dir", w);
        assertBad("--until needs --since", "replay", "--scan", "a", "--until", "2026-01-01T00:00:00Z", "--work-dir", w);
        assertBad("--since must be an ISO-8601 instant such as 2026-11-26T03:00:00Z: 'yesterday'", "replay", "--since",
                "yesterday", "--work-dir", w);
        assertBad("--since 2026-02-01T00:00:00Z must be before --until 2026-01-01T00:00:00Z", "replay", "--since",
                "2026-02-01T00:00:00Z", "--until", "2026-01-01T00:00:00Z", "--work-dir", w);
        assertBad("--original-pace and --as-fast-as-possible exclude each other", "replay", "--scan", "a",
                "--original-pace", "--as-fast-as-possible", "--work-dir", w);
        assertBad("--replay-id must be 1-64 letters, digits, '_' or '-': 'a.b'", "replay", "--scan", "a",
                "--replay-id", "a.b", "--work-dir", w);
        assertBad("--from-envi must be a capture folder: " + dir.resolve("none"), "replay", "--from-envi",
                dir.resolve("none").toString(), "--work-dir", w);
        assertBad("--bootstrap-servers must be HOST:PORT", "replay", "--scan", "a", "--bootstrap-servers", "nohost",
                "--work-dir", w);
        assertBad("--timeout-seconds must be", "replay", "--scan", "a", "--timeout-seconds", "0", "--work-dir", w);
    }

    @Test
    void exportScan_badOptions_exit2() {
        String w = dir.resolve("w").toString();
        String out = dir.resolve("out").toString();
        assertBad("--scan reads the scan from Kafka; --samples is for --format hidsag", "export", "--scan", "a",
                "--samples", dir.toString(), "--work-dir", w, out);
        assertBad("--scan exports ENVI captures, not --format hidsag", "export", "--scan", "a", "--format", "hidsag",
                "--work-dir", w, out);
        assertBad("give --format hidsag --samples DIR, or --scan ID (ENVI)", "export", out);
        assertBad("--format hidsag needs --samples DIR", "export", "--format", "hidsag", out);
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
