package io.hyclus.simulator.camera;

/**
 * What a simulated camera pixel really saw in one frame: the simulator's ground truth, against which the material
 * mask is measured. A binned pixel that covered more than one kind of surface is {@link #MIXED}.
 */
public enum PixelTruth {
    BELT,
    WHITE_REFERENCE,
    TRAY,
    WALL,
    /** The sample powder, lit and without a glint: the only truth that is the sample's material. */
    SAMPLE,
    /** The sample in a wall's shadow. */
    SAMPLE_SHADOW,
    /** The sample with a specular glint. */
    SAMPLE_GLINT,
    /** A binned pixel over more than one of the above. */
    MIXED
}
