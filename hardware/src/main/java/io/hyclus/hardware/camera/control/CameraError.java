package io.hyclus.hardware.camera.control;

import java.util.Arrays;

/** Error codes of the camera control protocol, sent as {@code ER <code> <name> <detail>}. */
public enum CameraError {
    /** The mnemonic is not in the command set. */
    UNKNOWN_COMMAND(1),
    /** Wrong number of arguments, or an argument that is not of the expected form. */
    BAD_ARGUMENT(2),
    /** An argument outside its range. */
    OUT_OF_RANGE(3),
    /** Valid on its own but inconsistent with the current settings (integration vs frame period, ROI vs binning). */
    CONFLICT(4),
    /** Not allowed while acquiring (binning, ROI). */
    BUSY(5),
    /** The camera could not carry the command out (shutter jammed, sensor fault). */
    HARDWARE(6);

    private final int code;

    CameraError(int code) {
        this.code = code;
    }

    /** The two-digit code on the wire. */
    public String code() {
        return String.format("%02d", code);
    }

    /**
     * @throws IllegalArgumentException for an unknown code
     */
    public static CameraError ofCode(String code) {
        return Arrays.stream(values()).filter(e -> e.code().equals(code)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown camera error code '" + code + "'"));
    }
}
