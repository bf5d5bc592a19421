package io.hyclus.container;

import io.jhdf.WritableHdfFile;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.FileChannel;

/**
 * Works around jhdf 0.13.0's {@code WritableHdfFile.close()}, which writes the whole file and, when that write fails
 * (a full disk), throws without closing its file channel: the deleted {@code .partial} then keeps its disk space until
 * garbage collection. Re-check when jhdf is upgraded.
 */
public final class JhdfFiles {
    private JhdfFiles() {
    }

    /** Closes {@code hdf}'s file channel after a failed write; a problem doing so is added to {@code failure}. */
    public static void release(WritableHdfFile hdf, Exception failure) {
        try {
            Field f = WritableHdfFile.class.getDeclaredField("fileChannel");
            f.setAccessible(true);
            ((FileChannel) f.get(hdf)).close();
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            failure.addSuppressed(e);
        }
    }
}
