package io.hyclus.acquisition.calibration;

import io.hyclus.acquisition.AcquisitionException;

/** References that cannot calibrate, or a frame that does not match them. */
public class CalibrationException extends AcquisitionException {
    public CalibrationException(String message) {
        super(message);
    }
}
