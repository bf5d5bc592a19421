package io.hyclus.hardware.conveyor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The two-letter warning flags of the Zaber ASCII protocol (firmware 6 and 7). The first letter gives the
 * severity: {@code F} fault, {@code W} warning, {@code N} notice. A reply shows the most severe active flag,
 * {@code --} when none. Codes not listed here map to {@code UNLISTED_*} by their first letter.
 */
public enum WarningFlag {
    DRIVER_DISABLED("FD", "driver disabled (overheating or by command)"),
    ENCODER_ERROR("FQ", "encoder error"),
    STALLED_AND_STOPPED("FS", "stalled and stopped"),
    EXCESSIVE_TWIST("FT", "excessive twist"),
    STREAM_BOUNDS_ERROR("FB", "stream bounds error"),
    PATH_DEVIATION("FP", "interpolated path deviation"),
    LIMIT_ERROR("FE", "limit sensor error"),
    NOT_HOMED("WH", "device not homed"),
    UNEXPECTED_LIMIT_TRIGGER("WL", "unexpected limit trigger"),
    VOLTAGE_OUT_OF_RANGE("WV", "supply voltage out of range"),
    TEMPERATURE_HIGH("WT", "controller temperature high"),
    DISPLACED_WHEN_STATIONARY("WS", "displaced when stationary"),
    DISPLACED("WM", "displaced"),
    NO_REFERENCE_POSITION("WR", "no reference position"),
    MANUAL_CONTROL("NC", "manual control"),
    COMMAND_INTERRUPTED("NI", "command interrupted"),
    STREAM_DISCONTINUITY("ND", "stream discontinuity"),
    SETTING_UPDATE_PENDING("NU", "setting update pending"),
    UNLISTED_FAULT("F?", "unlisted fault"),
    UNLISTED_WARNING("W?", "unlisted warning"),
    UNLISTED_NOTICE("N?", "unlisted notice");

    /** The "no warning" placeholder in replies. */
    public static final String NONE = "--";

    private static final Map<String, WarningFlag> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(WarningFlag::code, Function.identity()));

    /** How much a flag matters to a caller. */
    public enum Severity { FAULT, WARNING, NOTICE }

    private final String code;
    private final String description;

    WarningFlag(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The two-letter code as the device sends it. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public Severity severity() {
        switch (code.charAt(0)) {
            case 'F': return Severity.FAULT;
            case 'W': return Severity.WARNING;
            default: return Severity.NOTICE;
        }
    }

    /**
     * The flag for a two-letter code ({@code --} is not a flag).
     *
     * @throws IllegalArgumentException for anything but two letters starting with F, W or N
     */
    public static WarningFlag ofCode(String code) {
        if (code == null || !code.matches("[FWN][A-Z]")) {
            throw new IllegalArgumentException("warning flag must be two capital letters starting with F, W or N: '"
                    + code + "'");
        }
        WarningFlag known = BY_CODE.get(code);
        if (known != null) {
            return known;
        }
        return BY_CODE.get(code.charAt(0) + "?");
    }

    @Override
    public String toString() {
        return code + " (" + description.toLowerCase(Locale.ROOT) + ")";
    }
}
