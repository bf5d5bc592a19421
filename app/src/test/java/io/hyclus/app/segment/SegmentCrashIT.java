package io.hyclus.app.segment;

import io.hyclus.acquisition.publish.KafkaScanEventPublisher;
import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.streaming.segment.SegmentationProvenance;
import io.hyclus.testkit.Await;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8: {@code hyclus segment} as its own JVM on its embedded broker, killed with SIGKILL while it takes in a scan's
 * lines and again while it writes the scan's containers, restarted each time on the same work directory, writes the
 * same containers as an uninterrupted run: every spectrum once, lines counted once, no {@code .partial} file left, and
 * each sample-written record on {@code hyclus.sample-containers} exactly once (read committed).
 */
@Timeout(300)
class SegmentCrashIT {
    private static final Path JAR = Path.of("target", "hyclus.jar").toAbsolutePath();
    private static final Pattern BROKER = Pattern.compile("Embedded Kafka broker at (127\\.0\\.0\\.1:\\d+)");
    private static final String SCAN = "crash-scan-1";
    private static final int PIXELS = 256;
    private static final int BANDS = 256;
    private static final int LINES = 100;
    private static final Instant T0 = Instant.parse("2026-11-25T21:00:00Z");
    private static final Sensor SENSOR = new Sensor("vnir-it", SensorKind.VNIR, WavelengthGrid.uniform(400, 1000, BANDS, 3), PIXELS);
    private static final AcrossTrackGeometry GEOMETRY = new AcrossTrackGeometry(0.5, 1.0, 1_000_000);
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    private final List<Child> children = new ArrayList<>();

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Child c : children) {
            if (c.process.isAlive()) {
                c.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void sigkillWhileTakingLines_andAgainWhileWritingContainers_restartWritesWhatAnUninterruptedRunWrites() throws Exception {
        Path reference = tmp.resolve("reference");
        Child ref = start(reference);
        publish(ref.bootstrap(), events(true));
        List<SampleContainerWritten> refRecords = committedRecords(ref.bootstrap(), 4);
        stop(ref);

        Path work = tmp.resolve("crashed");
        Child first = start(work);
        publish(first.bootstrap(), events(false)); // start and lines; the completion is still to come
        first.await("Scan " + SCAN + " started");
        first.process.destroyForcibly(); // SIGKILL while the lines are being taken in
        assertTrue(first.process.waitFor(10, TimeUnit.SECONDS));

        Child second = start(work);
        publish(second.bootstrap(), List.of(completed()));
        second.await("Scan " + SCAN + ": wrote ");
        second.process.destroyForcibly(); // SIGKILL while the containers are being written
        assertTrue(second.process.waitFor(10, TimeUnit.SECONDS));
        long writtenBeforeKill = second.out().lines().filter(l -> l.contains(": wrote ")).count();
        System.out.println("SegmentCrashIT: killed after " + writtenBeforeKill + " of 4 containers were written; on disk: "
                + files(work.resolve("samples")));

        Child third = start(work);
        List<SampleContainerWritten> records = committedRecords(third.bootstrap(), 4);
        stop(third);

        assertEquals(sampleIds(refRecords), sampleIds(records), "each sample-written record exactly once");
        assertEquals(files(reference.resolve("samples")), files(work.resolve("samples")), "the same files, no .partial");
        for (SampleContainerWritten w : records) {
            Path mine = Path.of(w.file());
            assertSameContent(SampleContainerReader.read(reference.resolve("samples").resolve(SCAN).resolve(mine.getFileName())),
                    SampleContainerReader.read(mine));
        }
        assertTrue(third.out().contains("Scan " + SCAN + ": wrote ") || writtenBeforeKill == 4,
                "the restart wrote the containers whose completion the kill interrupted:\n" + third.out());
    }

    private static List<String> sampleIds(List<SampleContainerWritten> records) {
        return records.stream().map(SampleContainerWritten::sampleId).sorted().toList();
    }

    private static void assertSameContent(SampleSpectra expected, SampleSpectra actual) {
        assertEquals(expected.metadata(), actual.metadata());
        Map<String, String> ep = new TreeMap<>(expected.provenance());
        Map<String, String> ap = new TreeMap<>(actual.provenance());
        ep.remove(SegmentationProvenance.WRITTEN_UTC.name());
        ap.remove(SegmentationProvenance.WRITTEN_UTC.name());
        assertEquals(ep, ap, "provenance but the time of writing");
        assertEquals(LINES + " of " + LINES + " published",
                actual.provenance(SegmentationProvenance.linesReceived(SensorKind.VNIR)).orElseThrow(), "lines counted once");
        CameraSpectra e = expected.camera(SensorKind.VNIR).orElseThrow();
        CameraSpectra a = actual.camera(SensorKind.VNIR).orElseThrow();
        assertTrue(e.size() > 3000, "a sample of some size: " + e.size());
        assertEquals(e.size(), a.size(), actual.file() + ": spectra");
        assertArrayEquals(e.lineIndex(), a.lineIndex(), actual.file() + ": line index");
        assertArrayEquals(e.pixelIndex(), a.pixelIndex(), actual.file() + ": pixel index");
        for (int i = 0; i < e.size(); i++) {
            assertArrayEquals(e.spectra()[i], a.spectra()[i], actual.file() + ": spectrum " + i);
        }
    }

    /** Every file below {@code dir}, relative; a {@code .partial} would show here. */
    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    // --- the scan: four samples side by side, 256 pixels of 1 mm, one line per mm, known values ---

    private static final TrayLayout TRAY = new TrayLayout("tray-it", 260, 100, List.of(
            slot(0, "S1-2025-03-M100", 5), slot(1, "S2-2025-03-M100", 70), slot(2, "S3-2025-03-M100", 135),
            slot(3, "S4-2025-03-M100", 200)));

    private static TraySlot slot(int index, String id, double x0) {
        return new TraySlot(index, new SampleMetadata(id, "Plant-" + (index + 1), YearMonth.of(2025, 3),
                GrainSizeFraction.MINUS_100), new RegionMm(x0, 5, x0 + 55, 95));
    }

    private static List<ScanEvent> events(boolean withCompletion) {
        List<ScanEvent> events = new ArrayList<>();
        events.add(new ScanStarted(SCAN, TRAY, List.of(new CameraSetup(SENSOR, GEOMETRY)), T0,
                Map.of("software.version", "it")));
        for (int i = 0; i < LINES; i++) {
            float[] v = new float[PIXELS * BANDS];
            for (int k = 0; k < v.length; k++) {
                v[k] = (i * 31 + k % 977) / 4096f;
            }
            events.add(new Scanline(SCAN, SensorKind.VNIR, i, GEOMETRY.encoderMicronsAt(i + 0.5), T0.plusMillis(10L * i),
                    PIXELS, BANDS, v));
        }
        if (withCompletion) {
            events.add(completed());
        }
        return events;
    }

    private static ScanCompleted completed() {
        return new ScanCompleted(SCAN, Map.of(SensorKind.VNIR, (long) LINES), T0.plusSeconds(2), List.of());
    }

    private static void publish(String bootstrap, List<ScanEvent> events) {
        try (KafkaScanEventPublisher p = new KafkaScanEventPublisher(bootstrap)) {
            events.forEach(p::publish);
            p.flush();
        }
    }

    /**
     * Waits for {@code expected} committed sample-written records of the scan, then reads on to the end of the topic
     * (the last stable offset) so that a duplicate committed meanwhile would be counted too.
     */
    private static List<SampleContainerWritten> committedRecords(String bootstrap, int expected) {
        try (KafkaConsumer<String, SampleContainerWritten> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                HyclusTopics.SAMPLE_CONTAINERS.keySerde().deserializer(), HyclusTopics.SAMPLE_CONTAINERS.valueSerde().deserializer())) {
            TopicPartition tp = new TopicPartition(HyclusTopics.SAMPLE_CONTAINERS.name(), 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            List<SampleContainerWritten> got = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (got.size() < expected || c.position(tp) < c.endOffsets(List.of(tp)).get(tp)) {
                assertTrue(System.nanoTime() < deadline, "only " + got + " within " + WAIT);
                for (ConsumerRecord<String, SampleContainerWritten> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value().scanId().equals(SCAN)) {
                        got.add(r.value());
                    }
                }
            }
            return got;
        }
    }

    // --- the child process ---

    private Child start(Path work) throws IOException {
        assertTrue(Files.exists(JAR), JAR + " is built in the package phase, before failsafe runs");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "segment", "--work-dir", work.toString());
        Child c = new Child(new ProcessBuilder(command).redirectErrorStream(true).start(), new StringBuffer());
        children.add(c);
        Thread reader = new Thread(() -> copy(c.process.getInputStream(), c.buffer), "hyclus-child-output");
        reader.setDaemon(true);
        reader.start();
        c.await("press Ctrl-C to stop");
        return c;
    }

    private static void stop(Child c) throws InterruptedException {
        c.process.destroy(); // SIGTERM
        assertTrue(c.process.waitFor(60, TimeUnit.SECONDS), "hyclus segment exits on SIGTERM:\n" + c.out());
    }

    private static void copy(InputStream in, StringBuffer out) {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            out.append("\n(reading the child's output failed: ").append(e.getMessage()).append(')');
        }
    }

    private record Child(Process process, StringBuffer buffer) {
        String out() {
            return buffer.toString();
        }

        void await(String text) {
            Await.until(WAIT, "'" + text + "' from hyclus segment:\n" + buffer, () -> out().contains(text)
                    || !process.isAlive());
            assertTrue(out().contains(text), "hyclus segment exited (" + (process.isAlive() ? "alive" : "exit "
                    + process.exitValue()) + ") before '" + text + "':\n" + out());
        }

        String bootstrap() {
            Matcher m = BROKER.matcher(out());
            assertTrue(m.find(), "the embedded broker's address:\n" + out());
            return m.group(1);
        }
    }
}
