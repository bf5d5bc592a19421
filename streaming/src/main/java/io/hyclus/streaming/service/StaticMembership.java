package io.hyclus.streaming.service;

import io.hyclus.core.HyclusException;
import io.hyclus.core.io.InstanceIdFile;
import io.hyclus.streaming.StreamingException;

import java.nio.file.Path;

/**
 * The segmentation instance's {@code group.instance.id} (Kafka static membership), kept in its state directory as
 * {@value #FILE}: created once, read at every later start. A restarted instance then rejoins its consumer group as
 * the member it was, and the group hands its partitions back at once; without it the group waits for the old member's
 * session to time out (45 s by default) after a crash. The id is unique per state directory, so instances with their
 * own work directories (scale-out) never share one; a copied state directory must not run beside its original.
 */
public final class StaticMembership {
    static final String FILE = "hyclus-instance.id";

    private StaticMembership() {
    }

    public static String instanceId(Path stateDir) {
        try {
            return InstanceIdFile.keep(stateDir.resolve(FILE), "hyclus-");
        } catch (HyclusException e) {
            throw new StreamingException(e.getMessage(), e);
        }
    }
}
