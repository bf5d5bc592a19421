package io.hyclus.app.pipeline;

import io.hyclus.app.AppException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One process per work directory; within one JVM a second lock attempt is refused the same way. */
class WorkDirLockTest {
    private static final Instant SINCE = Instant.parse("2026-11-25T20:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void acquire_createsTheDirectory_andWritesTheOwner() throws Exception {
        Path w = tmp.resolve("a/b");
        try (WorkDirLock lock = WorkDirLock.acquire(w, SINCE)) {
            assertEquals(w.resolve(WorkDirLock.FILE_NAME).toAbsolutePath(), lock.file());
            String text = Files.readString(lock.file());
            assertTrue(text.startsWith("pid=" + ProcessHandle.current().pid() + "\ncommand="), text);
            assertTrue(text.endsWith("\nsince=2026-11-25T20:00:00Z\n"), text);
        }
    }

    @Test
    void secondAcquire_whileHeld_isRefusedNamingTheHolder_thenTakenOnceReleased() {
        Path w = tmp.resolve("w");
        WorkDirLock first = WorkDirLock.acquire(w, SINCE);
        WorkDirInUseException e = assertThrows(WorkDirInUseException.class, () -> WorkDirLock.acquire(w, Instant.now()));
        assertEquals(w.toAbsolutePath(), e.workDir());
        assertTrue(e.getMessage().startsWith("work directory " + w.toAbsolutePath() + " is in use by process "
                + ProcessHandle.current().pid() + " ("), e.getMessage());
        assertTrue(e.getMessage().contains(") since 2026-11-25T20:00:00Z;"), e.getMessage());
        first.close();
        try (WorkDirLock again = WorkDirLock.acquire(w, SINCE)) {
            assertTrue(Files.exists(again.file()));
        }
    }

    @Test
    void directoryThatCannotBeCreated_givesTheOsReason() throws Exception {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        AppException e = assertThrows(AppException.class, () -> WorkDirLock.acquire(file.resolve("w"), SINCE));
        assertTrue(e.getMessage().startsWith("cannot create work directory " + file.resolve("w") + ": Not a directory"),
                e.getMessage());
    }
}
