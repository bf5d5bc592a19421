package io.hyclus.streaming.segment;

import io.hyclus.container.SafeFileNames;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
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
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile sample and scan ids arriving on the topic: the ones the domain accepts (device names, trailing dots, 128
 * characters) are written under safe names inside the output directory with the real ids in the files and the
 * sample-written records; the ones it refuses ('/', "..", NUL) are dead-lettered with the reason; nothing is ever
 * written outside the output directory.
 */
class SegmentationSafeNamesTest {
    private static final long LINES = 18;

    @TempDir
    Path dir;
    private Path out;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> in;
    private TestOutputTopic<String, SampleContainerWritten> samples;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void setUp() {
        out = dir.resolve("work/out");
        SegmentationDriver d = new SegmentationDriver(out, dir.resolve("state"));
        driver = d.driver;
        in = d.in;
        samples = d.samples;
        dlq = d.dlq;
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static TrayLayout tray(String first, String second) {
        List<TraySlot> slots = ScanFixture.TRAY.slots();
        return new TrayLayout("tray-7", 80, 40, List.of(
                new TraySlot(0, new SampleMetadata(first, "Plant-1", YearMonth.of(2025, 2), GrainSizeFraction.MINUS_100),
                        slots.get(0).region()),
                new TraySlot(1, new SampleMetadata(second, "Plant-3", YearMonth.of(2025, 11), GrainSizeFraction.PLUS_100),
                        slots.get(1).region())));
    }

    private void pipe(String key, byte[] value) {
        in.pipeInput(key.getBytes(StandardCharsets.UTF_8), value);
    }

    private void send(ScanEvent e) {
        pipe(e.scanId(), ScanEventCodec.encode(e));
    }

    private void scan(String scanId, byte[] startRecord) {
        pipe(scanId, startRecord);
        for (long i = 0; i < LINES; i++) {
            send(ScanFixture.line(scanId, i));
        }
        send(ScanFixture.completed(scanId, LINES));
    }

    private static byte[] start(String scanId, TrayLayout tray) {
        return ScanEventCodec.encode(new ScanStarted(scanId, tray, ScanFixture.start(scanId).cameras(), ScanFixture.T0,
                Map.of("software.version", "test")));
    }

    @Test
    void reservedDottedAndLongIds_writtenUnderSafeNamesInsideTheOutputDir_realIdsKept() throws Exception {
        String long128 = "z".repeat(128);
        scan("LPT1", start("LPT1", tray("CON", long128)));
        scan("scan.", start("scan.", tray("nul.txt", "trailing.")));

        List<SampleContainerWritten> written = samples.readValuesToList();
        assertEquals(List.of("CON", long128, "nul.txt", "trailing."), written.stream().map(SampleContainerWritten::sampleId).toList());
        for (SampleContainerWritten w : written) {
            Path file = Path.of(w.file());
            assertEquals(out.resolve(SafeFileNames.of(w.scanId())).resolve(SafeFileNames.of(w.sampleId()) + ".h5")
                    .toAbsolutePath(), file);
            assertTrue(file.getFileName().toString().contains("~"), "hashed: " + file.getFileName());
            SampleSpectra read = SampleContainerReader.read(file);
            assertEquals(w.sampleId(), read.metadata().sampleId());
            assertEquals(w.scanId(), read.scanId());
            assertEquals(9 * 13, read.camera(io.hyclus.core.spectral.SensorKind.VNIR).orElseThrow().size());
        }
        assertEquals(Set.copyOf(written.stream().map(w -> Path.of(w.file())).toList()), filesUnder(dir.resolve("work")));
        assertTrue(dlq.isEmpty());
    }

    @Test
    void idsTheDomainRefuses_deadLetteredWithTheReason_nothingWrittenAnywhere() throws Exception {
        // Encoded with a stand-in of the same UTF-8 length, then the stand-in's bytes replaced: no producer in HyClus
        // can build such a start, but a foreign one can send it.
        byte[] traversal = withBytesReplaced(start("scan-1", tray("Qqqqqqqqqqqqqq1", "B-2")), "Qqqqqqqqqqqqqq1",
                "../../../x/evil");
        byte[] nul = withBytesReplaced(start("scan-2", tray("AqB", "B-2")), "AqB", "A\u0000B");
        scan("scan-1", traversal);
        scan("scan-2", nul);

        assertTrue(samples.isEmpty());
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(2 * (LINES + 2), dead.size(), "each start, and so each line and completion, dead-lettered");
        String reason = new String(dead.get(0).headers().lastHeader(DeadLetters.ERROR).value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("sample id must be") && reason.contains("../../../x/evil"), reason);
        assertEquals(Set.of(), filesUnder(dir.resolve("work")));
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(), all.filter(p -> p.toString().contains("evil")).toList());
        }
    }

    private static byte[] withBytesReplaced(byte[] record, String standIn, String hostile) {
        byte[] from = standIn.getBytes(StandardCharsets.UTF_8);
        byte[] to = hostile.getBytes(StandardCharsets.UTF_8);
        assertEquals(from.length, to.length);
        int found = -1;
        for (int i = 0; i + from.length <= record.length; i++) {
            if (java.util.Arrays.equals(record, i, i + from.length, from, 0, from.length)) {
                assertEquals(-1, found, "the stand-in occurs once");
                found = i;
            }
        }
        assertTrue(found >= 0, "stand-in found");
        byte[] copy = record.clone();
        System.arraycopy(to, 0, copy, found, to.length);
        return copy;
    }

    private static Set<Path> filesUnder(Path root) throws Exception {
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return Set.copyOf(s.filter(Files::isRegularFile).map(Path::toAbsolutePath).toList());
        }
    }
}
