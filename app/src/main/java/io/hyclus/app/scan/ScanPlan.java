package io.hyclus.app.scan;

import io.hyclus.acquisition.capture.ThirdPartyLayout;
import io.hyclus.core.Checks;
import io.hyclus.core.tray.TrayLayout;

import java.util.Map;
import java.util.Optional;

/**
 * What the operator plans to scan: the tray layout, what the simulator should put in each slot (simulated devices
 * only), and for a capture from other software, where its pixels and lines fell.
 *
 * @param tray          the tray and its samples' regions
 * @param simulate      per sample id, mineral weights the simulated scene fills its region with (may be empty: slots
 *                      without an entry get the campaign's sample in the same position)
 * @param captureLayout pixel and line geometry of a third-party capture, if the plan gives one
 */
public record ScanPlan(TrayLayout tray, Map<String, Map<String, Double>> simulate,
                       Optional<CaptureGeometry> captureLayout) {
    public ScanPlan {
        Checks.notNull("tray layout", tray);
        simulate = Map.copyOf(simulate);
        Checks.notNull("capture layout", captureLayout);
    }

    /**
     * @param firstPixelCentreMm across-track position of pixel 0's centre on the tray, mm
     * @param pixelPitchMm       across-track footprint of a pixel, mm
     * @param linePitchMm        belt travel between lines, mm
     */
    public record CaptureGeometry(double firstPixelCentreMm, double pixelPitchMm, double linePitchMm) {
    }

    /** The layout a replay of a third-party capture needs, if the plan gives its geometry. */
    public Optional<ThirdPartyLayout> thirdParty() {
        return captureLayout.map(g -> new ThirdPartyLayout(tray, g.firstPixelCentreMm(), g.pixelPitchMm(),
                g.linePitchMm()));
    }
}
