package io.hyclus.streaming.segment;

import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.HyclusVersion;
import io.hyclus.core.codec.CompactReflectance;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.provenance.ProvenanceKeys;
import io.hyclus.core.scan.PixelFlags;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.MaterialClass;
import io.hyclus.core.spectral.MaterialRule;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.kafka.topic.HyclusTopics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentationTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final int LINES = 18;

    @TempDir
    Path dir;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> in;
    private TestOutputTopic<String, SampleContainerWritten> samples;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void setUp() {
        startDriver(InstantSource.fixed(NOW));
    }

    /** A driver on the production configuration, containers in {@code dir/out}; state in memory of this driver only. */
    private void startDriver(InstantSource clock) {
        SegmentationDriver d = new SegmentationDriver(dir.resolve("out"), dir.resolve("state"), clock);
        driver = d.driver;
        in = d.in;
        samples = d.samples;
        dlq = d.dlq;
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void send(ScanEvent e) {
        in.pipeInput(e.scanId().getBytes(StandardCharsets.UTF_8), ScanEventCodec.encode(e));
    }

    private void sendScan(String scanId) {
        send(ScanFixture.start(scanId));
        for (long i = 0; i < LINES; i++) {
            send(ScanFixture.line(scanId, i));
        }
        send(ScanFixture.completed(scanId, LINES));
    }

    @Test
    void scan_writesOneContainerPerSample_withEveryInnerPixelValueByValue() throws Exception {
        sendScan("scan-1");
        List<SampleContainerWritten> out = samples.readValuesToList();
        assertEquals(List.of("A-1", "B-2"), out.stream().map(SampleContainerWritten::sampleId).toList());
        // Slot A: region x 4-36, y 6-30, margin 3 -> x in [7, 33): pixels 3..15 (x = 1 + 2p); y in [9, 27): lines 4..12.
        assertContainer(out.get(0), 3, 15, 4, 12, "Plant-1", "2025-02", "Minus 100");
        // Slot B: x in [47, 73): pixels 23..35.
        assertContainer(out.get(1), 23, 35, 4, 12, "Plant-3", "2025-11", "Plus 100");
        assertTrue(dlq.isEmpty());
    }

    private void assertContainer(SampleContainerWritten w, int p0, int p1, int l0, int l1, String plant, String month,
                                 String fraction) throws Exception {
        int n = (p1 - p0 + 1) * (l1 - l0 + 1);
        assertEquals(n, w.spectra().get(SensorKind.VNIR));
        assertEquals(NOW, w.writtenAt());
        Path file = Path.of(w.file());
        assertEquals(dir.resolve("out/scan-1/" + w.sampleId() + ".h5").toAbsolutePath(), file);
        SampleSpectra read = SampleContainerReader.read(file);
        assertEquals(plant, read.metadata().plant());
        assertEquals(month, read.metadata().month().toString());
        assertEquals(fraction, read.metadata().fraction().label());
        assertEquals("18 of 18 published", read.provenance(SegmentationProvenance.linesReceived(SensorKind.VNIR)).orElseThrow());
        assertEquals("none really", read.provenance(SegmentationProvenance.degradation(1)).orElseThrow());
        CameraSpectra vnir = read.camera(SensorKind.VNIR).orElseThrow();
        float[][] spectra = vnir.spectra();
        assertArrayEquals(ScanFixture.SENSOR.grid().centresNm(), vnir.wavelengthNm());
        assertEquals(n, spectra.length);
        int k = 0;
        for (int l = l0; l <= l1; l++) {
            for (int p = p0; p <= p1; p++, k++) {
                assertEquals(l, vnir.lineIndex()[k]);
                assertEquals(p, vnir.pixelIndex()[k]);
                assertEquals(1.0 + 2 * p, vnir.positionMm()[k][0], 1e-9);
                assertEquals(2.0 * l + 1, vnir.positionMm()[k][1], 1e-9);
                for (int b = 0; b < ScanFixture.BANDS; b++) {
                    assertEquals(ScanFixture.value(l, p, b), spectra[k][b], "line " + l + " pixel " + p + " band " + b);
                }
            }
        }
    }

    @Test
    void compactLines_areSegmentedLikeFloat32Ones_withinHalfAQuantisationStep() {
        send(ScanFixture.start("scan-k"));
        for (long i = 0; i < LINES; i++) {
            Scanline l = ScanFixture.line("scan-k", i);
            in.pipeInput(l.scanId().getBytes(StandardCharsets.UTF_8), ScanEventCodec.encodeCompact(l));
        }
        send(ScanFixture.completed("scan-k", LINES));
        List<SampleContainerWritten> out = samples.readValuesToList();
        assertEquals(List.of("A-1", "B-2"), out.stream().map(SampleContainerWritten::sampleId).toList());
        CameraSpectra a = SampleContainerReader.read(Path.of(out.get(0).file())).camera(SensorKind.VNIR).orElseThrow();
        assertEquals(13 * 9, a.size());
        for (int k = 0; k < a.size(); k++) {
            for (int b = 0; b < ScanFixture.BANDS; b++) {
                assertEquals(ScanFixture.value(a.lineIndex()[k], a.pixelIndex()[k], b), a.spectra()[k][b],
                        CompactReflectance.STEP / 2, "spectrum " + k + " band " + b);
            }
        }
        assertTrue(dlq.isEmpty());
    }

    @Test
    void saturatedPixels_reachTheContainerAsFlagged_everySpectrumHasAMaterialClass() {
        send(ScanFixture.start("scan-s"));
        for (long i = 0; i < LINES; i++) {
            Scanline l = ScanFixture.line("scan-s", i);
            byte[] flags = new byte[ScanFixture.PIXELS];
            flags[5] = i == 6 ? PixelFlags.SATURATED : 0; // slot A, line 6, pixel 5
            send(new Scanline(l.scanId(), l.camera(), l.lineIndex(), l.encoderMicrons(), l.acquiredAt(), l.pixels(),
                    l.bands(), l.reflectance(), flags));
        }
        send(ScanFixture.completed("scan-s", LINES));
        CameraSpectra a = SampleContainerReader.read(Path.of(samples.readValuesToList().get(0).file()))
                .camera(SensorKind.VNIR).orElseThrow();
        int saturated = 0;
        for (int k = 0; k < a.size(); k++) {
            boolean flagged = a.lineIndex()[k] == 6 && a.pixelIndex()[k] == 5;
            assertEquals(flagged, a.material()[k] == MaterialClass.FLAGGED.code(), "spectrum " + k);
            saturated += flagged ? 1 : 0;
        }
        assertEquals(1, saturated);
        assertEquals(a.size(), a.material().length);
    }

    @Test
    void provenance_isTheScansPlusTheSegmentationsTypedKeys_withOneSoftwareVersion() {
        send(new ScanStarted("scan-4", ScanFixture.TRAY, ScanFixture.start("scan-4").cameras(), ScanFixture.T0,
                Map.of("software.version", HyclusVersion.get(), "simulator.seed", "7")));
        for (long i = 0; i < LINES; i++) {
            send(ScanFixture.line("scan-4", i));
        }
        send(ScanFixture.completed("scan-4", LINES));
        SampleContainerWritten w = samples.readValuesToList().get(0);

        Map<String, String> prov = SampleContainerReader.read(Path.of(w.file())).provenance();

        String events = HyclusTopics.SCAN_EVENTS.name();
        assertEquals(Map.ofEntries(
                Map.entry(ProvenanceKeys.SOFTWARE_VERSION.name(), HyclusVersion.get()),
                Map.entry("simulator.seed", "7"),
                Map.entry(SegmentationProvenance.EDGE_MARGIN_MM.name(), "3.0"),
                Map.entry(SegmentationProvenance.MATERIAL_RULE.name(), MaterialRule.defaults().describe()),
                Map.entry(SegmentationProvenance.SCAN_STARTED_AT.name(), events + "/0@0"),
                Map.entry(SegmentationProvenance.SCAN_COMPLETED_AT.name(), events + "/0@" + (LINES + 1)),
                Map.entry(SegmentationProvenance.WRITTEN_UTC.name(), NOW.toString()),
                Map.entry(SegmentationProvenance.SCAN_STARTED_UTC.name(), ScanFixture.T0.toString()),
                Map.entry(SegmentationProvenance.SCAN_COMPLETED_UTC.name(), ScanFixture.T0.plusSeconds(5).toString()),
                Map.entry("segmentation.lines_received.vnir", "18 of 18 published"),
                Map.entry("scan.degradation.1", "none really")), prov);
    }

    @Test
    void segmenterOfAnotherVersion_recordsItsOwnUnderSegmentation() {
        sendScan("scan-1"); // ScanFixture's scan says software.version "test"
        SampleSpectra read = SampleContainerReader.read(Path.of(samples.readValuesToList().get(0).file()));
        assertEquals("test", read.provenance(ProvenanceKeys.SOFTWARE_VERSION).orElseThrow());
        assertEquals(HyclusVersion.get(), read.provenance(SegmentationProvenance.SOFTWARE_VERSION).orElseThrow());
    }

    @Test
    void startWithProvenanceKeyOffTheScheme_isDeadLettered_andItsScanWritesNothing() {
        send(new ScanStarted("scan-5", ScanFixture.TRAY, ScanFixture.start("scan-5").cameras(), ScanFixture.T0,
                Map.of("simulator.mixture.sample 1", "quartz")));
        send(ScanFixture.line("scan-5", 0));
        send(ScanFixture.completed("scan-5", 1));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(3, dead.size());
        String reason = header(dead.get(0), DeadLetters.ERROR);
        assertTrue(reason.startsWith("start of scan scan-5 at " + HyclusTopics.SCAN_EVENTS.name() + "/0@0 carries bad provenance: "
                + "provenance key 'simulator.mixture.sample 1'"), reason);
        assertTrue(samples.isEmpty());
    }

    @Test
    void garbage_goesToDeadLetters_withReasonAndOrigin_andProcessingContinues() {
        byte[] junk = "not a scan event".getBytes(StandardCharsets.UTF_8);
        in.pipeInput("scan-9".getBytes(StandardCharsets.UTF_8), junk);
        sendScan("scan-1");
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertArrayEquals(junk, dead.value());
        assertEquals("record of scan 'scan-9' (its key) at scan-events/0@0: not a HyClus record: magic 0x6E6F7420, expected 0x4859434C".replace("scan-events",
                HyclusTopics.SCAN_EVENTS.name()), header(dead, DeadLetters.ERROR));
        assertEquals(HyclusTopics.SCAN_EVENTS.name(), header(dead, DeadLetters.SOURCE_TOPIC));
        assertEquals("0", header(dead, DeadLetters.SOURCE_OFFSET));
        assertEquals(2, samples.readValuesToList().size());
    }

    @Test
    void lineWithoutStart_andKeyMismatch_areDeadLettered() {
        send(ScanFixture.line("scan-x", 0));
        in.pipeInput("other".getBytes(StandardCharsets.UTF_8), ScanEventCodec.encode(ScanFixture.start("scan-y")));
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(2, dead.size());
        assertTrue(header(dead.get(0), DeadLetters.ERROR).startsWith("Scanline of scan scan-x at "), header(dead.get(0), DeadLetters.ERROR));
        assertTrue(header(dead.get(0), DeadLetters.ERROR).endsWith("arrived without a ScanStarted for that scan"));
        assertTrue(header(dead.get(1), DeadLetters.ERROR).startsWith("record key 'other' does not match scan id 'scan-y'"));
    }

    @Test
    void scanWhoseProvenanceCollidesWithTheSegmentations_isDeadLettered_stateCleared_nextScanWritten() {
        send(new ScanStarted("scan-6", ScanFixture.TRAY, ScanFixture.start("scan-6").cameras(), ScanFixture.T0,
                Map.of(SegmentationProvenance.EDGE_MARGIN_MM.name(), "1.0")));
        for (long i = 0; i < LINES; i++) {
            send(ScanFixture.line("scan-6", i));
        }
        send(ScanFixture.completed("scan-6", LINES));

        String reason = header(dlq.readRecord(), DeadLetters.ERROR);
        assertTrue(reason.startsWith("completion of scan scan-6 at " + HyclusTopics.SCAN_EVENTS.name() + "/0@" + (LINES + 1)
                + ": its provenance cannot be recorded, no container written: provenance segmentation.edge_margin_mm set twice"),
                reason);
        assertTrue(samples.isEmpty());
        assertFalse(driver.getKeyValueStore(SegmentationTopology.FRAGMENTS_STORE).all().hasNext(), "fragments left behind");
        sendScan("scan-1");
        assertEquals(2, samples.readValuesToList().size());
    }

    @Test
    void lineOfWrongShape_isDeadLettered_restOfScanStillWritten() {
        send(ScanFixture.start("scan-2"));
        for (long i = 0; i < LINES; i++) {
            send(i == 5 ? new io.hyclus.core.scan.Scanline("scan-2", SensorKind.VNIR, 5, 0, ScanFixture.T0, 3, 5, new float[15])
                    : ScanFixture.line("scan-2", i));
        }
        send(ScanFixture.completed("scan-2", LINES));
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertEquals("line 5 of scan scan-2 is 3 x 5 but camera vnir was announced as 40 x 5", header(dead, DeadLetters.ERROR));
        List<SampleContainerWritten> out = samples.readValuesToList();
        assertEquals(2, out.size());
        assertEquals(13L * 8, out.get(0).spectra().get(SensorKind.VNIR), "line 5 is missing from 9 inner lines");
    }

    @Test
    void stateIsClearedAfterCompletion_secondScanStartsClean() throws Exception {
        sendScan("scan-1");
        sendScan("scan-3");
        assertEquals(4, samples.readValuesToList().size());
        assertFalse(driver.getKeyValueStore(SegmentationTopology.FRAGMENTS_STORE).all().hasNext(), "fragments left behind");
        assertFalse(driver.getKeyValueStore(SegmentationTopology.STARTS_STORE).all().hasNext(), "starts left behind");
        assertTrue(Files.exists(dir.resolve("out/scan-3/B-2.h5")));
        assertFalse(Files.exists(dir.resolve("out/scan-3/B-2.h5.partial")));
    }

    /** Issue 8: a finished scan's start and completion arriving again emptied all its containers. */
    @Test
    void finishedScansStartAndCompletionAgain_areDeadLettered_containersStandByteForByte() throws Exception {
        sendScan("scan-1");
        List<SampleContainerWritten> first = samples.readValuesToList();
        assertEquals(2, first.size());
        Map<Path, byte[]> before = contents(first);
        Map<Path, List<float[]>> spectraBefore = spectra(first);

        send(ScanFixture.start("scan-1"));
        send(ScanFixture.completed("scan-1", LINES));

        assertTrue(samples.isEmpty(), "no container written again");
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        String events = HyclusTopics.SCAN_EVENTS.name();
        assertEquals(List.of(
                "ScanStarted at " + events + "/0@" + (LINES + 2) + ": scan scan-1 already completed at " + events + "/0@"
                        + (LINES + 1) + "; its containers stand",
                "ScanCompleted at " + events + "/0@" + (LINES + 3) + ": scan scan-1 already completed at " + events + "/0@"
                        + (LINES + 1) + "; its containers stand"),
                dead.stream().map(r -> header(r, DeadLetters.ERROR)).toList());
        before.forEach((file, bytes) -> assertArrayEquals(bytes, read(file), file + " changed"));
        assertSameSpectra(spectraBefore, spectra(first));
        assertEquals(List.of(), partialFiles());
    }

    @Test
    void lineOfAFinishedScan_isDeadLetteredAsCompleted_notAsUnstarted() {
        sendScan("scan-1");
        send(ScanFixture.line("scan-1", 3));
        String reason = header(dlq.readRecord(), DeadLetters.ERROR);
        assertTrue(reason.startsWith("Scanline at ") && reason.endsWith(": scan scan-1 already completed at "
                + HyclusTopics.SCAN_EVENTS.name() + "/0@" + (LINES + 1) + "; its containers stand"), reason);
        assertFalse(driver.getKeyValueStore(SegmentationTopology.FRAGMENTS_STORE).all().hasNext(), "fragment stored");
    }

    /**
     * State lost (a new state directory, a new application id) but the containers still on disk: the same scan
     * arriving again with fewer lines must not replace a container with one holding fewer spectra.
     */
    @Test
    void completionThatWouldShrinkAContainerOnDisk_isDeadLettered_containerKept() throws Exception {
        sendScan("scan-1");
        List<SampleContainerWritten> first = samples.readValuesToList();
        Map<Path, byte[]> before = contents(first);
        driver.close();
        startDriver(InstantSource.fixed(NOW.plusSeconds(60)));

        send(ScanFixture.start("scan-1"));
        for (long i = 0; i < LINES / 2; i++) {
            send(ScanFixture.line("scan-1", i));
        }
        send(ScanFixture.completed("scan-1", LINES));

        assertTrue(samples.isEmpty());
        String reason = header(dlq.readRecord(), DeadLetters.ERROR);
        assertEquals("completion of scan scan-1 at " + HyclusTopics.SCAN_EVENTS.name() + "/0@" + (LINES / 2 + 1) + ": "
                + first.get(0).file() + " holds 117 VNIR spectra, the fragments in store only 65; its containers stand", reason);
        before.forEach((file, bytes) -> assertArrayEquals(bytes, read(file), file + " changed"));
        assertFalse(driver.getKeyValueStore(SegmentationTopology.FRAGMENTS_STORE).all().hasNext(), "fragments left behind");
    }

    /** A rewrite of the same content (a completion processed again after a crash) replaces the file in place. */
    @Test
    void completionWithTheSameFragmentsAfterStateLoss_rewritesTheSameSpectra() throws Exception {
        sendScan("scan-1");
        Map<Path, List<float[]>> spectraBefore = spectra(samples.readValuesToList());
        driver.close();
        startDriver(InstantSource.fixed(NOW.plusSeconds(60)));

        sendScan("scan-1");

        List<SampleContainerWritten> again = samples.readValuesToList();
        assertEquals(2, again.size());
        assertSameSpectra(spectraBefore, spectra(again));
        assertEquals(List.of(), partialFiles());
    }

    /**
     * Issue 8: a write failing half-way through a completion (disk full) used to have deleted the fragments of the
     * samples already written, so the completion processed again wrote them empty. Now the fragments stay until every
     * container is written; the completion processed again (as after the restart) writes both in full.
     */
    @Test
    void writeFailingMidCompletion_keepsEveryFragment_completionAgainWritesBothInFull() throws Exception {
        sendScan("scan-1");
        Map<Path, List<float[]>> expected = spectra(samples.readValuesToList());
        driver.close();
        Files.walk(dir.resolve("out")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        startDriver(InstantSource.fixed(NOW));
        Path obstacle = Files.createDirectories(dir.resolve("out/scan-1/B-2.h5.partial/full")); // B-2 cannot be written

        send(ScanFixture.start("scan-1"));
        for (long i = 0; i < LINES; i++) {
            send(ScanFixture.line("scan-1", i));
        }
        org.apache.kafka.streams.errors.StreamsException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.apache.kafka.streams.errors.StreamsException.class, () -> send(ScanFixture.completed("scan-1", LINES)));
        assertTrue(String.valueOf(e.getCause()).contains("cannot write container of sample B-2"), String.valueOf(e.getCause()));
        Files.delete(obstacle);
        Files.delete(obstacle.getParent());
        assertEquals(List.of(), samples.readValuesToList(), "A-1's record of the failed attempt is aborted with it");

        send(ScanFixture.completed("scan-1", LINES));

        List<SampleContainerWritten> again = samples.readValuesToList();
        assertEquals(List.of("A-1", "B-2"), again.stream().map(SampleContainerWritten::sampleId).toList());
        assertSameSpectra(expected, spectra(again));
    }

    private static Map<Path, byte[]> contents(List<SampleContainerWritten> written) {
        Map<Path, byte[]> m = new java.util.LinkedHashMap<>();
        written.forEach(w -> m.put(Path.of(w.file()), read(Path.of(w.file()))));
        return m;
    }

    private static Map<Path, List<float[]>> spectra(List<SampleContainerWritten> written) {
        Map<Path, List<float[]>> m = new java.util.LinkedHashMap<>();
        written.forEach(w -> m.put(Path.of(w.file()), List.of(SampleContainerReader.read(Path.of(w.file()))
                .camera(SensorKind.VNIR).orElseThrow().spectra())));
        return m;
    }

    private static void assertSameSpectra(Map<Path, List<float[]>> expected, Map<Path, List<float[]>> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((file, spectra) -> {
            assertEquals(spectra.size(), actual.get(file).size(), file.toString());
            for (int i = 0; i < spectra.size(); i++) {
                assertArrayEquals(spectra.get(i), actual.get(file).get(i), file + " spectrum " + i);
            }
        });
    }

    private List<Path> partialFiles() throws java.io.IOException {
        try (var files = Files.walk(dir.resolve("out"))) {
            return files.filter(p -> p.toString().endsWith(".partial")).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
