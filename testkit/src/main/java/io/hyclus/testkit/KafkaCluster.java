package io.hyclus.testkit;

import io.hyclus.broker.KraftClusterNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A three-node Kafka cluster on 127.0.0.1 for integration tests, each node ({@link KraftClusterNode}: broker and
 * controller combined, a three-voter KRaft quorum) its own JVM ({@code -Xmx256m}, C1 only, serial GC) started from this
 * JVM's class path. Replication 3 and {@code min.insync.replicas} 2 for every topic, the transaction state log
 * included; records up to 4 MiB. Ports are picked free once and kept, storage lives under {@code dir/node-N}, so
 * {@link #kill} (SIGKILL) and {@link #restart} bring a node back as the replica it was. Each node writes its output to
 * {@code dir/node-N.log}. {@link #close} stops every node; a JVM shutdown hook kills them if the test JVM ends first,
 * and a node whose test JVM is gone (killed, so no hook ran) stops itself ({@link KraftClusterNode#PARENT_PID}).
 */
public final class KafkaCluster implements AutoCloseable {
    public static final int NODES = 3;
    /** Three KRaft JVMs on a loaded 2-core machine have taken over 90 s to list each other (seen once). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true");

    private final Path dir;
    private final String clusterId = Uuid.randomUuid().toString();
    private final int[] brokerPorts = new int[NODES];
    private final int[] controllerPorts = new int[NODES];
    private final Process[] nodes = new Process[NODES];
    private final Thread hook = new Thread(this::killAll, "kafka-cluster-kill");

    private KafkaCluster(Path dir) {
        this.dir = dir;
    }

    /** Starts three nodes under {@code dir} and waits until the cluster lists all three brokers. */
    public static KafkaCluster start(Path dir) {
        KafkaCluster c = new KafkaCluster(dir.toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(c.hook);
        try {
            for (int i = 0; i < NODES; i++) {
                c.brokerPorts[i] = freePort();
                c.controllerPorts[i] = freePort();
            }
            for (int i = 0; i < NODES; i++) {
                c.launch(i);
            }
            c.awaitBrokers(NODES);
            return c;
        } catch (RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}. */
    public String bootstrapServers() {
        List<String> s = new ArrayList<>();
        for (int p : brokerPorts) {
            s.add("127.0.0.1:" + p);
        }
        return String.join(",", s);
    }

    /** The node id (1-3) of the broker listening on {@code port}. */
    public int nodeIdOf(int port) {
        for (int i = 0; i < NODES; i++) {
            if (brokerPorts[i] == port) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no node of this cluster listens on " + port + ": " + bootstrapServers());
    }

    /** Kills node {@code nodeId} (1-3) with SIGKILL and waits until its process is gone. */
    public void kill(int nodeId) {
        Process p = nodes[index(nodeId)];
        p.destroyForcibly();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("node " + nodeId + " (pid " + p.pid() + ") still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while killing node " + nodeId, e);
        }
    }

    /** Starts node {@code nodeId} again on its storage and ports, and waits until the cluster lists three brokers. */
    public void restart(int nodeId) {
        if (nodes[index(nodeId)].isAlive()) {
            throw new IllegalStateException("node " + nodeId + " is running");
        }
        launch(index(nodeId));
        awaitBrokers(NODES);
    }

    /** The broker ids the cluster lists now. */
    public List<Integer> brokers() {
        try (Admin admin = admin()) {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().map(Node::id).sorted().toList();
        } catch (Exception e) {
            throw new AssertionError("cluster at " + bootstrapServers() + " did not describe itself: " + e, e);
        }
    }

    /** An admin client on this cluster; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /** The last lines a node wrote, for failure messages. */
    public String tail(int nodeId) {
        try {
            List<String> lines = Files.readAllLines(log(index(nodeId)), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        for (Process p : nodes) {
            if (p != null) {
                p.destroy(); // SIGTERM: a clean shutdown
            }
        }
        for (Process p : nodes) {
            if (p != null) {
                try {
                    if (!p.waitFor(20, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private void killAll() {
        for (Process p : nodes) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }

    private void launch(int i) {
        String voters = java.util.stream.IntStream.range(0, NODES)
                .mapToObj(k -> (k + 1) + "@127.0.0.1:" + controllerPorts[k]).collect(Collectors.joining(","));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        cmd.add("-D" + KraftClusterNode.PARENT_PID + "=" + ProcessHandle.current().pid()); // a node never outlives its test
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), KraftClusterNode.class.getName(),
                dir.resolve("node-" + (i + 1)).toString(), String.valueOf(i + 1), clusterId,
                String.valueOf(brokerPorts[i]), String.valueOf(controllerPorts[i]), voters));
        try {
            Files.createDirectories(dir);
            nodes[i] = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(i).toFile())).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start cluster node " + (i + 1) + ": " + e.getMessage(), e);
        }
    }

    private void awaitBrokers(int n) {
        try (Admin admin = admin()) {
            awaitListed(admin, n);
        } catch (AssertionError e) {
            StringBuilder logs = new StringBuilder(e.getMessage());
            for (int i = 1; i <= NODES; i++) {
                logs.append("\n--- node ").append(i).append(", last lines:\n").append(tail(i));
            }
            throw new AssertionError(logs.toString(), e);
        }
    }

    private void awaitListed(Admin admin, int n) {
        Await.until(START_TIMEOUT, n + " brokers listed by the cluster at " + bootstrapServers() + "; "
                + nodeStates(), () -> {
                    for (int i = 0; i < NODES; i++) {
                        if (nodes[i] != null && !nodes[i].isAlive()) {
                            throw new AssertionError("cluster node " + (i + 1) + " exited " + nodes[i].exitValue()
                                    + ":\n" + tail(i + 1));
                        }
                    }
                    try {
                        Collection<Node> listed = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                        return listed.size() == n;
                    } catch (Exception e) {
                        return false;
                    }
                });
    }

    private String nodeStates() {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            s.add("node " + (i + 1) + (nodes[i] != null && nodes[i].isAlive() ? " alive" : " not running")
                    + " (log " + log(i) + ")");
        }
        return String.join(", ", s);
    }

    private Path log(int i) {
        return dir.resolve("node-" + (i + 1) + ".log");
    }

    private static int index(int nodeId) {
        if (nodeId < 1 || nodeId > NODES) {
            throw new IllegalArgumentException("node id must be 1-" + NODES + ": " + nodeId);
        }
        return nodeId - 1;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }
}
