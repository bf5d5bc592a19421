package io.hyclus.envi;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a {@link SpecimCapture} so that it is never seen half-written: every file goes into a hidden temporary
 * sibling of {@code capture/}, renamed to {@code capture/} by {@link #commit()}. Closing without a commit (a failed
 * scan) deletes the temporary folder. An existing {@code capture/} is never replaced.
 */
public final class SpecimCaptureWriter implements AutoCloseable {
    private final SpecimCapture target;
    private final SpecimCapture staging;
    private final List<EnviWriter> writers = new ArrayList<>();
    private boolean committed;

    private SpecimCaptureWriter(SpecimCapture target, SpecimCapture staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Starts a capture {@code name} in {@code dir} (created if missing), which must not hold a capture yet. */
    public static SpecimCaptureWriter create(Path dir, String name) {
        SpecimCapture target = new SpecimCapture(dir, name);
        if (Files.exists(target.captureDir())) {
            throw new EnviException("will not overwrite the capture in " + target.captureDir() + ": choose another folder");
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempDirectory(dir, ".capture-partial-");
            Path stagingRoot = Files.createDirectory(tmp.resolve("root"));
            Files.createDirectory(stagingRoot.resolve(SpecimCapture.CAPTURE));
            return new SpecimCaptureWriter(target, new SpecimCapture(stagingRoot, name));
        } catch (IOException e) {
            throw new EnviException("cannot start a capture in " + dir + ": " + e.getMessage(), e);
        }
    }

    public SpecimCapture target() {
        return target;
    }

    /** The scan's raster. */
    public EnviWriter data(EnviHeader header) {
        return add(EnviWriter.create(staging.dataHeader(), staging.dataRaster(), header));
    }

    /** The dark reference's raster. */
    public EnviWriter dark(EnviHeader header) {
        return add(EnviWriter.create(staging.darkHeader(), staging.darkRaster(), header));
    }

    /** The white reference's raster. */
    public EnviWriter white(EnviHeader header) {
        return add(EnviWriter.create(staging.whiteHeader(), staging.whiteRaster(), header));
    }

    private EnviWriter add(EnviWriter w) {
        writers.add(w);
        return w;
    }

    /** Closes every raster (writing its header) and moves the capture into place. */
    public SpecimCapture commit() {
        for (EnviWriter w : writers) {
            w.close();
        }
        for (Path p : List.of(staging.dataHeader(), staging.darkHeader(), staging.whiteHeader())) {
            if (!Files.isRegularFile(p)) {
                throw new EnviException("capture " + target.dataHeader() + " is incomplete: " + p.getFileName()
                        + " was never written");
            }
        }
        try {
            try {
                Files.move(staging.captureDir(), target.captureDir(), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging.captureDir(), target.captureDir());
            }
        } catch (FileAlreadyExistsException e) {
            throw new EnviException("will not overwrite the capture in " + target.captureDir(), e);
        } catch (IOException e) {
            throw new EnviException("cannot move capture into " + target.captureDir() + ": " + e.getMessage(), e);
        }
        committed = true;
        deleteStaging();
        return target;
    }

    /** Without a commit, deletes everything written. */
    @Override
    public void close() {
        if (!committed) {
            for (EnviWriter w : writers) {
                try {
                    w.close();
                } catch (RuntimeException e) {
                    // discarded anyway
                }
            }
        }
        deleteStaging();
    }

    private void deleteStaging() {
        Path tmp = staging.dir().getParent();
        if (!Files.exists(tmp)) {
            return;
        }
        try (Stream<Path> all = Files.walk(tmp)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new EnviException("cannot delete temporary capture " + tmp + ": " + e.getMessage(), e);
        }
    }
}
