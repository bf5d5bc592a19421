package io.hyclus.analysis.live;

import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.core.codec.SampleCodesCodec;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.SampleCodes;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.testkit.Await;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live encoder in its own JVM, killed with SIGKILL while it works through a queue of samples; a new encoder with
 * the same instance id finishes the queue. Every sample's codes are on the topic exactly once (read committed), and
 * every codes file holds what the model makes of its container.
 */
class LiveEncoderKillIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String INSTANCE = "encoder-kill-it";
    private static final int SAMPLES = 16;

    @TempDir
    Path dir;

    @Test
    void sigkillMidQueue_restartWithTheSameInstanceId_eachSampleOnce() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir.resolve("broker")))) {
            String bootstrap = broker.bootstrapServers();
            TopicAdmin.ensureTopics(bootstrap, HyclusTopics.all(), 1, (short) 1);
            List<SampleContainerWritten> written = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                written.add(Samples.write(dir.resolve("samples"), "scan-k", "K-" + i, 6000 + 100 * i, 2000, i));
            }
            publish(bootstrap, written);
            Process child = startChild(bootstrap);
            try {
                Await.until(WAIT, "the child wrote 3 codes files", () -> codesFiles(written) >= 3 || !child.isAlive());
                assertTrue(child.isAlive(), "the child runs until killed");
            } finally {
                child.destroyForcibly(); // SIGKILL
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            long beforeRestart = committedOffset(bootstrap);
            assertTrue(beforeRestart < SAMPLES, "killed before the end of the queue: " + beforeRestart);
            try (LiveEncoder again = LiveEncoder.start(EncoderChild.settings(bootstrap, INSTANCE), EncoderChild.catalog(),
                    InstantSource.system())) {
                assertTrue(again.awaitProcessed(SAMPLES - beforeRestart, WAIT));
                again.rethrow();
            }
            assertEquals(SAMPLES, committedOffset(bootstrap));
            assertEachSampleOnce(bootstrap, written);
            System.out.printf("LiveEncoderKillIT: killed after %d of %d samples committed; %d codes records on the log,"
                    + " %d committed%n", beforeRestart, SAMPLES,
                    TopicReader.readAll(bootstrap, HyclusTopics.SAMPLE_CODES.name(), false).size(),
                    TopicReader.readAll(bootstrap, HyclusTopics.SAMPLE_CODES.name(), true).size());
        }
    }

    private static void assertEachSampleOnce(String bootstrap, List<SampleContainerWritten> written) {
        Map<String, List<SampleCodes>> chunks = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(bootstrap, HyclusTopics.SAMPLE_CODES.name(), true)) {
            SampleCodes c = SampleCodesCodec.decode(r.value(), "codes@" + r.offset());
            chunks.computeIfAbsent(c.sampleId() + " " + c.camera(), k -> new ArrayList<>()).add(c);
        }
        assertEquals(2 * SAMPLES, chunks.size());
        TestCatalog catalog = EncoderChild.catalog();
        for (SampleContainerWritten w : written) {
            for (SensorKind k : List.of(SensorKind.VNIR, SensorKind.SWIR)) {
                List<SampleCodes> cs = chunks.get(w.sampleId() + " " + k);
                int count = cs.get(0).chunkCount();
                assertEquals(count, cs.size(), w.sampleId() + " " + k + ": each chunk once");
                long rows = 0;
                for (int i = 0; i < count; i++) {
                    assertEquals(i, cs.get(i).chunkIndex());
                    assertEquals(rows, cs.get(i).firstRow());
                    rows += cs.get(i).rows();
                }
                assertEquals(w.spectra().get(k), rows, w.sampleId() + " " + k + " rows");
                Path container = Path.of(w.file());
                var model = catalog.load(k == SensorKind.VNIR ? EncoderChild.VNIR : EncoderChild.SWIR);
                assertArrayEquals(Samples.expectedCodes(model, container, k),
                        CodesFile.read(CodesFile.siblingOf(container)).camera(k).orElseThrow().codes());
            }
        }
    }

    private static long codesFiles(List<SampleContainerWritten> written) {
        return written.stream().filter(w -> Files.exists(CodesFile.siblingOf(Path.of(w.file())))).count();
    }

    private static long committedOffset(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                    LiveEncoderSettings.DEFAULT_GROUP_ID).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata o = offsets.get(new TopicPartition(HyclusTopics.SAMPLE_CONTAINERS.name(), 0));
            return o == null ? 0 : o.offset();
        }
    }

    private Process startChild(String bootstrap) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("child.log");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                EncoderChild.class.getName(), bootstrap, INSTANCE).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Await.until(WAIT, "the child encoder started (log " + log + ")",
                () -> !p.isAlive() || readQuietly(log).contains("started"));
        assertTrue(p.isAlive(), () -> "child exited " + p.exitValue() + ": " + readQuietly(log));
        return p;
    }

    private static String readQuietly(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void publish(String bootstrap, List<SampleContainerWritten> records) {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (SampleContainerWritten w : records) {
                p.send(new ProducerRecord<>(HyclusTopics.SAMPLE_CONTAINERS.name(),
                        (w.scanId() + "/" + w.sampleId()).getBytes(StandardCharsets.UTF_8), ScanEventCodec.encode(w)));
            }
            p.flush();
        }
    }
}
