package io.hyclus.dashboard.feed;

/** Where a tray slot's sample is in the pipeline, as the dashboard sees it on the topics. Only moves forward. */
public enum SlotState {
    /** The scan started; no line has reached the slot yet. */
    WAITING,
    /** Lines over the slot are arriving. */
    SCANNING,
    /** Segmentation wrote its container ({@code hyclus.sample-containers}). */
    WRITTEN,
    /** The live encoder published its codes ({@code hyclus.sample-codes}). */
    ENCODED
}
