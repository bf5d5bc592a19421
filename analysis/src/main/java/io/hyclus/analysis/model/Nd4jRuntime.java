package io.hyclus.analysis.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J process settings the networks need: float32 by default, ND4J's periodic {@code System.gc()} off (it stalls
 * every few hundred batches; the networks use workspaces, so off-heap memory does not wait for the Java GC), and the
 * native thread counts (libnd4j's OpenMP pool and OpenBLAS) set to the training settings' thread count. These are
 * process-wide in ND4J; the last call wins. For a single thread, also start the JVM with {@code OMP_NUM_THREADS=1} so
 * the OpenMP pool is never created larger (bench/autoencoder.sh does).
 */
public final class Nd4jRuntime {
    /** 0: nothing set yet; -1: defaults only; else the thread count last set. */
    private static int configuredThreads;

    private Nd4jRuntime() {
    }

    /** float32 and periodic GC off, once; thread counts left as they are (ND4J's default or an earlier configure). */
    public static synchronized void defaults() {
        if (configuredThreads == 0) {
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
            Nd4j.getMemoryManager().togglePeriodicGc(false);
            configuredThreads = -1;
        }
    }

    /** {@link #defaults()} and the native thread counts. */
    public static synchronized void configure(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("ND4J threads must be positive, got " + threads);
        }
        if (configuredThreads == threads) {
            return;
        }
        defaults();
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        configuredThreads = threads;
    }
}
