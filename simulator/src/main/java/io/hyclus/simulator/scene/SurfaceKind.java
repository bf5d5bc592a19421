package io.hyclus.simulator.scene;

/** What lies under a camera pixel. */
public enum SurfaceKind {
    /** Black rubber conveyor belt. */
    BELT,
    /** The white reference strip ahead of the tray (Spectralon-like, ~99 %). */
    WHITE_REFERENCE,
    /** The tray's white plastic floor between containers. */
    TRAY,
    /** A container's grey wall around a sample. */
    WALL,
    /** The sample powder inside a container. */
    SAMPLE
}
