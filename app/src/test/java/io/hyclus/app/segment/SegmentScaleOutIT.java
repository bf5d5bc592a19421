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
import io.hyclus.streaming.service.StreamsSettings;
import io.hyclus.testkit.Await;
import io.hyclus.testkit.KafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, item 3 with the real command: two {@code hyclus segment --bootstrap-servers} processes, each with its own
 * work directory, on a three-broker cluster ({@link KafkaCluster}) whose topics have four partitions. They share the
 * scans (each writes the containers of its partitions); one stopped with SIGTERM mid-scan leaves the group and the
 * other finishes its scans from the restored state; restarted, that instance is then SIGKILLed mid-scan and the
 * survivor finishes once the dead member's session times out. Every sample-written record is on the topic once (read
 * committed) and each container holds exactly the spectra of its slot: the same lines and pixels as the same slot of
 * the first round's scans, every value the one published for that scan, line, pixel and band.
 */
@Timeout(400)
class SegmentScaleOutIT {
    private static final Path JAR = Path.of("target", "hyclus.jar").toAbsolutePath();
    private static final int PARTITIONS = 4;
    private static final int PIXELS = 48;
    private static final int BANDS = 16;
    private static final int LINES = 30;
    private static final Instant T0 = Instant.parse("2026-11-25T23:00:00Z");
    private static final Sensor SENSOR = new Sensor("vnir-scale-out", SensorKind.VNIR,
            WavelengthGrid.uniform(450, 900, BANDS, 3), PIXELS);
    private static final AcrossTrackGeometry GEOMETRY = new AcrossTrackGeometry(0.5, 1.0, 1_000_000);
    private static final TrayLayout TRAY = new TrayLayout("tray-scale-out", 50, 30, List.of(
            slot(0, "P1-2025-04-M100", 2), slot(1, "P2-2025-04-M100", 26)));
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @Test
    void twoSegmentProcessesShareScans_oneStopsMidScan_thenOneIsKilledMidScan_nothingLostOrDuplicated() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.start(tmp.resolve("cluster"));
             SegmentProcesses processes = new SegmentProcesses(JAR, cluster.bootstrapServers(), PARTITIONS);
             KafkaScanEventPublisher publisher = new KafkaScanEventPublisher(cluster.bootstrapServers())) {
            String bootstrap = cluster.bootstrapServers();
            Path workA = tmp.resolve("a");
            Path workB = tmp.resolve("b");
            SegmentProcesses.Child a = processes.start(workA); // creates the topics: --partitions 4, replication 3
            assertTopicsHave(bootstrap, PARTITIONS, 3);
            SegmentProcesses.Child b = processes.start(workB);
            awaitMembers(cluster, 2);

            // Round 1: both instances share four scans, one on each partition.
            List<String> round1 = scansOnEveryPartition("r1-");
            publish(publisher, interleaved(round1, 0, LINES + 2));
            List<SampleContainerWritten> first = committedRecords(bootstrap, 2 * round1.size());
            long byA = first.stream().filter(w -> Path.of(w.file()).startsWith(workA.toAbsolutePath())).count();
            assertTrue(byA > 0 && byA < first.size(), "both instances wrote containers: A " + byA + " of " + first.size());
            Map<String, CameraSpectra> bySlot = new HashMap<>(); // the first round's spectra per sample: what a slot holds
            for (SampleContainerWritten w : first) {
                CameraSpectra c = checkValues(w);
                bySlot.putIfAbsent(w.sampleId(), c);
                assertSameSpectra(bySlot.get(w.sampleId()), c, w.file());
            }

            // Round 2: half of four scans; A stops (SIGTERM: leaves the group); B finishes all four.
            List<String> round2 = scansOnEveryPartition("r2-");
            publish(publisher, interleaved(round2, 0, 1 + LINES / 2));
            awaitConsumed(cluster);
            processes.stop(a);
            awaitMembers(cluster, 1);
            publish(publisher, interleaved(round2, 1 + LINES / 2, LINES + 2));
            List<SampleContainerWritten> second = committedRecords(bootstrap, 2 * (round1.size() + round2.size()));
            for (SampleContainerWritten w : second.stream().filter(w -> w.scanId().startsWith("r2-")).toList()) {
                assertTrue(Path.of(w.file()).startsWith(workB.toAbsolutePath()), "written by B after A left: " + w.file());
                assertSameSpectra(bySlot.get(w.sampleId()), checkValues(w), w.file());
            }

            // Round 3: A back on its work directory; half of four scans; A SIGKILLed; B finishes once A's session ends.
            SegmentProcesses.Child a2 = processes.start(workA);
            awaitMembers(cluster, 2);
            List<String> round3 = scansOnEveryPartition("r3-");
            publish(publisher, interleaved(round3, 0, 1 + LINES / 2));
            awaitConsumed(cluster);
            long killed = System.nanoTime();
            processes.kill(a2);
            publish(publisher, interleaved(round3, 1 + LINES / 2, LINES + 2));
            int total = 2 * (round1.size() + round2.size() + round3.size());
            List<SampleContainerWritten> all = committedRecords(bootstrap, total);
            System.out.printf("SegmentScaleOutIT: round 1 A wrote %d of %d; round 2 finished by B after A's SIGTERM; "
                    + "round 3 finished by B %.1f s after A's SIGKILL%n", byA, first.size(), (System.nanoTime() - killed) / 1e9);
            for (SampleContainerWritten w : all.stream().filter(w -> w.scanId().startsWith("r3-")).toList()) {
                assertSameSpectra(bySlot.get(w.sampleId()), checkValues(w), w.file());
            }
            List<String> expected = Stream.of(round1, round2, round3).flatMap(List::stream)
                    .flatMap(s -> TRAY.slots().stream().map(t -> s + "/" + t.sample().sampleId())).sorted().toList();
            assertEquals(expected, all.stream().map(w -> w.scanId() + "/" + w.sampleId()).sorted().toList(),
                    "each sample-written record once");
            assertTrue(b.process().isAlive(), "B kept running:\n" + b.out());
            processes.stop(b);
            List<String> files = new ArrayList<>(containerFiles(workA));
            files.addAll(containerFiles(workB));
            assertEquals(expected.stream().map(k -> k + ".h5").toList(), files.stream().sorted().toList(),
                    "each container in one work directory, no .partial");
        }
    }

    /** The container's spectra, each checked against the value published for its scan, line, pixel and band. */
    private static CameraSpectra checkValues(SampleContainerWritten w) {
        SampleSpectra s = SampleContainerReader.read(Path.of(w.file()));
        assertEquals(w.sampleId(), s.metadata().sampleId());
        assertEquals(LINES + " of " + LINES + " published",
                s.provenance(SegmentationProvenance.linesReceived(SensorKind.VNIR)).orElseThrow(), w.file());
        CameraSpectra c = s.camera(SensorKind.VNIR).orElseThrow();
        assertTrue(c.size() > 100, w.file() + ": a sample of some size: " + c.size());
        assertEquals((long) c.size(), w.spectra().get(SensorKind.VNIR));
        int scan = scanNumber(w.scanId());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < c.size(); i++) {
            assertTrue(seen.add(c.lineIndex()[i] * PIXELS + c.pixelIndex()[i]), w.file() + ": spectrum " + i + " twice");
            for (int band = 0; band < BANDS; band++) {
                assertEquals(value(scan, c.lineIndex()[i], c.pixelIndex()[i], band), c.spectra()[i][band],
                        w.file() + ": spectrum " + i + " band " + band);
            }
        }
        return c;
    }

    private static void assertSameSpectra(CameraSpectra expected, CameraSpectra actual, String file) {
        assertEquals(expected.size(), actual.size(), file + ": spectra");
        assertArrayEquals(expected.lineIndex(), actual.lineIndex(), file + ": line index");
        assertArrayEquals(expected.pixelIndex(), actual.pixelIndex(), file + ": pixel index");
    }

    // --- the scans: two samples side by side, 48 pixels of 1 mm, one line per mm, each value known ---

    private static TraySlot slot(int index, String id, double x0) {
        return new TraySlot(index, new SampleMetadata(id, "Plant-" + (index + 1), YearMonth.of(2025, 4),
                GrainSizeFraction.MINUS_100), new RegionMm(x0, 2, x0 + 20, 28));
    }

    /** Exactly representable, different for each scan, line, pixel and band. */
    private static float value(int scan, long line, int pixel, int band) {
        return ((scan * 131 + line * 31 + pixel * 7 + band) % 4093) / 4096f;
    }

    private static int scanNumber(String scanId) {
        int dash = scanId.indexOf('-'); // "r2-5": round 2, scan 5 -> 2005
        return Integer.parseInt(scanId.substring(1, dash)) * 1000 + Integer.parseInt(scanId.substring(dash + 1));
    }

    /** Scan ids {@code prefix0, prefix1, ...}, the first on each partition of the scan events. */
    private static List<String> scansOnEveryPartition(String prefix) {
        List<String> ids = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; ids.size() < PARTITIONS; i++) {
            String id = prefix + i;
            if (taken.add(Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Event {@code from} to {@code to} (exclusive; 0 the start, 1..LINES the lines, LINES + 1 the completion) of each scan. */
    private static List<ScanEvent> interleaved(List<String> scanIds, int from, int to) {
        List<ScanEvent> out = new ArrayList<>();
        for (int k = from; k < to; k++) {
            for (String s : scanIds) {
                out.add(event(s, k));
            }
        }
        return out;
    }

    private static ScanEvent event(String scanId, int k) {
        if (k == 0) {
            return new ScanStarted(scanId, TRAY, List.of(new CameraSetup(SENSOR, GEOMETRY)), T0,
                    Map.of("software.version", "it"));
        }
        if (k == LINES + 1) {
            return new ScanCompleted(scanId, Map.of(SensorKind.VNIR, (long) LINES), T0.plusSeconds(60), List.of());
        }
        int line = k - 1;
        int scan = scanNumber(scanId);
        float[] v = new float[PIXELS * BANDS];
        for (int p = 0; p < PIXELS; p++) {
            for (int band = 0; band < BANDS; band++) {
                v[p * BANDS + band] = value(scan, line, p, band);
            }
        }
        return new Scanline(scanId, SensorKind.VNIR, line, GEOMETRY.encoderMicronsAt(line + 0.5),
                T0.plusMillis(40L * line), PIXELS, BANDS, v);
    }

    private static void publish(KafkaScanEventPublisher publisher, List<ScanEvent> events) {
        for (ScanEvent e : events) { // line by line, each acknowledged by the cluster
            publisher.publish(e);
            publisher.flush();
        }
    }

    // --- the cluster's view ---

    private static final String GROUP = StreamsSettings.DEFAULT_APPLICATION_ID;

    /** Every HyClus topic exists with {@code partitions} partitions of {@code replicas} replicas each. */
    private static void assertTopicsHave(String bootstrap, int partitions, int replicas) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> names = HyclusTopics.all().stream().map(t -> t.name()).toList();
            Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            for (String n : names) {
                assertEquals(partitions, d.get(n).partitions().size(), n);
                for (var p : d.get(n).partitions()) {
                    assertEquals(replicas, p.replicas().size(), n + "/" + p.partition());
                }
            }
        }
    }

    /** Waits until the segmentation group has {@code n} members that share all partitions of the scan events. */
    private static void awaitMembers(KafkaCluster cluster, int n) {
        try (Admin admin = cluster.admin()) {
            Await.until(WAIT, n + " members of " + GROUP + " sharing " + HyclusTopics.SCAN_EVENTS.name(), () -> {
                try {
                    ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(GROUP)).all()
                            .get(10, TimeUnit.SECONDS).get(GROUP);
                    List<Long> held = g.members().stream().map(m -> m.assignment().topicPartitions().stream()
                            .filter(tp -> tp.topic().equals(HyclusTopics.SCAN_EVENTS.name())).count()).toList();
                    return held.size() == n && held.stream().allMatch(h -> h > 0)
                            && held.stream().mapToLong(Long::longValue).sum() == PARTITIONS;
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    /** Waits until the group has committed every scan event published so far. */
    private static void awaitConsumed(KafkaCluster cluster) {
        try (Admin admin = cluster.admin()) {
            Await.until(WAIT, GROUP + " has committed every scan event", () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
                    for (int p = 0; p < PARTITIONS; p++) {
                        latest.put(new TopicPartition(HyclusTopics.SCAN_EVENTS.name(), p),
                                org.apache.kafka.clients.admin.OffsetSpec.latest());
                    }
                    return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                            .allMatch(e -> e.getValue().offset() == 0 || committed.get(e.getKey()) != null
                                    && committed.get(e.getKey()).offset() >= e.getValue().offset());
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    /** Every committed sample-written record, read to the end of each partition once {@code expected} arrived. */
    private static List<SampleContainerWritten> committedRecords(String bootstrap, int expected) {
        try (KafkaConsumer<String, SampleContainerWritten> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                HyclusTopics.SAMPLE_CONTAINERS.keySerde().deserializer(),
                HyclusTopics.SAMPLE_CONTAINERS.valueSerde().deserializer())) {
            List<TopicPartition> parts = c.partitionsFor(HyclusTopics.SAMPLE_CONTAINERS.name(), Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            List<SampleContainerWritten> got = new ArrayList<>();
            Await.until(WAIT, expected + " committed sample-written records (so far " + got.size() + ")", () -> {
                for (ConsumerRecord<String, SampleContainerWritten> r : c.poll(Duration.ofMillis(200))) {
                    got.add(r.value());
                }
                if (got.size() < expected) {
                    return false;
                }
                Map<TopicPartition, Long> ends = c.endOffsets(parts);
                return parts.stream().allMatch(tp -> c.position(tp) >= ends.get(tp));
            });
            return got;
        }
    }

    /** Container files under the work directory's samples, as {@code scanId/file}; a {@code .partial} would show. */
    private static List<String> containerFiles(Path work) throws java.io.IOException {
        Path samples = work.resolve("samples");
        if (!Files.exists(samples)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(samples)) {
            List<String> files = s.filter(Files::isRegularFile).map(p -> samples.relativize(p).toString()).toList();
            assertFalse(files.stream().anyMatch(f -> !f.endsWith(".h5")), "only containers: " + files);
            return files;
        }
    }
}
