package io.hyclus.app.replay;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.publish.LineEncoding;
import io.hyclus.acquisition.publish.PublishSettings;
import io.hyclus.acquisition.stitch.StitchSettings;
import io.hyclus.app.demo.DemoPipeline;
import io.hyclus.app.demo.DemoResult;
import io.hyclus.app.demo.DemoSettings;
import io.hyclus.container.CameraSpectra;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.kafka.topic.HyclusTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan replayed from Kafka (in-process, {@link ScanReplay}) while the demo's live path scans another tray on the same
 * broker: both finish, the replay's containers hold the first scan's spectra bit for bit, and the live containers
 * topic holds each live sample once and nothing of the replay. The demo here publishes FLOAT32 lines (the option for
 * reflectance exactly as calibrated), so the test also covers a float32 scan replayed as float32, as it recorded:
 * re-published compact, its spectra would differ from the originals by up to {@code CompactReflectance.STEP / 2}
 * (ReplayIT covers the default, compact).
 */
@Timeout(900)
class ReplayBesideLiveIT {
    @TempDir
    Path work;

    @Test
    void replayWhileLiveScanning_bothComplete_liveTopicsHoldOnlyLiveSamples() throws Exception {
        DemoSettings s = new DemoSettings(work, Optional.empty(), Optional.empty(), 2, 7, 96, 224, 2.0,
                Duration.ofSeconds(300), true, Optional.of(StitchSettings.defaults()),
                PublishSettings.of(LineEncoding.FLOAT32));
        try (DemoPipeline p = DemoPipeline.start(s, InstantSource.system(), new PrintWriter(new StringWriter()))) {
            DemoResult first = p.runScan();
            String scanId = first.scan().scanId();
            ReplaySettings rs = new ReplaySettings(p.bootstrapServers(), "live1", work.resolve("replay/live1"),
                    Pace.ORIGINAL, CalibrationSettings.defaults(), Optional.of(work.resolve("models")), (short) 1,
                    Duration.ofSeconds(300));
            StringWriter replayOut = new StringWriter();
            ReplayResult replayed;
            DemoResult second;
            try (ScanReplay replay = ScanReplay.start(rs, InstantSource.system(), new PrintWriter(replayOut))) {
                CompletableFuture<DemoResult> live = CompletableFuture.supplyAsync(() -> {
                    try {
                        return p.runScan();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                replayed = replay.fromKafka(scanId);
                second = live.get(300, TimeUnit.SECONDS);
            }
            assertEquals(2, replayed.containers().size(), replayOut.toString());
            assertEquals(2, replayed.encoded().size(), replayOut.toString());
            assertTrue(replayOut.toString().contains("Replay live1: lines published FLOAT32 as recorded"),
                    replayOut.toString());
            for (SampleContainerWritten w : replayed.containers()) {
                SampleSpectra b = SampleContainerReader.read(Path.of(w.file()));
                assertTrue(w.file().startsWith(work.resolve("replay/live1/samples").toAbsolutePath().toString()),
                        w.file());
                SampleSpectra a = SampleContainerReader.read(first.outputDir().resolve(scanId)
                        .resolve(w.sampleId() + ".h5"));
                assertEquals("float32", a.provenance(LineEncoding.PROVENANCE).orElseThrow(), w.sampleId());
                assertEquals("float32", b.provenance(LineEncoding.PROVENANCE).orElseThrow(), w.sampleId());
                for (SensorKind k : SensorKind.values()) {
                    CameraSpectra ca = a.camera(k).orElseThrow();
                    CameraSpectra cb = b.camera(k).orElseThrow();
                    assertEquals(ca.size(), cb.size());
                    for (int i = 0; i < ca.size(); i++) {
                        assertArrayEquals(ca.spectra()[i], cb.spectra()[i], 0f, w.sampleId() + " " + k + " " + i);
                    }
                }
            }
            assertEquals(2, second.samples().size());
            p.pipeline().checkHealth();

            Map<String, Integer> perScan = liveContainerRecords(p.bootstrapServers());
            assertEquals(Map.of(scanId, 2, second.scan().scanId(), 2), perScan,
                    "each live sample once on " + HyclusTopics.SAMPLE_CONTAINERS.name() + ", none of the replay");
        }
    }

    private static Map<String, Integer> liveContainerRecords(String bootstrap) {
        Map<String, Integer> out = new java.util.HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            TopicPartition p = new TopicPartition(HyclusTopics.SAMPLE_CONTAINERS.name(), 0);
            c.assign(List.of(p));
            c.seekToBeginning(List.of(p));
            long end = c.endOffsets(List.of(p)).get(p);
            List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (c.position(p) < end && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(500)).forEach(got::add);
            }
            for (ConsumerRecord<String, byte[]> r : got) {
                out.merge(r.key().substring(0, r.key().indexOf('/')), 1, Integer::sum);
            }
        }
        return out;
    }
}
