package io.hyclus.app.encode;

import io.hyclus.app.AppException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The encoder instance's id ({@code transactional.id} and {@code group.instance.id}), kept in {@value #FILE} in its
 * directory: created once, read at every later start, so a restart after a crash fences the dead instance's producer,
 * aborts its open transaction and takes its partitions back at once. Unique per directory: never run a copy of a work
 * directory beside its original.
 */
public final class EncoderInstanceId {
    static final String FILE = "instance.id";
    private static final Pattern ID = Pattern.compile("hyclus-encoder-[0-9a-f-]{36}");

    private EncoderInstanceId() {
    }

    /** The id kept in {@code dir} (created there on first use), for {@code LiveEncoderSettings.instanceId}. */
    public static String in(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                try {
                    Files.writeString(file, "hyclus-encoder-" + UUID.randomUUID() + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException e) {
                    // written meanwhile: read it below
                }
            }
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!ID.matcher(id).matches()) {
                throw new AppException(file + " holds '" + id + "', expected hyclus-encoder-<uuid>; delete it to get a"
                        + " new instance id");
            }
            return id;
        } catch (IOException e) {
            throw new AppException("cannot keep the encoder's instance id in " + file + ": " + e, e);
        }
    }
}
