package io.hyclus.simulator.fault;

import io.hyclus.hardware.camera.FrameSource;
import io.hyclus.hardware.camera.RawFrame;

/** Wraps a frame source and injects the drops and duplicates of a {@link FrameFaults} plan. */
public final class FaultyFrameSource implements FrameSource {
    private final FrameSource inner;
    private final FrameFaults faults;
    private long triggers;
    private RawFrame previous;

    public FaultyFrameSource(FrameSource inner, FrameFaults faults) {
        this.inner = inner;
        this.faults = faults;
    }

    @Override
    public synchronized RawFrame trigger(long encoderMicrons) {
        long n = triggers++;
        RawFrame frame;
        if (faults.duplicatedAt().contains(n) && previous != null) {
            frame = previous;
        } else {
            if (faults.droppedAt().contains(n)) {
                inner.trigger(encoderMicrons); // exposed, then lost on the way
            }
            frame = inner.trigger(encoderMicrons);
        }
        previous = frame;
        return frame;
    }
}
