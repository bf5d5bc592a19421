package io.hyclus.broker;

import io.hyclus.kafka.topic.HyclusTopics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One node (broker and KRaft controller combined) of a multi-node Kafka cluster on 127.0.0.1, run as its own JVM:
 * {@code java -cp ... io.hyclus.broker.KraftClusterNode DATA_DIR NODE_ID CLUSTER_ID BROKER_PORT CONTROLLER_PORT VOTERS},
 * where {@code VOTERS} is the static controller quorum ({@code 1@127.0.0.1:9093,2@127.0.0.1:9095,...}) and every node
 * of the cluster is given the same cluster id. Storage under {@code DATA_DIR} is formatted on first start and reused
 * afterwards, so a node killed and started again on the same directory and ports rejoins as the replica it was.
 *
 * <p>The cluster is sized for durability with one node lost out of three: every topic (and the consumer offsets and
 * transaction state logs) is replicated three times and needs two in-sync replicas to accept a write; records up to
 * {@link HyclusTopics#MAX_RECORD_BYTES}. Prints {@value #STARTED} and the node id once the node has started; stops on
 * SIGTERM. Used by the multi-broker integration tests (testkit's {@code KafkaCluster}).
 */
public final class KraftClusterNode {
    /** Printed on standard output once the node is up. */
    public static final String STARTED = "HyClus KRaft cluster node started:";
    /**
     * System property: the pid of the process that started this node. When that process ends, however it ends (a test
     * JVM killed by a timeout never runs its shutdown hooks), the node shuts down too instead of outliving it.
     */
    public static final String PARENT_PID = "hyclus.cluster.parent-pid";
    /** Replicas of every topic. */
    public static final int REPLICATION = 3;
    /** In-sync replicas a write needs. */
    public static final int MIN_INSYNC = 2;

    private KraftClusterNode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: KraftClusterNode DATA_DIR NODE_ID CLUSTER_ID BROKER_PORT CONTROLLER_PORT VOTERS");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        int nodeId = Integer.parseInt(args[1]);
        Properties props = serverProperties(dir, nodeId, Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5]);
        Files.createDirectories(dir);
        Path configFile = dir.resolve("server.properties");
        try (OutputStream o = Files.newOutputStream(configFile)) {
            props.store(o, "written by HyClus at each start of cluster node " + nodeId);
        }
        EmbeddedKafkaBroker.format(configFile, args[2]);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kraft-node-shutdown"));
        exitWithParent();
        server.startup();
        System.out.println(STARTED + " " + nodeId + " at 127.0.0.1:" + args[3]);
        System.out.flush();
        server.awaitShutdown();
    }

    private static void exitWithParent() {
        String pid = System.getProperty(PARENT_PID);
        if (pid != null) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
        }
    }

    /** The node's configuration: combined roles, loopback listeners, replication 3 and min ISR 2 everywhere. */
    public static Properties serverProperties(Path dir, int nodeId, int brokerPort, int controllerPort, String voters) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("logs").toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("default.replication.factor", String.valueOf(REPLICATION));
        p.put("min.insync.replicas", String.valueOf(MIN_INSYNC));
        p.put("message.max.bytes", String.valueOf(HyclusTopics.MAX_RECORD_BYTES));
        p.put("replica.fetch.max.bytes", String.valueOf(HyclusTopics.MAX_RECORD_BYTES));
        p.put("offsets.topic.replication.factor", String.valueOf(REPLICATION));
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", String.valueOf(REPLICATION));
        p.put("transaction.state.log.min.isr", String.valueOf(MIN_INSYNC));
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", String.valueOf(REPLICATION));
        p.put("share.coordinator.state.topic.min.isr", String.valueOf(MIN_INSYNC));
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.streams.initial.rebalance.delay.ms", "0");
        p.put("unclean.leader.election.enable", "false");
        // A node that stops heartbeating is fenced (its partitions led elsewhere) after 4 s instead of 9 s.
        p.put("broker.session.timeout.ms", "4000");
        p.put("broker.heartbeat.interval.ms", "500");
        // Three nodes share the machine with the clients under test: few threads each.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.replica.fetchers", "1");
        p.put("log.cleaner.threads", "1");
        // The cleaner allocates its whole dedupe buffer at once (128 MiB by default): in a 256 MiB node that failed
        // with OutOfMemoryError once the heap held some records. 16 MiB dedupes ~500k keys, far more than tests write.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return p;
    }
}
