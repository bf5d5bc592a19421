package io.hyclus.core.scan;

import io.hyclus.core.Checks;

/**
 * Where a camera's pixels fall across the belt, in tray coordinates: pixel {@code p} looks at
 * {@code x = firstPixelCentreMm + p * pixelPitchMm}. Along the belt, a line taken at encoder position
 * {@code e} looks at {@code y = (e - trayOriginEncoderMicrons) / 1000} mm.
 *
 * @param firstPixelCentreMm      across-track position of pixel 0's centre on the tray, mm
 * @param pixelPitchMm            across-track footprint of one pixel on the belt, mm
 * @param trayOriginEncoderMicrons encoder position at which the tray's leading edge (y = 0) is under the
 *                                 scan line, micrometres
 */
public record AcrossTrackGeometry(double firstPixelCentreMm, double pixelPitchMm, long trayOriginEncoderMicrons) {

    public AcrossTrackGeometry {
        Checks.finite("first pixel centre (mm)", firstPixelCentreMm);
        Checks.positive("pixel pitch (mm)", pixelPitchMm);
    }

    public double xMm(int pixel) {
        return firstPixelCentreMm + pixel * pixelPitchMm;
    }

    public double yMm(long encoderMicrons) {
        return (encoderMicrons - trayOriginEncoderMicrons) / 1000.0;
    }

    /** Encoder position at which tray coordinate {@code yMm} is under the scan line. */
    public long encoderMicronsAt(double yMm) {
        return trayOriginEncoderMicrons + Math.round(yMm * 1000.0);
    }
}
