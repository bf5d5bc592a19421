package io.hyclus.acquisition.publish;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.acquisition.calibration.RadiometricCalibration;
import io.hyclus.acquisition.sync.RigCamera;
import io.hyclus.acquisition.sync.ScanEventSink;
import io.hyclus.acquisition.sync.ScanReport;
import io.hyclus.acquisition.sync.SyncScanSettings;
import io.hyclus.acquisition.sync.SynchronisedScanner;
import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;
import io.hyclus.core.codec.RawFrameCodec;
import io.hyclus.core.provenance.Provenance;
import io.hyclus.core.provenance.ProvenanceKey;
import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.RawFrameRole;
import io.hyclus.core.scan.ScanCompleted;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.core.scan.ScanRawFrame;
import io.hyclus.core.scan.ScanStarted;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.core.tray.RegionMm;
import io.hyclus.core.tray.SampleMetadata;
import io.hyclus.core.tray.TrayLayout;
import io.hyclus.core.tray.TraySlot;
import io.hyclus.hardware.camera.CameraSettings;
import io.hyclus.hardware.camera.FrameSource;
import io.hyclus.hardware.camera.RawFrame;
import io.hyclus.hardware.camera.control.CameraIdentity;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.Topic;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.simulator.camera.CameraModel;
import io.hyclus.simulator.camera.InProcessCameraControl;
import io.hyclus.simulator.camera.SimulatedLineScanCamera;
import io.hyclus.simulator.conveyor.SimulatedConveyor;
import io.hyclus.simulator.conveyor.SimulatedConveyorSettings;
import io.hyclus.simulator.conveyor.SteppingClock;
import io.hyclus.simulator.scene.BeltScene;
import io.hyclus.simulator.scene.EndmemberSpectra;
import io.hyclus.simulator.scene.MineralFraction;
import io.hyclus.simulator.scene.MineralMixture;
import io.hyclus.simulator.scene.SceneSettings;
import io.hyclus.simulator.scene.SimulatedSample;
import io.hyclus.simulator.spectra.BundledLibrary;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scans a small simulated tray over an in-process rig with the {@link KafkaRawFramePublisher} in front of the
 * {@link KafkaScanEventPublisher}, reads {@code hyclus.raw-frames} back from an embedded broker and checks it is what a
 * replay needs: per camera the dark and white frames and every line exactly once, in order, with the counts the
 * cameras produced, and recalibrating them gives the published scanlines bit for bit.
 */
class RawFramesIT {
    private static final SyncScanSettings SCAN = SyncScanSettings.defaults(100);
    private static final long ORIGIN = SCAN.trayOriginMicrons();
    private static final SampleMetadata GYPSUM = new SampleMetadata("G-1", "Plant-1", YearMonth.of(2025, 1),
            GrainSizeFraction.PLUS_100);
    private static final TrayLayout TRAY = new TrayLayout("t-1", 40, 100, List.of(
            new TraySlot(0, GYPSUM, new RegionMm(5, 15, 35, 85))));
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void scan_rawFramesOnTheTopic_areTheCamerasCounts_andRecalibrateToThePublishedLines() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir.resolve("broker")))) {
            String bootstrap = broker.bootstrapServers();
            TopicAdmin.ensureTopics(bootstrap, HyclusTopics.all(), 1, (short) 1);
            EndmemberSpectra spectra = new EndmemberSpectra(BundledLibrary.open());
            BeltScene scene = new BeltScene(TRAY, List.of(new SimulatedSample(GYPSUM,
                    new MineralMixture(List.of(new MineralFraction("Gypsum", 1.0))))), SceneSettings.defaults());
            InstantSource clock = new SteppingClock(Instant.parse("2025-01-06T08:00:00Z"), Duration.ofMillis(10).dividedBy(4));
            SimulatedConveyor belt = new SimulatedConveyor(new SimulatedConveyorSettings("belt", 200, 1000, 2000), clock);
            Map<String, Map<Long, short[]>> produced = new HashMap<>();
            List<RigCamera> cameras = List.of(
                    camera(CameraModel.vnir(48, 40), scene, spectra, clock, produced),
                    camera(CameraModel.swir(24, 30), scene, spectra, clock, produced));

            ScanReport report;
            try (KafkaScanEventPublisher events = new KafkaScanEventPublisher(bootstrap);
                 KafkaRawFramePublisher raw = new KafkaRawFramePublisher(bootstrap, events)) {
                report = new SynchronisedScanner(SCAN, belt, belt.encoder(), cameras, clock, raw).scan("scan-1", TRAY,
                        scene.whiteReferenceCentreMm(), Provenance.builder().put(ProvenanceKey.of("test.key"), "v").build(),
                        raw);
            }
            long lines = report.lines();
            assertEquals(100, lines); // a 100 mm long tray at 1 mm per line
            int refs = SCAN.calibration().referenceFrames();

            List<ScanEvent> events = read(bootstrap, HyclusTopics.SCAN_EVENTS, e -> e instanceof ScanCompleted);
            List<ScanRawFrame> frames = read(bootstrap, HyclusTopics.RAW_FRAMES, new Predicate<>() {
                int n;

                @Override
                public boolean test(ScanRawFrame f) {
                    return ++n == 2 * (2 * refs + lines);
                }
            });
            assertEquals(2 * (2 * refs + lines), frames.size());
            long uint16Bytes = frames.stream().mapToLong(f -> 2L * f.pixels() * f.bands()).sum();
            long logBytes = Files.size(dir.resolve("broker/logs/hyclus.raw-frames-0/00000000000000000000.log"));
            assertTrue(logBytes < 0.8 * uint16Bytes, "12-bit counts packed: " + logBytes + " bytes on disk for "
                    + uint16Bytes + " bytes of counts as uint16");

            for (RigCamera c : cameras) {
                String id = c.sensor().id();
                List<ScanRawFrame> mine = frames.stream().filter(f -> f.cameraId().equals(id)).toList();
                List<String> expectedOrder = new ArrayList<>();
                for (int i = 0; i < refs; i++) {
                    expectedOrder.add("DARK " + i);
                }
                for (int i = 0; i < refs; i++) {
                    expectedOrder.add("WHITE " + i);
                }
                for (long i = 0; i < lines; i++) {
                    expectedOrder.add("LINE " + i);
                }
                assertEquals(expectedOrder, mine.stream().map(f -> f.role() + " " + f.index()).toList(), id);
                for (ScanRawFrame f : mine) {
                    assertEquals("scan-1", f.scanId());
                    assertEquals(c.sensor().kind(), f.kind());
                    assertArrayEquals(produced.get(id).get(f.sequence()), f.counts(), f.describe());
                }

                RadiometricCalibration cal = RadiometricCalibration.fromReferences(
                        frames(mine, RawFrameRole.DARK), frames(mine, RawFrameRole.WHITE), SCAN.calibration());
                List<Scanline> published = events.stream().filter(e -> e instanceof Scanline l
                        && l.camera() == c.sensor().kind()).map(e -> (Scanline) e).toList();
                assertEquals(lines, published.size(), id);
                List<ScanRawFrame> lineFrames = mine.stream().filter(f -> f.role() == RawFrameRole.LINE).toList();
                for (int i = 0; i < lines; i++) {
                    ScanRawFrame f = lineFrames.get(i);
                    Scanline again = cal.apply(frame(f), f.scanId(), f.index());
                    assertEquals(published.get(i), again, "line " + i + " of " + id + " recalibrated");
                    assertArrayEquals(published.get(i).reflectance(), again.reflectance());
                }
            }
        }
    }

    @Test
    void brokerRefusesAFrame_failureIsKept_andThrownByTheNextFrameAndFlush() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir.resolve("broker")))) {
            String bootstrap = broker.bootstrapServers();
            // a topic that accepts far less than HyClus's limit: the broker refuses the record after it was sent
            TopicAdmin.ensureTopics(bootstrap, List.of(new Topic<>(HyclusTopics.RAW_FRAMES.name(),
                    HyclusTopics.RAW_FRAMES.keySerde(), HyclusTopics.RAW_FRAMES.valueSerde(),
                    Map.of("max.message.bytes", "1000"))), 1, (short) 1);
            CameraModel model = CameraModel.vnir(100, 100);
            InstantSource clock = InstantSource.fixed(Instant.EPOCH);
            RigCamera cam = new RigCamera(new InProcessCameraControl(new CameraIdentity(model.sensor().kind(), "TEST",
                    "T1", "1.0.0", 100, 100), clock, 1), e -> null, model.sensor(),
                    new AcrossTrackGeometry(0, 1, 0),
                    new CameraSettings(10_000, 100, 1, 1, 0, 100, true, false));
            Random rnd = new Random(3);
            short[] noise = new short[100 * 100];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (short) rnd.nextInt(4096); // incompressible enough to stay over 1000 bytes
            }
            List<ScanEvent> passed = new ArrayList<>();
            KafkaRawFramePublisher raw = new KafkaRawFramePublisher(bootstrap, new ScanEventSink() {
                @Override
                public void publish(ScanEvent event) {
                    passed.add(event);
                }

                @Override
                public void flush() {
                }
            });
            raw.publish(new ScanStarted("scan-9", TRAY, List.of(cam.setup()), Instant.EPOCH, Map.of()));
            raw.frame(cam, 0, RawFrame.wrapping("vnir", model.sensor().kind(), 4, Instant.EPOCH, 0, 100, 100, noise));
            AcquisitionException e = assertThrows(
                    AcquisitionException.class, raw::flush);
            assertTrue(e.getMessage().startsWith("publishing raw frame of scan scan-9 camera vnir LINE 0 (frame #4) to "
                    + "hyclus.raw-frames on " + bootstrap + " failed: "), e.getMessage());
            assertThrows(AcquisitionException.class,
                    () -> raw.frame(cam, 1, RawFrame.wrapping("vnir", model.sensor().kind(), 5, Instant.EPOCH, 0, 100,
                            100, new short[100 * 100])), "kept: the next frame throws too");
            assertThrows(AcquisitionException.class, raw::close);
            assertEquals(1, passed.size(), "the start event went on");
        }
    }

    private static List<RawFrame> frames(List<ScanRawFrame> mine, RawFrameRole role) {
        return mine.stream().filter(f -> f.role() == role).map(RawFramesIT::frame).toList();
    }

    private static RawFrame frame(ScanRawFrame f) {
        return RawFrame.wrapping(f.cameraId(), f.kind(), f.sequence(), f.time(), f.encoderMicrons(), f.pixels(),
                f.bands(), f.counts());
    }

    /** Records every frame the camera produces (references and lines), by sequence. */
    private static RigCamera camera(CameraModel model, BeltScene scene, EndmemberSpectra spectra, InstantSource clock,
                                    Map<String, Map<Long, short[]>> produced) {
        int pixels = model.sensor().pixels();
        InProcessCameraControl control = new InProcessCameraControl(new CameraIdentity(model.sensor().kind(), "TEST",
                "T1", "1.0.0", pixels, model.sensor().bands()), clock, 1);
        CameraSettings target = new CameraSettings(10_000, 100, 1, 1, 0, pixels, true, false);
        control.apply(target);
        SimulatedLineScanCamera cam = new SimulatedLineScanCamera(model, scene, spectra, ORIGIN, control::settings,
                clock, 99);
        Map<Long, short[]> mine = produced.computeIfAbsent(model.sensor().id(), k -> new LinkedHashMap<>());
        FrameSource recorded = encoderMicrons -> {
            RawFrame f = cam.trigger(encoderMicrons);
            assertTrue(mine.put(f.sequence(), f.counts()) == null, "sequence " + f.sequence() + " twice");
            return f;
        };
        return new RigCamera(control, recorded, cam.effectiveSensor(), cam.geometry(), target);
    }

    /** Reads {@code topic} from the beginning until {@code last} accepts a record. */
    private static <V> List<V> read(String bootstrap, Topic<String, V> topic, Predicate<V> last) {
        Map<String, Object> conf = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, HyclusTopics.MAX_RECORD_BYTES,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<V> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(conf, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            TopicPartition p = new TopicPartition(topic.name(), 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    assertEquals("scan-1", r.key(), topic.name() + "/" + r.partition() + "@" + r.offset());
                    out.add(r.value());
                    if (last.test(r.value())) {
                        return out;
                    }
                }
            }
        }
        throw new AssertionError("no last record on " + topic.name() + " within " + WAIT + " after " + out.size());
    }
}
