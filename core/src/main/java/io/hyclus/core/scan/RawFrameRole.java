package io.hyclus.core.scan;

/** What a raw frame of a scan is: a dark reference (shutter closed), a white reference (panel under the line), or a scanline. */
public enum RawFrameRole {
    DARK, WHITE, LINE
}
