package io.hyclus.app.replay;

import io.hyclus.app.pipeline.ClusterSize;
import io.hyclus.app.pipeline.PipelineSettings;
import io.hyclus.app.pipeline.WorkDirLock;
import io.hyclus.broker.EmbeddedBrokerSettings;
import io.hyclus.broker.EmbeddedKafkaBroker;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The cluster a replay or an export reads: the one given ({@code --bootstrap-servers}, e.g. the broker a running
 * {@code hyclus demo} embeds, so live scanning goes on), or else the embedded broker started on the work directory's
 * stored data, with the work directory locked as every command does.
 */
final class ClusterAccess implements AutoCloseable {
    private final Optional<WorkDirLock> lock;
    private final Optional<EmbeddedKafkaBroker> broker;
    private final String bootstrapServers;
    private final short replication;

    private ClusterAccess(Optional<WorkDirLock> lock, Optional<EmbeddedKafkaBroker> broker, String bootstrapServers,
                          short replication) {
        this.lock = lock;
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.replication = replication;
    }

    static ClusterAccess open(Path workDir, Optional<String> bootstrapServers, InstantSource clock, PrintWriter out) {
        if (bootstrapServers.isPresent()) {
            String b = bootstrapServers.get();
            out.println("Using Kafka cluster at " + b);
            out.flush();
            return new ClusterAccess(Optional.empty(), Optional.empty(), b, (short) ClusterSize.replicationFor(b));
        }
        WorkDirLock lock = WorkDirLock.acquire(workDir, clock.instant());
        try {
            Path dir = new PipelineSettings(workDir, Optional.empty()).brokerDir();
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedBrokerSettings.in(dir));
            out.println("Embedded Kafka broker at " + broker.bootstrapServers() + " (data in " + dir.toAbsolutePath()
                    + ")");
            out.flush();
            return new ClusterAccess(Optional.of(lock), Optional.of(broker), broker.bootstrapServers(), (short) 1);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    short replication() {
        return replication;
    }

    @Override
    public void close() {
        try {
            broker.ifPresent(EmbeddedKafkaBroker::close);
        } finally {
            lock.ifPresent(WorkDirLock::close);
        }
    }
}
