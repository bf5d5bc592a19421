package io.hyclus.acquisition.capture;

import io.hyclus.core.Checks;
import io.hyclus.core.tray.TrayLayout;

/**
 * What a capture from other software does not say and a replay needs: the tray on it and where the pixels and lines
 * fell on that tray (HyClus's own captures carry all of this in their headers).
 *
 * @param tray               the tray layout (from the operator's plan file)
 * @param firstPixelCentreMm across-track position of pixel 0 on the tray, mm
 * @param pixelPitchMm       across-track footprint of a pixel, mm
 * @param linePitchMm        belt travel between lines, mm; line {@code i} looks at {@code y = (i + 0.5) * pitch}
 */
public record ThirdPartyLayout(TrayLayout tray, double firstPixelCentreMm, double pixelPitchMm, double linePitchMm) {
    public ThirdPartyLayout {
        Checks.notNull("tray layout", tray);
        Checks.finite("first pixel centre (mm)", firstPixelCentreMm);
        Checks.positive("pixel pitch (mm)", pixelPitchMm);
        Checks.positive("line pitch (mm)", linePitchMm);
    }
}
