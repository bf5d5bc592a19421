package io.hyclus.app.rig;

/** How the scanner reaches the simulated devices. */
public enum RigKind {
    /** Simulated belt and camera controls in this process, called directly, on simulated time (the demo). */
    IN_PROCESS,
    /** Simulators serving their protocols on socat pty pairs, reached through the real serial drivers (the campaign). */
    SERIAL
}
