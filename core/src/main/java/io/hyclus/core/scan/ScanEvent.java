package io.hyclus.core.scan;

/**
 * What acquisition publishes for one tray scan, in order on one partition (keyed by scan id): a
 * {@link ScanStarted}, then the {@link Scanline}s, then a {@link ScanCompleted}.
 */
public sealed interface ScanEvent permits ScanStarted, Scanline, StitchedPair, ScanCompleted {
    String scanId();
}
