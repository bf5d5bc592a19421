package io.hyclus.hardware.conveyor;

import io.hyclus.hardware.DeviceException;

/**
 * The axis reported a fault or warning flag, e.g. {@code FS} (stalled and stopped) or {@code WL} (a travel limit
 * was hit). The flag stays latched, and every reply carries it, until {@link Conveyor#clearWarnings()}.
 */
public class DeviceWarningException extends DeviceException {
    private final WarningFlag flag;

    public DeviceWarningException(String message, WarningFlag flag) {
        super(message);
        this.flag = flag;
    }

    public WarningFlag flag() {
        return flag;
    }
}
