package io.hyclus.streaming.segment;

import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan whose completion never comes (acquisition died) is closed by the wall-clock punctuator once it has had no event
 * for {@code abandonAfter}: containers written from the lines that arrived, the abandonment in their provenance, its
 * state removed; a completion arriving later is dead-lettered. A scan still receiving lines is left alone.
 */
class SegmentationAbandonedScanTest {
    private static final Duration ABANDON_AFTER = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private SegmentationDriver driver() {
        return new SegmentationDriver(new SegmentationSettings(dir.resolve("out"), 3.0, ABANDON_AFTER), dir.resolve("state"),
                InstantSource.fixed(SegmentationDriver.NOW));
    }

    @Test
    void scanWithoutCompletion_isClosedAfterTheTimeout_fromTheLinesThatArrived_stateRemoved_lateCompletionDeadLettered() {
        try (SegmentationDriver d = driver()) {
            d.send(ScanFixture.start("scan-1"));
            for (long i = 0; i < 10; i++) { // of the 18 lines a full scan has: the second half never comes
                d.send(ScanFixture.line("scan-1", i));
            }
            d.driver.advanceWallClockTime(ABANDON_AFTER.minusSeconds(31));
            assertTrue(d.samples.isEmpty(), "not yet: the scan is idle for less than the timeout");
            assertEquals(1, d.count(SegmentationTopology.STARTS_STORE));

            d.driver.advanceWallClockTime(Duration.ofSeconds(62));
            List<SampleContainerWritten> written = d.samples.readValuesToList();
            assertEquals(List.of("A-1", "B-2"), written.stream().map(SampleContainerWritten::sampleId).toList());
            for (SampleContainerWritten w : written) {
                SampleSpectra s = SampleContainerReader.read(Path.of(w.file()));
                // inner pixels 3..15 (or 23..35) of lines 4..9: 13 x 6 (a full scan gives lines 4..12: 13 x 9)
                assertEquals(13 * 6, s.camera(SensorKind.VNIR).orElseThrow().size(), w.file());
                String degradation = s.provenance().get("scan.degradation.1");
                assertTrue(degradation.startsWith("abandoned: no event for 120 s after the last one at "), degradation);
                assertTrue(s.provenance().get("segmentation.scan_completed_at").startsWith("abandoned by segmentation at "),
                        s.provenance().toString());
                assertEquals("10 of ? published", s.provenance().get("segmentation.lines_received.vnir"));
            }
            for (String store : List.of(SegmentationTopology.STARTS_STORE, SegmentationTopology.FRAGMENTS_STORE,
                    SegmentationTopology.PROGRESS_STORE, SegmentationTopology.LINES_SEEN_STORE,
                    SegmentationTopology.ACTIVITY_STORE)) {
                assertEquals(0, d.count(store), store + " emptied");
            }

            d.send(ScanFixture.completed("scan-1", 18));
            List<String> reasons = d.dlq.readRecordsToList().stream()
                    .map(r -> new String(r.headers().lastHeader("hyclus.error").value(), StandardCharsets.UTF_8)).toList();
            assertEquals(1, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).contains("scan scan-1 already completed at abandoned by segmentation at "), reasons.get(0));
            assertTrue(d.samples.isEmpty(), "the late completion rewrites nothing");
        }
    }

    @Test
    void completedScansAreForgottenAfterTheRetention_aRepeatThenRewritesNothing() throws Exception {
        Duration retention = Duration.ofHours(1);
        try (SegmentationDriver d = new SegmentationDriver(new SegmentationSettings(dir.resolve("out"), 3.0,
                ABANDON_AFTER).withCompletedRetention(retention), dir.resolve("state"),
                InstantSource.fixed(SegmentationDriver.NOW))) {
            d.send(ScanFixture.start("scan-r"));
            for (long i = 0; i < 18; i++) {
                d.send(ScanFixture.line("scan-r", i));
            }
            d.send(ScanFixture.completed("scan-r", 18));
            List<SampleContainerWritten> written = d.samples.readValuesToList();
            assertEquals(2, written.size());
            byte[] before = Files.readAllBytes(Path.of(written.get(0).file()));
            assertEquals(1, d.count(SegmentationTopology.COMPLETED_STORE));

            d.driver.advanceWallClockTime(retention.minusMinutes(5));
            assertEquals(1, d.count(SegmentationTopology.COMPLETED_STORE), "remembered within the retention");
            d.driver.advanceWallClockTime(Duration.ofMinutes(6));
            assertEquals(0, d.count(SegmentationTopology.COMPLETED_STORE), "forgotten after it");

            d.send(ScanFixture.start("scan-r"));        // the scan's events again, without its lines
            d.send(ScanFixture.completed("scan-r", 18));
            assertTrue(d.samples.isEmpty(), "nothing rewritten");
            assertArrayEquals(before, Files.readAllBytes(Path.of(written.get(0).file())));
            List<String> reasons = d.dlq.readRecordsToList().stream()
                    .map(r -> new String(r.headers().lastHeader("hyclus.error").value(), StandardCharsets.UTF_8)).toList();
            assertEquals(1, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).contains("its containers stand"), reasons.get(0));
        }
    }

    @Test
    void retentionShorterThanTheAbandonTimeout_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SegmentationSettings(
                dir, 3.0, Duration.ofMinutes(10)).withCompletedRetention(Duration.ofMinutes(5)));
        assertEquals("completed scans must be remembered at least as long as a scan may be idle before it is abandoned "
                + "(PT10M), not PT5M", e.getMessage());
    }

    @Test
    void scanStillReceivingLines_isNotAbandoned_andCompletesNormally() {
        try (SegmentationDriver d = driver()) {
            d.send(ScanFixture.start("scan-2"));
            for (long i = 0; i < 18; i++) {
                d.send(ScanFixture.line("scan-2", i));
                d.driver.advanceWallClockTime(Duration.ofSeconds(30)); // 9 minutes in all, never 2 idle
            }
            assertTrue(d.samples.isEmpty());
            d.send(ScanFixture.completed("scan-2", 18));
            List<SampleContainerWritten> written = d.samples.readValuesToList();
            assertEquals(2, written.size());
            for (SampleContainerWritten w : written) {
                SampleSpectra s = SampleContainerReader.read(Path.of(w.file()));
                assertEquals(13 * 9, s.camera(SensorKind.VNIR).orElseThrow().size(), w.file());
                assertEquals("none really", s.provenance().get("scan.degradation.1"));
            }
            assertTrue(d.dlq.isEmpty());
        }
    }
}
