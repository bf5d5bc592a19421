package io.hyclus.app.pipeline;

import io.hyclus.app.AppException;

import java.nio.file.Path;

/** Another process (or another pipeline in this JVM) holds the work directory's lock. */
public final class WorkDirInUseException extends AppException {
    private final Path workDir;

    WorkDirInUseException(Path workDir, String holder) {
        super("work directory " + workDir + " is in use by " + holder
                + "; wait for it to stop, or choose another work directory");
        this.workDir = workDir;
    }

    public Path workDir() {
        return workDir;
    }
}
