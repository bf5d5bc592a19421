package io.hyclus.app.pipeline;

import io.hyclus.app.AppException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive lock on a work directory, held from before the embedded broker starts until the pipeline stops:
 * two processes on one directory would corrupt the broker's metadata log. The lock is an OS file lock on
 * {@value #FILE_NAME}, so it is released when its process dies, however it dies; the file also holds the pid,
 * command and start time of the owner, so the refusal can say who holds it.
 */
public final class WorkDirLock implements AutoCloseable {
    /** The lock file inside the work directory. */
    public static final String FILE_NAME = ".hyclus.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkDirLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the work directory if needed and locks it for this process.
     *
     * @param since when this process took the directory, written into the lock file
     * @throws WorkDirInUseException if another process (or another pipeline in this JVM) holds it
     * @throws AppException          if the directory or the lock file cannot be created, with the OS's reason
     */
    public static WorkDirLock acquire(Path workDir, Instant since) {
        Path dir = workDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AppException("cannot create work directory " + dir + ": " + reason(e), e);
        }
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new AppException("cannot open lock file " + file + " of the work directory: " + reason(e), e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new WorkDirInUseException(dir, holder(file));
            }
            ProcessHandle me = ProcessHandle.current();
            String owner = "pid=" + me.pid() + "\ncommand=" + me.info().commandLine().orElse("(unknown)")
                    + "\nsince=" + since + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new WorkDirLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new AppException("cannot lock work directory " + dir + " through " + file + ": " + reason(e), e);
        }
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Releases the lock; the file stays (deleting it could let two processes lock two different files). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    /** Null when another process holds the lock; a lock held in this JVM counts the same. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String pid = field(text, "pid");
            if (pid == null) {
                return "another process (it has not yet written its pid into " + file + ")";
            }
            return "process " + pid + " (" + field(text, "command") + ") since " + field(text, "since");
        } catch (IOException e) {
            return "another process (" + file + " unreadable: " + reason(e) + ")";
        }
    }

    private static String field(String text, String key) {
        return text.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElse(null);
    }

    /** The OS's reason: "No such file or directory", "Permission denied", ... rather than just the path. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + (fse.getFile() != null ? " (" + fse.getFile() + ")" : "");
        }
        if (e instanceof AccessDeniedException ade) {
            return "permission denied (" + ade.getFile() + ")";
        }
        if (e instanceof NoSuchFileException nsf) {
            return "no such file or directory (" + nsf.getFile() + ")";
        }
        if (e instanceof FileAlreadyExistsException fae) {
            return "a file that is not a directory is in the way (" + fae.getFile() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
