package io.hyclus.acquisition.publish;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.core.codec.ScanEventCodec;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.scan.StitchedPair;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lines encoded on several threads reach the topic complete and in publishing order; a line that cannot be encoded fails the publisher. */
class ParallelEncodingIT {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void compactLinesOnThreeThreads_arriveInOrder_asTheCodecGivesThem() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir.resolve("broker")))) {
            String bootstrap = broker.bootstrapServers();
            TopicAdmin.ensureTopics(bootstrap, HyclusTopics.all(), 1, (short) 1);
            Random rnd = new Random(3);
            List<Scanline> lines = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                // sizes vary a lot, so later lines are often encoded before earlier ones
                int pixels = i % 7 == 0 ? 400 : 1 + rnd.nextInt(20);
                SensorKind kind = i % 2 == 0 ? SensorKind.VNIR : SensorKind.SWIR;
                float[] r = new float[pixels * 50];
                for (int k = 0; k < r.length; k++) {
                    r[k] = (float) (0.3 + 0.1 * Math.sin(k / 9.0) + 0.01 * rnd.nextGaussian());
                }
                lines.add(new Scanline("s-1", kind, i, 1000L * i, T0.plusMillis(i), pixels, 50, r));
            }
            try (KafkaScanEventPublisher p = new KafkaScanEventPublisher(bootstrap, LineEncoding.COMPACT, 3)) {
                lines.forEach(p::publish);
                p.publish(new ScanCompleted("s-1", Map.of(SensorKind.VNIR, 60L, SensorKind.SWIR, 60L), T0.plusSeconds(1),
                        List.of()));
                p.flush();
            }
            List<ScanEvent> got = read(bootstrap, lines.size() + 1);
            assertEquals(lines.size() + 1, got.size());
            for (int i = 0; i < lines.size(); i++) {
                Scanline want = (Scanline) ScanEventCodec.decode(ScanEventCodec.encodeCompact(lines.get(i)), "want");
                Scanline line = (Scanline) got.get(i);
                assertEquals(i, line.lineIndex(), "record " + i);
                assertEquals(want.camera(), line.camera());
                assertArrayEquals(want.reflectance(), line.reflectance(), "line " + i);
            }
            assertTrue(got.get(lines.size()) instanceof ScanCompleted);
        }
    }

    @Test
    void aLineBeyondTheCodecsRange_failsThePublisher_namingTheLine() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir.resolve("broker")))) {
            String bootstrap = broker.bootstrapServers();
            TopicAdmin.ensureTopics(bootstrap, HyclusTopics.all(), 1, (short) 1);
            KafkaScanEventPublisher p = new KafkaScanEventPublisher(bootstrap, LineEncoding.COMPACT, 2);
            float[] bad = new float[10];
            bad[3] = 5000f;
            p.publish(new Scanline("s-2", SensorKind.SWIR, 0, 0, T0, 2, 5, new float[10]));
            // the failure surfaces at the next publish or flush after the encoder thread reports it: the bad line's own
            // publish when its encoding is already done by then, else the flush
            AcquisitionException e = assertThrows(AcquisitionException.class, () -> {
                p.publish(new Scanline("s-2", SensorKind.SWIR, 1, 1000, T0, 2, 5, bad));
                p.flush();
            });
            assertTrue(e.getMessage().contains("line 1 of camera SWIR of scan s-2"), e.getMessage());
            assertTrue(e.getMessage().contains("beyond the compact codec's range"), e.getMessage());
            assertThrows(AcquisitionException.class,
                    () -> p.publish(new Scanline("s-2", SensorKind.SWIR, 2, 2000, T0, 2, 5, new float[10])));
            p.close();
        }
    }

    @Test
    void stitchedPair_isOneRecordCompact_andItsTwoLinesInFloat32() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir.resolve("broker")))) {
            String bootstrap = broker.bootstrapServers();
            TopicAdmin.ensureTopics(bootstrap, HyclusTopics.all(), 1, (short) 1);
            Random rnd = new Random(5);
            float[] v = new float[30 * 8];
            float[] s = new float[30 * 20];
            for (int k = 0; k < s.length; k++) {
                s[k] = (float) (0.4 + 0.01 * rnd.nextGaussian());
            }
            for (int px = 0; px < 30; px++) {
                System.arraycopy(s, px * 20, v, px * 8, 6);
                v[px * 8 + 6] = 0.5f;
                v[px * 8 + 7] = 0.6f;
            }
            StitchedPair pair = new StitchedPair(new Scanline("s-3", SensorKind.VNIR, 4, 800, T0, 30, 8, v),
                    new Scanline("s-3", SensorKind.STITCHED, 4, 800, T0, 30, 20, s), 6);
            for (LineEncoding encoding : List.of(LineEncoding.COMPACT, LineEncoding.FLOAT32)) {
                try (KafkaScanEventPublisher p = new KafkaScanEventPublisher(bootstrap, encoding, 2)) {
                    p.publish(pair);
                    p.flush();
                }
            }
            List<ScanEvent> got = read(bootstrap, 3);
            assertEquals(3, got.size(), got.toString());
            StitchedPair compact = (StitchedPair) got.get(0);
            assertEquals(ScanEventCodec.decode(ScanEventCodec.encodeCompact(pair.vnir()), "want"), compact.vnir());
            assertEquals(ScanEventCodec.decode(ScanEventCodec.encodeCompact(pair.stitched()), "want"), compact.stitched());
            assertEquals(pair.vnir(), got.get(1)); // float32: exactly, VNIR first
            assertEquals(pair.stitched(), got.get(2));
        }
    }

    private static List<ScanEvent> read(String bootstrap, int count) {
        Map<String, Object> conf = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, HyclusTopics.MAX_RECORD_BYTES);
        List<ScanEvent> out = new ArrayList<>();
        try (KafkaConsumer<String, ScanEvent> c = new KafkaConsumer<>(conf,
                HyclusTopics.SCAN_EVENTS.keySerde().deserializer(), HyclusTopics.SCAN_EVENTS.valueSerde().deserializer())) {
            TopicPartition tp = new TopicPartition(HyclusTopics.SCAN_EVENTS.name(), 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ScanEvent> r : c.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
            }
        }
        return out;
    }
}
