package io.hyclus.streaming.segment;

import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.tray.TrayLayout;
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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 8, bad input: each case is dead-lettered with a reason naming the scan, and other scans are unaffected. */
class SegmentationBadInputTest {
    private static final int LINES = 18;
    private static final String EVENTS = HyclusTopics.SCAN_EVENTS.name();

    @TempDir
    Path dir;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> in;
    private TestOutputTopic<String, SampleContainerWritten> samples;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void setUp() {
        SegmentationDriver d = new SegmentationDriver(dir.resolve("out"), dir.resolve("state"));
        driver = d.driver;
        in = d.in;
        samples = d.samples;
        dlq = d.dlq;
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void trayLayout_refusesOverlappingSlots() {
        var b2 = ScanFixture.TRAY.slots().get(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrayLayout("tray-7", 80, 40,
                List.of(ScanFixture.TRAY.slots().get(0), new io.hyclus.core.tray.TraySlot(1, b2.sample(),
                        new io.hyclus.core.tray.RegionMm(20, 6, 76, 30)))));
        assertEquals("tray tray-7: slot 1 overlaps slot 0", e.getMessage());
    }

    /** TrayLayout refuses overlaps when built, so such a start (made by another producer) fails to decode. */
    @Test
    void startWithOverlappingSlots_isDeadLetteredAsUndecodable_namingScanAndSlots_otherScanWritten() {
        byte[] start = ScanEventCodec.encode(ScanFixture.start("scan-ov"));
        // Slot 1's region x0 44 -> 20 mm: 20-76 mm overlaps slot 0's 4-36 mm.
        replace(start, doubles(44, 6, 76, 30), doubles(20, 6, 76, 30));
        in.pipeInput(key("scan-ov"), start);
        send(ScanFixture.line("scan-ov", 0));
        sendScan("scan-1");

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(2, dead.size());
        assertEquals("record of scan 'scan-ov' (its key) at " + EVENTS + "/0@0: decoded an invalid record: tray tray-7: "
                + "slot 1 overlaps slot 0", header(dead.get(0), DeadLetters.ERROR));
        assertOrigin(dead.get(0), 0);
        assertEquals("Scanline of scan scan-ov at " + EVENTS + "/0@1 arrived without a ScanStarted for that scan",
                header(dead.get(1), DeadLetters.ERROR));
        assertEquals(List.of("A-1", "B-2"), samples.readValuesToList().stream().map(SampleContainerWritten::sampleId).toList());
    }

    @Test
    void trayLongerThanTheBelt_isDeadLettered_itsLinesToo_otherScanWritten() {
        TrayLayout tooLong = new TrayLayout("tray-long", 80, SegmentationSettings.MAX_TRAY_LENGTH_MM + 1,
                ScanFixture.TRAY.slots());
        send(new ScanStarted("scan-big", tooLong, ScanFixture.start("scan-big").cameras(), ScanFixture.T0,
                Map.of("software.version", "test")));
        send(ScanFixture.line("scan-big", 0));
        sendScan("scan-1");

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertEquals(2, dead.size());
        assertEquals("start of scan scan-big at " + EVENTS + "/0@0: tray tray-long is 80.0 x 2001.0 mm, larger than the "
                + "belt's 400.0 x 2000.0 mm", header(dead.get(0), DeadLetters.ERROR));
        assertOrigin(dead.get(0), 0);
        assertTrue(header(dead.get(1), DeadLetters.ERROR).endsWith("arrived without a ScanStarted for that scan"));
        assertEquals(2, samples.readValuesToList().size());
    }

    @Test
    void trayWiderThanTheBelt_isDeadLettered() {
        TrayLayout tooWide = new TrayLayout("tray-wide", SegmentationSettings.MAX_TRAY_WIDTH_MM + 0.5, 40,
                ScanFixture.TRAY.slots());
        send(new ScanStarted("scan-wide", tooWide, ScanFixture.start("scan-wide").cameras(), ScanFixture.T0,
                Map.of("software.version", "test")));
        assertEquals("start of scan scan-wide at " + EVENTS + "/0@0: tray tray-wide is 400.5 x 40.0 mm, larger than the "
                + "belt's 400.0 x 2000.0 mm", header(dlq.readRecord(), DeadLetters.ERROR));
    }

    /** Before: the copy replaced the line's fragments silently but counted twice ("19 of 18 published"). */
    @Test
    void lineReceivedTwice_secondIsDeadLettered_containerHoldsEachSpectrumOnce() {
        send(ScanFixture.start("scan-d"));
        for (long i = 0; i < LINES; i++) {
            send(ScanFixture.line("scan-d", i)); // line i at offset i + 1
            if (i == 9) {
                send(ScanFixture.line("scan-d", 7)); // offset 11
            }
        }
        send(ScanFixture.completed("scan-d", LINES));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertEquals("line 7 of camera VNIR of scan scan-d already received at " + EVENTS + "/0@8; this copy at " + EVENTS
                + "/0@11 is not used", header(dead, DeadLetters.ERROR));
        assertOrigin(dead, 11);
        assertTrue(dlq.isEmpty());
        List<SampleContainerWritten> out = samples.readValuesToList();
        assertEquals(2, out.size());
        for (SampleContainerWritten w : out) {
            var read = SampleContainerReader.read(Path.of(w.file()));
            CameraSpectra vnir = read.camera(SensorKind.VNIR).orElseThrow();
            assertEquals(13 * 9, vnir.spectra().length, w.file()); // 13 inner pixels x lines 4..12
            assertEquals(13, Arrays.stream(vnir.lineIndex()).filter(l -> l == 7).count(), "spectra of line 7 in " + w.file());
            assertEquals("18 of 18 published", read.provenance(SegmentationProvenance.linesReceived(SensorKind.VNIR)).orElseThrow());
        }
    }

    @Test
    void lineIndexSeenBefore_inAnotherScan_isNotADuplicate_andStateIsClearedAfterCompletion() {
        sendScan("scan-1");
        sendScan("scan-2");
        assertTrue(dlq.isEmpty());
        assertEquals(4, samples.readValuesToList().size());
        assertTrue(!driver.getKeyValueStore(SegmentationTopology.LINES_SEEN_STORE).all().hasNext(), "lines seen left behind");
    }

    private void sendScan(String scanId) {
        send(ScanFixture.start(scanId));
        for (long i = 0; i < LINES; i++) {
            send(ScanFixture.line(scanId, i));
        }
        send(ScanFixture.completed(scanId, LINES));
    }

    private void send(ScanEvent e) {
        in.pipeInput(key(e.scanId()), ScanEventCodec.encode(e));
    }

    private static byte[] key(String scanId) {
        return scanId.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] doubles(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length);
        for (double d : v) {
            b.putDouble(d);
        }
        return b.array();
    }

    private static void replace(byte[] bytes, byte[] what, byte[] with) {
        for (int i = 0; i + what.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
                System.arraycopy(with, 0, bytes, i, with.length);
                return;
            }
        }
        throw new AssertionError("region not found in the encoded start");
    }

    private static void assertOrigin(TestRecord<byte[], byte[]> r, long offset) {
        assertEquals(EVENTS, header(r, DeadLetters.SOURCE_TOPIC));
        assertEquals("0", header(r, DeadLetters.SOURCE_PARTITION));
        assertEquals(String.valueOf(offset), header(r, DeadLetters.SOURCE_OFFSET));
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
