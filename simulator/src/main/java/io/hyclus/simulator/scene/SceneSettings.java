package io.hyclus.simulator.scene;

import io.hyclus.core.Checks;

/**
 * Geometry of the simulated belt around a tray, in tray millimetres (y = 0 at the tray's leading edge).
 *
 * @param wallMm            thickness of container walls around each slot's sample region
 * @param whiteStartMm      start of the white reference strip on the belt (negative: ahead of the tray)
 * @param whiteEndMm        end of the white reference strip
 * @param shadowMm          width of the wall's shadow on the sample, on the side away from the lamp
 * @param glintProbability  chance that a sample pixel catches a specular glint
 */
public record SceneSettings(double wallMm, double whiteStartMm, double whiteEndMm, double shadowMm,
                            double glintProbability) {
    public SceneSettings {
        Checks.positive("wall thickness (mm)", wallMm);
        if (!(whiteEndMm > whiteStartMm) || whiteEndMm > 0) {
            throw new IllegalArgumentException("white reference strip must lie ahead of the tray (y < 0): "
                    + whiteStartMm + " to " + whiteEndMm + " mm");
        }
        if (shadowMm < 0) {
            throw new IllegalArgumentException("shadow width must not be negative: " + shadowMm);
        }
        if (glintProbability < 0 || glintProbability > 0.1) {
            throw new IllegalArgumentException("glint probability must be 0-0.1: " + glintProbability);
        }
    }

    /** 3 mm walls, a white strip from 60 to 30 mm ahead of the tray, 2 mm shadows, glints at 0.2 % of pixels. */
    public static SceneSettings defaults() {
        return new SceneSettings(3.0, -60.0, -30.0, 2.0, 0.002);
    }
}
