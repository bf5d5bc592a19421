package io.hyclus.app.encode;

import io.hyclus.app.AppException;
import io.hyclus.core.HyclusException;
import io.hyclus.core.io.InstanceIdFile;

import java.nio.file.Path;

/**
 * The encoder instance's id ({@code transactional.id} and {@code group.instance.id}), kept in {@value #FILE} in its
 * directory: created once, read at every later start, so a restart after a crash fences the dead instance's producer,
 * aborts its open transaction and takes its partitions back at once. Unique per directory: never run a copy of a work
 * directory beside its original.
 */
public final class EncoderInstanceId {
    static final String FILE = "instance.id";

    private EncoderInstanceId() {
    }

    /** The id kept in {@code dir} (created there on first use), for {@code LiveEncoderSettings.instanceId}. */
    public static String in(Path dir) {
        try {
            return InstanceIdFile.keep(dir.resolve(FILE), "hyclus-encoder-");
        } catch (HyclusException e) {
            throw new AppException(e.getMessage(), e);
        }
    }
}
