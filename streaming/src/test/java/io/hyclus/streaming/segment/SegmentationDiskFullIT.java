package io.hyclus.streaming.segment;

import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.streaming.StreamingException;
import io.hyclus.streaming.service.SegmentationService;
import io.hyclus.streaming.service.StreamsSettings;
import io.hyclus.testkit.Await;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
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
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 8, disk full on a real Kafka Streams under exactly-once: the application stops with one line naming the file
 * and "No space left on device" (the completion not consumed, the sample-written record of the container written
 * before the failure aborted); started again on the same state directory once space returns, it writes the scan's
 * containers in full, and each sample-written record is on the topic once.
 */
class SegmentationDiskFullIT {
    private static final int LINES = 18;
    private static final String APP = "hyclus-segmentation-diskfull-it";

    @TempDir
    Path dir;

    @Test
    void diskFull_stopsWithOneLine_restartAfterSpaceReturns_writesTheScanOnce() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("tiny"));
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir.resolve("broker")))) {
            String bootstrap = broker.bootstrapServers();
            TopicAdmin.ensureTopics(bootstrap, List.of(HyclusTopics.SCAN_EVENTS, HyclusTopics.SAMPLE_CONTAINERS,
                    HyclusTopics.SCAN_EVENTS_DEAD_LETTERS), 1, (short) 1);
            Path out = disk.root.resolve("out");
            Path filler = TinyDisk.fill(Files.createDirectories(out.resolve("scan-1")).resolve("filler"));
            publishScan(bootstrap, "scan-1");
            StreamsSettings streams = new StreamsSettings(bootstrap, APP, dir.resolve("state"), 1);
            SegmentationSettings settings = new SegmentationSettings(out, 3.0);

            AtomicReference<String> failure = new AtomicReference<>();
            // The failure may come before start returns (start rethrows it) or after (rethrow does): both are a stop.
            try (SegmentationService service = SegmentationService.start(streams, settings, InstantSource.system(),
                    Duration.ofSeconds(60))) {
                Await.until(Duration.ofSeconds(60), "segmentation stops on the full disk", () -> {
                    try {
                        service.rethrow();
                        return false;
                    } catch (StreamingException e) {
                        failure.set(e.getMessage());
                        return true;
                    }
                });
                Await.until(Duration.ofSeconds(30), "the client is in ERROR", () -> service.state() == KafkaStreams.State.ERROR);
            } catch (StreamingException e) {
                failure.set(e.getMessage());
            }
            assertEquals("segmentation failed: cannot write container of sample A-1 (scan scan-1) to "
                    + out.resolve("scan-1/A-1.h5") + ": No space left on device; the completion at "
                    + HyclusTopics.SCAN_EVENTS.name() + "/0@" + (LINES + 1) + " is not consumed and the scan's fragments "
                    + "are kept: remove the cause and start segmentation again to write the scan", failure.get());
            assertEquals(List.of(filler), files(out));

            Files.delete(filler);
            try (SegmentationService again = SegmentationService.start(streams, settings, InstantSource.system(),
                    Duration.ofSeconds(60))) {
                List<SampleContainerWritten> written = readSamples(bootstrap, 2);
                assertEquals(List.of("A-1", "B-2"), written.stream().map(SampleContainerWritten::sampleId).toList());
                for (SampleContainerWritten w : written) {
                    assertEquals(117L, w.spectra().get(SensorKind.VNIR), w.file());
                    assertEquals(117, SampleContainerReader.read(Path.of(w.file())).camera(SensorKind.VNIR).orElseThrow()
                            .spectra().length, w.file());
                }
                again.rethrow();
            }
            assertEquals(List.of(out.resolve("scan-1/A-1.h5"), out.resolve("scan-1/B-2.h5")), files(out));
        }
    }

    private static void publishScan(String bootstrap, String scanId) {
        List<ScanEvent> events = new ArrayList<>();
        events.add(ScanFixture.start(scanId));
        for (long i = 0; i < LINES; i++) {
            events.add(ScanFixture.line(scanId, i));
        }
        events.add(ScanFixture.completed(scanId, LINES));
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ScanEvent e : events) {
                p.send(new ProducerRecord<>(HyclusTopics.SCAN_EVENTS.name(), e.scanId().getBytes(StandardCharsets.UTF_8),
                        ScanEventCodec.encode(e)));
            }
            p.flush();
        }
    }

    /** Reads committed sample-written records until {@code n} arrived, then 2 s more to see that no further one does. */
    private static List<SampleContainerWritten> readSamples(String bootstrap, int n) {
        List<SampleContainerWritten> out = new ArrayList<>();
        try (KafkaConsumer<String, SampleContainerWritten> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "diskfull-it-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                HyclusTopics.SAMPLE_CONTAINERS.keySerde().deserializer(),
                HyclusTopics.SAMPLE_CONTAINERS.valueSerde().deserializer())) {
            c.subscribe(List.of(HyclusTopics.SAMPLE_CONTAINERS.name()));
            Await.until(Duration.ofSeconds(60), n + " sample-written records", () -> {
                c.poll(Duration.ofMillis(100)).forEach(r -> out.add(r.value()));
                return out.size() >= n;
            });
            long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < end) {
                c.poll(Duration.ofMillis(100)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }

    private static List<Path> files(Path root) throws java.io.IOException {
        try (var s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
