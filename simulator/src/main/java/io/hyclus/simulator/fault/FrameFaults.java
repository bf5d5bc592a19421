package io.hyclus.simulator.fault;

import java.util.Set;

/**
 * Frame-delivery faults of a simulated camera, by trigger number (0-based, counted per camera):
 * at a dropped trigger one frame is lost inside the camera (its sequence number is used up and the trigger
 * yields the next frame, so the receiver sees a gap); at a duplicated trigger the camera re-sends its previous
 * frame instead of exposing a new one.
 */
public record FrameFaults(Set<Long> droppedAt, Set<Long> duplicatedAt) {
    public FrameFaults {
        droppedAt = Set.copyOf(droppedAt);
        duplicatedAt = Set.copyOf(duplicatedAt);
        if (duplicatedAt.contains(0L)) {
            throw new IllegalArgumentException("the first trigger has no previous frame to duplicate");
        }
    }

    public static FrameFaults none() {
        return new FrameFaults(Set.of(), Set.of());
    }
}
