package io.hyclus.streaming.segment;

import io.hyclus.core.scan.SampleContainerWritten;
import io.hyclus.core.scan.ScanEvent;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.streaming.service.SegmentationService;
import io.hyclus.streaming.service.StreamsSettings;
import io.hyclus.testkit.Await;
import io.hyclus.testkit.KafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.hyclus.streaming.segment.ClusterScans.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, items 2 and 3: segmentation on a real three-broker KRaft cluster ({@link KafkaCluster}: three JVMs on
 * 127.0.0.1, replication 3, {@code min.insync.replicas} 2), one cluster for both tests.
 *
 * <ul>
 *   <li>The broker coordinating the segmentation's transactions is SIGKILLed mid-scan and restarted: the scan completes, every
 *       container holds what an uninterrupted run writes, each sample-written record is on the topic once.</li>
 *   <li>Scale-out: two instances of one application share scans on four partitions and together write what one
 *       instance writes; then one leaves mid-scan and the other, after the rebalance, finishes its scans from the
 *       state it restores: nothing lost, nothing written twice.</li>
 * </ul>
 */
@Timeout(300)
class SegmentationClusterIT {
    private static final int LINES = 18;
    private static final int PARTITIONS = 4;
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    static Path shared;
    static KafkaCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() {
        long t0 = System.nanoTime();
        cluster = KafkaCluster.start(shared.resolve("cluster"));
        System.out.printf("SegmentationClusterIT: 3-node cluster at %s up in %.1f s%n", cluster.bootstrapServers(),
                (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void brokerKilledMidScan_andRestarted_scanCompletesWithNothingLostOrDuplicated() throws Exception {
        ClusterScans.freshTopics(cluster, PARTITIONS);
        String app = "hyclus-segmentation-broker-loss-it";
        String scanId = "loss-1";
        List<ScanEvent> events = ClusterScans.scan(scanId, LINES);
        ClusterScans.reference(dir.resolve("reference"), dir.resolve("reference-state"), events);
        Path out = dir.resolve("out");
        try (SegmentationService service = SegmentationService.start(
                new StreamsSettings(cluster.bootstrapServers(), app, dir.resolve("state"), 3),
                SegmentationSettings.in(out), InstantSource.system(), START);
             KafkaProducer<byte[], byte[]> producer = ClusterScans.producer(cluster)) {
            int half = LINES / 2;
            ClusterScans.publish(producer, events.subList(0, 1 + half)); // the start and the first half of the lines
            ClusterScans.awaitConsumed(cluster, app);

            int partition = ClusterScans.partitionOf(scanId, PARTITIONS);
            int victim = transactionCoordinatorOf(app);
            boolean leader = isr(HyclusTopics.SCAN_EVENTS.name(), partition).leader == victim;
            cluster.kill(victim);
            ClusterScans.publish(producer, events.subList(1 + half, 1 + LINES)); // the rest, one broker down
            ClusterScans.awaitConsumed(cluster, app);
            assertFalse(cluster.brokers().contains(victim), "node " + victim + " is down while the lines are taken in");
            service.rethrow();

            cluster.restart(victim);
            assertEquals(List.of(1, 2, 3), cluster.brokers());
            Await.until(WAIT, "node " + victim + " back in sync on the scan's partition",
                    () -> isr(HyclusTopics.SCAN_EVENTS.name(), partition).inSync == 3);
            ClusterScans.publish(producer, events.subList(1 + LINES, events.size())); // the completion
            List<SampleContainerWritten> records = ClusterScans.committedRecords(cluster, 2);
            service.rethrow();

            assertEquals(List.of(scanId + "/A-1", scanId + "/B-2"), ClusterScans.keys(records), "each sample once");
            for (SampleContainerWritten w : records) {
                ClusterScans.assertSameAsReference(dir.resolve("reference"), w, LINES);
            }
            assertEquals(List.of(scanId + "/A-1.h5", scanId + "/B-2.h5"), files(out), "the containers, no .partial");
            System.out.printf("SegmentationClusterIT: node %d (coordinator of the segmentation's transactions%s) killed"
                    + " mid-scan and restarted; %d containers as the uninterrupted run%n", victim,
                    leader ? ", leader of the scan's partition" : "", records.size());
        }
    }

    @Test
    void twoInstancesShareScans_thenOneLeavesMidScan_theOtherFinishes_nothingLostOrDuplicated() throws Exception {
        ClusterScans.freshTopics(cluster, PARTITIONS);
        String app = "hyclus-segmentation-scale-out-it";
        List<String> round1 = scansOnEveryPartition("shared-", PARTITIONS);
        List<String> round2 = scansOnEveryPartition("handover-", PARTITIONS);
        List<ScanEvent> all = new ArrayList<>();
        Stream.concat(round1.stream(), round2.stream()).forEach(s -> all.addAll(ClusterScans.scan(s, LINES)));
        Path reference = dir.resolve("reference");
        ClusterScans.reference(reference, dir.resolve("reference-state"), all);

        Path outA = dir.resolve("a/samples");
        Path outB = dir.resolve("b/samples");
        SegmentationService a = SegmentationService.start(new StreamsSettings(cluster.bootstrapServers(), app,
                dir.resolve("a/state"), 3), SegmentationSettings.in(outA), InstantSource.system(), START);
        try (SegmentationService b = SegmentationService.start(new StreamsSettings(cluster.bootstrapServers(), app,
                dir.resolve("b/state"), 3), SegmentationSettings.in(outB), InstantSource.system(), START);
             KafkaProducer<byte[], byte[]> producer = ClusterScans.producer(cluster)) {
            awaitMembers(app, 2);

            // Round 1: both instances running; the scans' lines interleaved as four trays scanned at once would send them.
            ClusterScans.publish(producer, interleaved(round1));
            List<SampleContainerWritten> first = ClusterScans.committedRecords(cluster, 2 * round1.size());
            assertEquals(expectedKeys(round1), ClusterScans.keys(first), "each sample of round 1 once");
            first.forEach(w -> ClusterScans.assertSameAsReference(reference, w, LINES));
            long byA = first.stream().filter(w -> Path.of(w.file()).startsWith(outA)).count();
            long byB = first.stream().filter(w -> Path.of(w.file()).startsWith(outB)).count();
            assertEquals(first.size(), byA + byB);
            assertTrue(byA > 0 && byB > 0, "both instances wrote containers: A " + byA + ", B " + byB);

            // Round 2: starts and half the lines while both run; A leaves; B takes over A's partitions and finishes.
            List<ScanEvent> events2 = interleaved(round2);
            List<ScanEvent> firstHalf = events2.stream().filter(e -> !(e instanceof io.hyclus.core.scan.ScanCompleted)
                    && !(e instanceof io.hyclus.core.scan.Scanline l && l.lineIndex() >= LINES / 2)).toList();
            List<ScanEvent> rest = events2.stream().filter(e -> !firstHalf.contains(e)).toList();
            ClusterScans.publish(producer, firstHalf);
            ClusterScans.awaitConsumed(cluster, app);
            a.close();
            awaitMembers(app, 1);
            ClusterScans.publish(producer, rest);
            List<SampleContainerWritten> records = ClusterScans.committedRecords(cluster, 2 * (round1.size() + round2.size()));
            b.rethrow();

            List<String> expected = new ArrayList<>(expectedKeys(round1));
            expected.addAll(expectedKeys(round2));
            assertEquals(expected.stream().sorted().toList(), ClusterScans.keys(records), "each sample of both rounds once");
            // records of several partitions are not in one order: round 2's are those of its scans
            List<SampleContainerWritten> second = records.stream().filter(w -> round2.contains(w.scanId())).toList();
            assertEquals(2 * round2.size(), second.size(), "round 2's records");
            for (SampleContainerWritten w : second) {
                assertTrue(Path.of(w.file()).startsWith(outB), "round 2 written by B after A left: " + w.file());
                ClusterScans.assertSameAsReference(reference, w, LINES);
            }
            List<String> union = new ArrayList<>(files(outA));
            union.addAll(files(outB));
            assertEquals(files(reference), union.stream().sorted().toList(), "together the containers of one run, no .partial");
            System.out.printf("SegmentationClusterIT: round 1 written %d by A, %d by B; round 2 finished by B after A left "
                    + "mid-scan%n", byA, byB);
        } finally {
            a.close();
        }
    }

    /** {@code n} scan ids, one on each partition of {@code hyclus.scan-events}. */
    private static List<String> scansOnEveryPartition(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; ids.size() < n; i++) {
            String id = prefix + i;
            if (taken.add(ClusterScans.partitionOf(id, PARTITIONS))) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The scans' events, their starts first, then line by line across scans, then their completions. */
    private static List<ScanEvent> interleaved(List<String> scanIds) {
        List<List<ScanEvent>> scans = scanIds.stream().map(s -> ClusterScans.scan(s, LINES)).toList();
        List<ScanEvent> out = new ArrayList<>();
        for (int k = 0; k < LINES + 2; k++) {
            for (List<ScanEvent> s : scans) {
                out.add(s.get(k));
            }
        }
        return out;
    }

    private static List<String> expectedKeys(List<String> scanIds) {
        return scanIds.stream().flatMap(s -> Stream.of(s + "/A-1", s + "/B-2")).sorted().toList();
    }

    /** Waits until the application's group has {@code n} members that each hold scan-events partitions. */
    private static void awaitMembers(String app, int n) {
        try (Admin admin = cluster.admin()) {
            Await.until(WAIT, n + " members of " + app + " sharing " + HyclusTopics.SCAN_EVENTS.name(), () -> {
                try {
                    ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(app)).all().get(10, TimeUnit.SECONDS)
                            .get(app);
                    List<MemberDescription> members = g.members().stream().toList();
                    long holding = members.stream().filter(m -> m.assignment().topicPartitions().stream()
                            .anyMatch(tp -> tp.topic().equals(HyclusTopics.SCAN_EVENTS.name()))).count();
                    int assigned = members.stream().mapToInt(m -> (int) m.assignment().topicPartitions().stream()
                            .filter(tp -> tp.topic().equals(HyclusTopics.SCAN_EVENTS.name())).count()).sum();
                    return members.size() == n && holding == n && assigned == PARTITIONS;
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    private record Replicas(int leader, int inSync) {
    }

    /** The partition's leader and how many replicas are in sync; leader -1 if it cannot be told now. */
    private static Replicas isr(String topic, int partition) {
        try (Admin admin = cluster.admin()) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
            var p = d.partitions().get(partition);
            return new Replicas(p.leader() == null ? -1 : p.leader().id(), p.isr().size());
        } catch (Exception e) {
            return new Replicas(-1, 0);
        }
    }

    /** The broker coordinating the transactions of the application's (one) stream thread. */
    private static int transactionCoordinatorOf(String app) throws Exception {
        try (Admin admin = cluster.admin()) {
            List<String> ids = admin.listTransactions().all().get(10, TimeUnit.SECONDS).stream()
                    .map(TransactionListing::transactionalId).filter(id -> id.startsWith(app + "-")).toList();
            assertEquals(1, ids.size(), "one transactional producer of " + app + ": " + ids);
            return admin.describeTransactions(ids).all().get(10, TimeUnit.SECONDS).get(ids.get(0)).coordinatorId();
        }
    }

    private static List<String> files(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
