package io.hyclus.streaming.service;

import io.hyclus.streaming.StreamingException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The segmentation instance's {@code group.instance.id} (Kafka static membership), kept in its state directory as
 * {@value #FILE}: created once, read at every later start. A restarted instance then rejoins its consumer group as
 * the member it was, and the group hands its partitions back at once; without it the group waits for the old member's
 * session to time out (45 s by default) after a crash. The id is unique per state directory, so instances with their
 * own work directories (scale-out) never share one; a copied state directory must not run beside its original.
 */
public final class StaticMembership {
    static final String FILE = "hyclus-instance.id";
    private static final Pattern ID = Pattern.compile("hyclus-[0-9a-f-]{36}");

    private StaticMembership() {
    }

    public static String instanceId(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            Files.createDirectories(stateDir);
            if (!Files.exists(file)) {
                try {
                    Files.writeString(file, "hyclus-" + UUID.randomUUID() + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException e) {
                    // written meanwhile: read it below
                }
            }
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!ID.matcher(id).matches()) {
                throw new StreamingException(file + " holds '" + id + "', expected hyclus-<uuid>; delete it to get a new"
                        + " instance id");
            }
            return id;
        } catch (IOException e) {
            throw new StreamingException("cannot keep the segmentation's instance id in " + file + ": " + e, e);
        }
    }
}
