package io.hyclus.acquisition.sync;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.hardware.camera.RawFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Triggers every camera at one encoder position at the same time, as the shared trigger line does: the first
 * camera's frame is taken on the calling thread, the others' on one thread each. Returns the frames in camera
 * order; a camera's failure is rethrown as it is.
 */
final class Exposures implements AutoCloseable {
    private final List<RigCamera> cameras;
    private final ExecutorService others;

    Exposures(List<RigCamera> cameras) {
        this.cameras = cameras;
        this.others = cameras.size() < 2 ? null : Executors.newFixedThreadPool(cameras.size() - 1, r -> {
            Thread t = new Thread(r, "camera-exposure");
            t.setDaemon(true);
            return t;
        });
    }

    List<RawFrame> trigger(long encoderMicrons) {
        List<Future<RawFrame>> pending = new ArrayList<>();
        for (int k = 1; k < cameras.size(); k++) {
            RigCamera c = cameras.get(k);
            pending.add(others.submit(() -> c.frames().trigger(encoderMicrons)));
        }
        List<RawFrame> frames = new ArrayList<>(cameras.size());
        frames.add(cameras.get(0).frames().trigger(encoderMicrons));
        for (Future<RawFrame> f : pending) {
            frames.add(await(f));
        }
        return frames;
    }

    private static RawFrame await(Future<RawFrame> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new AcquisitionException("camera exposure failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcquisitionException("interrupted while waiting for a camera's frame", e);
        }
    }

    @Override
    public void close() {
        if (others != null) {
            others.shutdownNow();
        }
    }
}
