package io.hyclus.app.replay;

import io.hyclus.analysis.live.CameraCodes;
import io.hyclus.analysis.live.CodesFile;
import io.hyclus.analysis.live.EncodedSample;
import io.hyclus.app.Main;
import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.envi.SpecimCapture;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.Topic;
import io.hyclus.kafka.topic.TopicNames;
import io.hyclus.testkit.Python;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A demo scan, then: {@code hyclus export --scan} to ENVI (opened by Spectral Python), {@code hyclus replay --scan}
 * from Kafka against the demo's broker (its live topics unchanged by the replay), and {@code hyclus replay
 * --from-envi} on the export. Both replays' containers hold the demo's spectra and their codes the demo's codes, bit for
 * bit: the same 12-bit counts, the same calibration arithmetic in the same order, the same promoted models.
 */
@Timeout(900)
class ReplayIT {
    /** Scan-event types (ScanEventCodec): start, completion, compact line. */
    private static final int STARTED = 1;
    private static final int COMPLETED = 3;
    private static final int COMPACT_LINE = 8;
    /** A stitched pair on the native grid: factored (type 11; type 10 is a pair on a grid that cannot be factored). */
    private static final int COMPACT_PAIR = 11;
    @TempDir
    Path dir;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        assertEquals(0, rc, out + "\n" + err);
        return out.toString();
    }

    @Test
    void demo_thenExportAndReplays_sameSpectraAndCodesBitForBit_liveTopicsUntouched() throws IOException {
        Path work = dir.resolve("w");
        String demo = run("demo", "--exit-when-done", "--work-dir", work.toString(), "--samples", "2", "--pixels", "96",
                "--bands", "224", "--line-pitch-mm", "2", "--timeout-seconds", "300");
        Matcher m = Pattern.compile("HDF5 containers in (\\S+)").matcher(demo);
        assertTrue(m.find(), demo);
        Path liveScan = Path.of(m.group(1));
        String scanId = liveScan.getFileName().toString();
        List<String> samples = containers(liveScan);
        assertEquals(2, samples.size(), samples.toString());

        // export from the work directory's stored broker data
        Path envi = dir.resolve("envi");
        String export = run("export", "--scan", scanId, "--work-dir", work.toString(), envi.toString());
        assertTrue(export.contains("Exported scan " + scanId + " as 2 ENVI capture(s)"), export);
        SpecimCapture vnir = SpecimCapture.locate(envi.resolve("vnir"));
        assertSpectralPythonReads(vnir);

        // replay from Kafka against a running broker on the demo's data: live topics are not written
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(work.resolve("kafka")))) {
            Map<String, Long> before = liveEnds(broker.bootstrapServers());
            String replay = run("replay", "--scan", scanId, "--bootstrap-servers", broker.bootstrapServers(),
                    "--work-dir", dir.resolve("w2").toString(), "--registry", work.resolve("models").toString(),
                    "--replay-id", "k1", "--timeout-seconds", "300");
            assertTrue(replay.contains("Replay k1 of scan " + scanId + " done: 2 containers"), replay);
            assertTrue(replay.contains("Replay encoder: VNIR spectra encoded with dense-ae-16-vnir@1"), replay);
            assertEquals(before, liveEnds(broker.bootstrapServers()), "live topics' end offsets after the replay");
            // the demo published COMPACT lines (the default); the replay re-publishes them COMPACT, as recorded
            assertTrue(replay.contains("Replay k1: lines published COMPACT as recorded"), replay);
            Map<Integer, Integer> live = eventTypes(broker.bootstrapServers(), HyclusTopics.SCAN_EVENTS.name(), scanId);
            Map<Integer, Integer> replayed = eventTypes(broker.bootstrapServers(),
                    TopicNames.replay("k1").name(HyclusTopics.SCAN_EVENTS), scanId);
            assertTrue(live.getOrDefault(COMPACT_LINE, 0) > 0, "compact lines on the live topic: " + live);
            // SWIR lines alone (8), each VNIR line with its stitched line as one factored pair (11; docs/stitching.md)
            assertTrue(live.getOrDefault(COMPACT_PAIR, 0) > 0, "stitched pairs on the live topic: " + live);
            assertEquals(Map.of(STARTED, 1, COMPACT_LINE, live.get(COMPACT_LINE), COMPACT_PAIR, live.get(COMPACT_PAIR),
                    COMPLETED, 1), live, "scan-event types on the live topic: no float32 line (2 or 7)");
            assertEquals(live, replayed, "scan-event types on the replay's topic");
        }
        assertSame(liveScan, dir.resolve("w2/replay/k1/samples").resolve(scanId), samples);
        assertProvenance(dir.resolve("w2/replay/k1/samples").resolve(scanId), samples, "kafka hyclus.raw-frames", "k1");

        String fromEnvi = run("replay", "--from-envi", envi.toString(), "--work-dir", work.toString(),
                "--replay-id", "e1", "--timeout-seconds", "300");
        assertTrue(fromEnvi.contains("Replay e1 of scan " + scanId + " done: 2 containers"), fromEnvi);
        // the export carries the scan's start, whose provenance records the encoding
        assertTrue(fromEnvi.contains("Replay e1: lines published COMPACT as recorded"), fromEnvi);
        assertSame(liveScan, work.resolve("replay/e1/samples").resolve(scanId), samples);
        assertEquals("envi", SampleContainerReader.read(work.resolve("replay/e1/samples").resolve(scanId)
                .resolve(samples.get(0) + ".h5")).provenance(io.hyclus.acquisition.capture.CaptureKeys.REPLAYED_FROM)
                .orElseThrow());

        // hyclus scan --from-envi keeps the capture's counts on hyclus.raw-frames: exported again, the same rasters
        String rescan = run("scan", "--from-envi", envi.toString(), "--work-dir", dir.resolve("w3").toString(),
                "--timeout-seconds", "300");
        assertTrue(rescan.contains("Replaying scan " + scanId), rescan);
        Path envi2 = dir.resolve("envi2");
        run("export", "--scan", scanId, "--work-dir", dir.resolve("w3").toString(), envi2.toString());
        for (String cam : List.of("vnir", "swir")) {
            SpecimCapture a = SpecimCapture.locate(envi.resolve(cam));
            SpecimCapture b = SpecimCapture.locate(envi2.resolve(cam));
            assertArrayEquals(Files.readAllBytes(a.dataRaster()), Files.readAllBytes(b.dataRaster()), cam + " lines");
            assertArrayEquals(Files.readAllBytes(a.darkRaster()), Files.readAllBytes(b.darkRaster()), cam + " dark");
            assertArrayEquals(Files.readAllBytes(a.whiteRaster()), Files.readAllBytes(b.whiteRaster()), cam + " white");
        }

        // by time range: every scan started since the epoch, i.e. the demo's one
        String range = run("replay", "--since", "1970-01-01T00:00:00Z", "--work-dir", work.toString(), "--replay-id",
                "t1", "--no-encode", "--timeout-seconds", "300");
        assertTrue(range.contains("Replay t1 of scan " + scanId + " done: 2 containers"), range);
        assertTrue(range.contains(", not encoded,"), range);

        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        assertEquals(1, cl.execute("replay", "--scan", "no-such-scan", "--work-dir", work.toString(), "--no-encode"));
        assertTrue(out.toString().contains("scan no-such-scan is not on hyclus.scan-events at 127.0.0.1:"), out.toString());
    }

    private static void assertProvenance(Path scanDir, List<String> samples, String from, String replayId) {
        for (String sample : samples) {
            SampleSpectra b = SampleContainerReader.read(scanDir.resolve(sample + ".h5"));
            assertEquals(from, b.provenance(KafkaScanRecalibration.REPLAYED_FROM).orElseThrow(), sample);
            assertEquals(replayId, b.provenance(KafkaScanRecalibration.REPLAY_ID).orElseThrow(), sample);
        }
    }

    /** The same spectra (bit for bit), pixels and lines; the same codes from the same model versions. */
    private static void assertSame(Path live, Path replayed, List<String> samples) {
        for (String sample : samples) {
            SampleSpectra a = SampleContainerReader.read(live.resolve(sample + ".h5"));
            SampleSpectra b = SampleContainerReader.read(replayed.resolve(sample + ".h5"));
            assertEquals(a.metadata(), b.metadata());
            for (SensorKind k : SensorKind.values()) {
                CameraSpectra ca = a.camera(k).orElseThrow();
                CameraSpectra cb = b.camera(k).orElseThrow();
                assertTrue(ca.size() > 50, sample + " " + k + " has " + ca.size() + " spectra");
                assertEquals(ca.size(), cb.size(), sample + " " + k + " pixel count");
                assertArrayEquals(ca.lineIndex(), cb.lineIndex());
                assertArrayEquals(ca.pixelIndex(), cb.pixelIndex());
                for (int i = 0; i < ca.size(); i++) {
                    assertArrayEquals(ca.spectra()[i], cb.spectra()[i], 0f, sample + " " + k + " spectrum " + i);
                }
            }
            EncodedSample ea = CodesFile.read(live.resolve(sample + ".codes.h5"));
            EncodedSample eb = CodesFile.read(replayed.resolve(sample + ".codes.h5"));
            for (SensorKind k : List.of(SensorKind.VNIR, SensorKind.SWIR)) { // no model for the stitched spectra
                CameraCodes ca = ea.camera(k).orElseThrow();
                CameraCodes cb = eb.camera(k).orElseThrow();
                assertEquals(ca.modelRef(), cb.modelRef(), sample + " " + k);
                assertEquals(ca.rows(), cb.rows());
                assertArrayEquals(ca.codes(), cb.codes(), 0f, sample + " " + k + " codes");
            }
        }
    }

    private static List<String> containers(Path scanDir) throws IOException {
        try (Stream<Path> s = Files.list(scanDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".h5") && !n.endsWith(".codes.h5"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
    }

    /** Scan-event type (byte 5 of the record, docs/scanline-codec.md) → records of {@code scanId} on {@code topic}. */
    private static Map<Integer, Integer> eventTypes(String bootstrap, String topic, String scanId) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = c.endOffsets(parts, Duration.ofSeconds(30));
            Map<Integer, Integer> types = new java.util.TreeMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(p -> c.position(p) < ends.get(p))) {
                assertTrue(System.nanoTime() < deadline, "reading " + topic + " to its end offsets " + ends);
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (scanId.equals(r.key())) {
                        types.merge((int) r.value()[5], 1, Integer::sum);
                    }
                }
            }
            return types;
        }
    }

    private static Map<String, Long> liveEnds(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<String, Long> out = new HashMap<>();
            for (Topic<?, ?> t : HyclusTopics.all()) {
                TopicPartition p = new TopicPartition(t.name(), 0);
                out.put(t.name(), c.endOffsets(List.of(p), Duration.ofSeconds(30)).get(p));
            }
            return out;
        }
    }

    /** Spectral Python opens the exported capture and its references; the same counts as HyClus's reader. */
    private static void assertSpectralPythonReads(SpecimCapture c) {
        String out = Python.run("""
                import sys, numpy as np, spectral
                img = spectral.envi.open(sys.argv[1], sys.argv[2])
                a = np.asarray(img.load(), dtype=np.float64)
                print(img.ncols, img.nbands, img.metadata['interleave'], np.dtype(img.dtype).str)
                print('%.0f' % a.sum())
                d = spectral.envi.open(sys.argv[3], sys.argv[4])
                w = spectral.envi.open(sys.argv[5], sys.argv[6])
                print(d.nrows, d.ncols, w.nrows, w.ncols)
                """, c.dataHeader().toString(), c.dataRaster().toString(), c.darkHeader().toString(),
                c.darkRaster().toString(), c.whiteHeader().toString(), c.whiteRaster().toString());
        String[] lines = out.strip().split("\n");
        assertEquals("96 224 bil <u2", lines[0]);
        try (var r = c.openData()) {
            float[] buf = r.newLine();
            double sum = 0;
            for (int i = 0; i < r.header().lines(); i++) {
                r.readLine(i, buf);
                for (float v : buf) {
                    sum += v;
                }
            }
            assertTrue(sum > 0);
            assertEquals(String.format(java.util.Locale.ROOT, "%.0f", sum), lines[1]);
        }
        assertEquals("16 96 16 96", lines[2], "16 dark and 16 white frames of 96 pixels");
    }
}
