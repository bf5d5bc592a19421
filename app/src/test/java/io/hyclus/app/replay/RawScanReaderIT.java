package io.hyclus.app.replay;

import io.hyclus.acquisition.publish.KafkaScanEventPublisher;
import io.hyclus.app.AppException;
import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.RawFrameRole;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanRawFrame;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RawScanReader} on the embedded broker: a scan read back in order, and scans it cannot read, each named. */
@Timeout(300)
class RawScanReaderIT {
    private static final Sensor VNIR = new Sensor("vnir", SensorKind.VNIR, WavelengthGrid.uniform(450, 900, 3, 1.0), 2);
    private static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");

    @TempDir
    Path dir;

    private static ScanStarted started(String scanId) {
        SampleMetadata m = new SampleMetadata("A-1", "Plant-1", YearMonth.of(2025, 1), GrainSizeFraction.PLUS_100);
        return new ScanStarted(scanId, new TrayLayout("t-1", 40, 100, List.of(new TraySlot(0, m,
                new RegionMm(5, 15, 35, 85)))), List.of(new CameraSetup(VNIR, new AcrossTrackGeometry(1, 2, 0))),
                T0, Map.of());
    }

    private static ScanCompleted completed(String scanId, long lines) {
        return new ScanCompleted(scanId, Map.of(SensorKind.VNIR, lines), T0.plusSeconds(5), List.of());
    }

    private static ScanRawFrame frame(String scanId, RawFrameRole role, long index, long sequence) {
        short[] counts = new short[6];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (short) (sequence * 10 + i);
        }
        return ScanRawFrame.wrapping(scanId, "vnir", SensorKind.VNIR, role, index, sequence, T0.plusMillis(sequence),
                1000 * index, 2, 3, counts);
    }

    @Test
    void scansReadBack_inOrder_andScansThatCannotBeRead_named() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir.resolve("kafka")))) {
            String b = broker.bootstrapServers();
            TopicAdmin.ensureTopics(b, HyclusTopics.all(), 1, (short) 1);
            try (KafkaScanEventPublisher events = new KafkaScanEventPublisher(b);
                 KafkaProducer<String, ScanRawFrame> raw = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b), HyclusTopics.RAW_FRAMES.keySerde().serializer(),
                         HyclusTopics.RAW_FRAMES.valueSerde().serializer())) {
                for (String s : List.of("s-1", "s-3")) {
                    events.publish(started(s));
                    raw.send(new ProducerRecord<>(HyclusTopics.RAW_FRAMES.name(), s, frame(s, RawFrameRole.DARK, 0, 0)));
                    raw.send(new ProducerRecord<>(HyclusTopics.RAW_FRAMES.name(), s, frame(s, RawFrameRole.WHITE, 0, 1)));
                    for (int i = 0; i < 3; i++) {
                        raw.send(new ProducerRecord<>(HyclusTopics.RAW_FRAMES.name(), s,
                                frame(s, RawFrameRole.LINE, i, 2 + i)));
                    }
                    events.publish(completed(s, s.equals("s-1") ? 3 : 5)); // s-3 claims lines the topic lacks
                }
                events.publish(started("s-2")); // never completed
                events.publish(started("s-4"));
                events.publish(completed("s-4", 2)); // no raw frames at all
                events.flush();
                raw.flush();
            }
            try (RawScanReader reader = new RawScanReader(b, Duration.ofSeconds(30))) {
                RecordedScan s1 = reader.find("s-1");
                assertEquals(3, s1.lines());
                List<String> seen = new ArrayList<>();
                List<RawFrame> lines = new ArrayList<>();
                reader.frames(s1, new RawScanReader.FrameVisitor() {
                    @Override
                    public void references(String cameraId, SensorKind kind, List<RawFrame> dark, List<RawFrame> white) {
                        seen.add("refs " + cameraId + " " + kind + " " + dark.size() + "+" + white.size()
                                + " #" + dark.get(0).sequence() + " #" + white.get(0).sequence());
                    }

                    @Override
                    public void line(String cameraId, long index, RawFrame f) {
                        seen.add("line " + index + " #" + f.sequence());
                        lines.add(f);
                    }
                });
                assertEquals(List.of("refs vnir VNIR 1+1 #0 #1", "line 0 #2", "line 1 #3", "line 2 #4"), seen);
                assertArrayEquals(frame("s-1", RawFrameRole.LINE, 1, 3).counts(), lines.get(1).counts());
                assertEquals(2000, lines.get(2).encoderMicrons());

                AppException none = assertThrows(AppException.class, () -> reader.find("nope"));
                assertTrue(none.getMessage().startsWith("scan nope is not on hyclus.scan-events at " + b), none.getMessage());
                AppException open = assertThrows(AppException.class, () -> reader.find("s-2"));
                assertEquals("scan s-2 on hyclus.scan-events at " + b + " has no completion event: it was aborted or is "
                        + "still running", open.getMessage());
                RecordedScan s3 = reader.find("s-3");
                AppException fewer = assertThrows(AppException.class, () -> reader.frames(s3, ignore()));
                assertTrue(fewer.getMessage().startsWith("scan s-3: hyclus.raw-frames at " + b + " holds lines {VNIR=3}"
                        + " but its completion published {VNIR=5}"), fewer.getMessage());
                AppException noFrames = assertThrows(AppException.class, () -> reader.frames(reader.find("s-4"),
                        ignore()));
                assertTrue(noFrames.getMessage().contains("holds lines {} but its completion published {VNIR=2}"),
                        noFrames.getMessage());

                List<String> range = reader.between(Instant.EPOCH, Instant.now().plusSeconds(60)).stream()
                        .map(RecordedScan::scanId).toList();
                assertEquals(List.of("s-1", "s-3", "s-4"), range, "completed scans only, in order");
                assertEquals(List.of(), reader.between(Instant.EPOCH, Instant.EPOCH.plusSeconds(1)));
            }
        }
    }

    private static RawScanReader.FrameVisitor ignore() {
        return new RawScanReader.FrameVisitor() {
            @Override
            public void references(String cameraId, SensorKind kind, List<RawFrame> dark, List<RawFrame> white) {
            }

            @Override
            public void line(String cameraId, long index, RawFrame frame) {
            }
        };
    }
}
