package io.hyclus.core.io;

import io.hyclus.core.HyclusException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A process's stable instance id ({@code <prefix><uuid>}) kept in a file: created on first use, read at every later
 * start, so a restart after a crash comes back as the same Kafka static member or transactional producer (fencing the
 * dead one, taking its partitions back at once). Unique per directory: a copied directory must never run beside its
 * original.
 */
public final class InstanceIdFile {
    private InstanceIdFile() {
    }

    /**
     * The id kept in {@code file}, written there as {@code prefix + UUID} if the file does not exist.
     *
     * @throws HyclusException naming the file when it cannot be written or read, or holds something else
     */
    public static String keep(Path file, String prefix) {
        Pattern id = Pattern.compile(Pattern.quote(prefix) + "[0-9a-f-]{36}");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                try {
                    Files.writeString(file, prefix + UUID.randomUUID() + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException e) {
                    // written meanwhile: read it below
                }
            }
            String read = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!id.matcher(read).matches()) {
                throw new HyclusException(file + " holds '" + read + "', expected " + prefix + "<uuid>; delete it to get"
                        + " a new instance id");
            }
            return read;
        } catch (IOException e) {
            throw new HyclusException("cannot keep an instance id in " + file + ": " + e, e);
        }
    }
}
