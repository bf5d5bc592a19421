package io.hyclus.app.replay;

/** How fast a replay publishes a scan's lines. */
public enum Pace {
    /** Each line as soon as it is calibrated. */
    AS_FAST_AS_POSSIBLE,
    /** Each line when as much time has passed since the first line as had passed when it was taken. */
    ORIGINAL
}
