package io.hyclus.acquisition.sync;

import io.hyclus.acquisition.AcquisitionException;
import io.hyclus.hardware.camera.RawFrame;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks one camera's frames as they arrive: sequence numbers must rise by one (a gap means dropped frames,
 * a repeat a duplicate) and each frame must carry the encoder position it was triggered at.
 */
final class FrameSequenceMonitor {
    /** What to do with a frame. */
    enum Verdict { USE, DISCARD_DUPLICATE }

    private final String cameraId;
    private long last = -1;
    private long dropped;
    private long duplicates;
    private final List<String> events = new ArrayList<>();

    FrameSequenceMonitor(String cameraId) {
        this.cameraId = cameraId;
    }

    Verdict check(RawFrame f, long triggeredAtMicrons, long lineIndex) {
        if (last >= 0 && f.sequence() <= last) {
            duplicates++;
            note("line " + lineIndex + ": frame #" + f.sequence() + " repeated after #" + last + ", discarded");
            return Verdict.DISCARD_DUPLICATE;
        }
        if (f.encoderMicrons() != triggeredAtMicrons) {
            throw new AcquisitionException("camera " + cameraId + " frame #" + f.sequence() + " for line " + lineIndex
                    + " carries encoder position " + f.encoderMicrons() + " um, but the line was triggered at "
                    + triggeredAtMicrons + " um: cameras are out of step");
        }
        if (last >= 0 && f.sequence() > last + 1) {
            dropped += f.sequence() - last - 1;
            note("line " + lineIndex + ": frames #" + (last + 1) + "-#" + (f.sequence() - 1) + " dropped");
        }
        last = f.sequence();
        return Verdict.USE;
    }

    /** Starts a new run of frames (after references, the camera's counter simply continues). */
    void resync(RawFrame f) {
        last = f.sequence();
    }

    private void note(String s) {
        if (events.size() < 20) {
            events.add(s);
        }
    }

    long dropped() {
        return dropped;
    }

    long duplicates() {
        return duplicates;
    }

    /** One line for the scan's degradations, or none when the frames were clean. */
    List<String> degradations() {
        if (dropped == 0 && duplicates == 0) {
            return List.of();
        }
        return List.of(cameraId + ": " + dropped + " frames dropped, " + duplicates + " duplicates discarded ("
                + String.join("; ", events) + (events.size() == 20 ? "; ..." : "") + ")");
    }
}
