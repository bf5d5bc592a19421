package io.hyclus.app.pipeline;

import io.hyclus.app.AppException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Replication for new topics on an existing cluster: 3, or the number of brokers if fewer. */
final class ClusterSize {
    private ClusterSize() {
    }

    static int replicationFor(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            int nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            return Math.max(1, Math.min(3, nodes));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new AppException("cannot reach Kafka cluster at " + bootstrapServers + " within 30 s: " + e.getMessage());
        }
    }
}
