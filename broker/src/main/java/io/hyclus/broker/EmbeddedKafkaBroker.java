package io.hyclus.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka cluster (one process acting as broker and KRaft controller) inside this JVM.
 *
 * <p>On first start the storage under {@code dataDir} is formatted with a new cluster id, which is
 * kept in {@code dataDir/cluster.id}; later starts reuse storage and id, so topics and offsets
 * survive restarts. The controller quorum is declared statically (one voter, this node), so the ports
 * may change from one start to the next.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedBrokerSettings settings;
    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(EmbeddedBrokerSettings settings, KafkaRaftServer server, String bootstrapServers) {
        this.settings = settings;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats storage if needed, starts the node and waits until it answers a client. */
    public static EmbeddedKafkaBroker start(EmbeddedBrokerSettings settings) {
        Path dir = settings.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dir);
            int brokerPort = settings.brokerPort() == 0 ? freePort() : settings.brokerPort();
            int controllerPort = settings.controllerPort() == 0 ? freePort() : settings.controllerPort();
            Properties props = serverProperties(dir, brokerPort, controllerPort, settings.maxMessageBytes());
            Path configFile = dir.resolve("server.properties");
            // Kafka's storage tool reads this file as ISO-8859-1 (Properties.load(InputStream)); storing through a
            // stream escapes every non-ASCII character as \\uXXXX, so a data directory like "wörk" survives the round trip.
            try (OutputStream o = Files.newOutputStream(configFile)) {
                props.store(o, "written by HyClus at each start of the embedded broker");
            }
            format(configFile, clusterId(dir));
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(settings, server, bootstrap);
            broker.awaitReady();
            LOG.info("Embedded Kafka broker ready at {} (data in {})", bootstrap, dir);
            return broker;
        } catch (IOException e) {
            throw new BrokerException("cannot prepare embedded broker storage in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof BrokerException) {
                throw e;
            }
            throw new BrokerException("embedded broker in " + dir + " failed to start: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public EmbeddedBrokerSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        LOG.info("Stopping embedded Kafka broker at {}", bootstrapServers);
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties serverProperties(Path dir, int brokerPort, int controllerPort, int maxMessageBytes) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("logs").toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("message.max.bytes", String.valueOf(maxMessageBytes));
        p.put("replica.fetch.max.bytes", String.valueOf(maxMessageBytes));
        // the OS's own socket buffer sizes (autotuned) instead of Kafka's 100 KiB: a scan sends 140-510 MB/s of lines
        // and raw frames on loopback; no worse in the acquisition benchmark, docs/benchmarks.md ("socket buffers")
        p.put("socket.receive.buffer.bytes", "-1");
        p.put("socket.send.buffer.bytes", "-1");
        // A single node cannot replicate: every internal topic gets one replica. The transaction state log must be
        // hostable too: segmentation runs exactly-once, and its producers' transactions live there.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.streams.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }

    static void format(Path configFile, String clusterId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString(),
                "--ignore-formatted"}, ps);
        }
        String said = out.toString(StandardCharsets.UTF_8).trim();
        if (rc != 0) {
            throw new BrokerException("formatting embedded broker storage with " + configFile + " failed (exit "
                    + rc + "): " + said);
        }
        LOG.debug("Storage format: {}", said);
    }

    private void awaitReady() {
        Map<String, Object> conf = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(conf)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new BrokerException("embedded broker at " + bootstrapServers + " did not answer within "
                                + READY_TIMEOUT.toSeconds() + " s: " + e.getMessage(), e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new BrokerException("embedded broker at " + bootstrapServers + " reported no nodes within "
                            + READY_TIMEOUT.toSeconds() + " s");
                }
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while waiting for the embedded broker");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

}
