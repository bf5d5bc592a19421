package io.hyclus.app.pipeline;

import io.hyclus.app.AppException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Replication for new topics on an existing cluster: 3, or the number of brokers if fewer. */
public final class ClusterSize {
    /** How long a cluster that accepted a connection may take to describe itself. */
    private static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(15);

    private ClusterSize() {
    }

    /**
     * Probes the servers first ({@link BootstrapServers}), so a cluster nobody runs fails in seconds naming them.
     */
    public static int replicationFor(String bootstrapServers) {
        BootstrapServers.probe(bootstrapServers);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) DESCRIBE_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) DESCRIBE_TIMEOUT.toMillis()))) {
            int nodes = admin.describeCluster().nodes().get(DESCRIBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS).size();
            return Math.max(1, Math.min(3, nodes));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppException("interrupted while asking the Kafka cluster at " + bootstrapServers + " for its brokers", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new AppException("the Kafka cluster at " + bootstrapServers + " did not list its brokers within "
                    + DESCRIBE_TIMEOUT.toSeconds() + " s: " + describe(e), e);
        }
    }

    /** The cause's class and message: a bare TimeoutException has no message, and "null" tells nobody anything. */
    private static String describe(Throwable e) {
        Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() != null ? ": " + t.getMessage() : "");
    }
}
