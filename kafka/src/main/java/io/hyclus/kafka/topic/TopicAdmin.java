package io.hyclus.kafka.topic;

import io.hyclus.kafka.KafkaSupportException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates HyClus's topics on a cluster where they are missing; existing topics are left as they are. */
public final class TopicAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {
    }

    /**
     * @param partitions        partitions of each new topic
     * @param replicationFactor replicas of each new topic (1 on the embedded broker, 3 on a real cluster)
     */
    public static void ensureTopics(String bootstrapServers, List<Topic<?, ?>> topics, int partitions,
                                    short replicationFactor) {
        Map<String, Object> conf = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(conf)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (Topic<?, ?> t : topics) {
                if (existing.contains(t.name())) {
                    continue;
                }
                NewTopic nt = new NewTopic(t.name(), partitions, replicationFactor).configs(t.configs());
                try {
                    admin.createTopics(List.of(nt)).all().get(30, TimeUnit.SECONDS);
                    LOG.info("Created topic {} ({} partitions, replication {})", t.name(), partitions, replicationFactor);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new KafkaSupportException("cannot create topic " + t.name() + " on " + bootstrapServers
                                + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaSupportException("interrupted while creating topics on " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaSupportException("cannot list topics on " + bootstrapServers + " within 30 s: " + e.getMessage(), e);
        }
    }
}
