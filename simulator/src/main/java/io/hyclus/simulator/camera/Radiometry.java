package io.hyclus.simulator.camera;

import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;

/**
 * Relative spectral response of the illumination and the detector: a halogen lamp (Planck curve at
 * the lamp temperature) times a silicon (VNIR) or MCT (SWIR) quantum efficiency, scaled so the most
 * responsive band is 1.
 */
final class Radiometry {
    private static final double H = 6.62607015e-34;
    private static final double C = 2.99792458e8;
    private static final double K = 1.380649e-23;

    private Radiometry() {
    }

    static double[] relativeResponse(SensorKind kind, WavelengthGrid grid, double lampTemperatureK) {
        double[] r = new double[grid.bands()];
        double max = 0;
        for (int b = 0; b < r.length; b++) {
            double nm = grid.centreNm(b);
            r[b] = planck(nm, lampTemperatureK) * quantumEfficiency(kind, nm);
            max = Math.max(max, r[b]);
        }
        for (int b = 0; b < r.length; b++) {
            r[b] /= max;
        }
        return r;
    }

    static double planck(double nm, double kelvin) {
        double m = nm * 1e-9;
        return 1.0 / (Math.pow(m, 5) * (Math.exp(H * C / (m * K * kelvin)) - 1));
    }

    static double quantumEfficiency(SensorKind kind, double nm) {
        if (kind == SensorKind.VNIR) {
            double z = (nm - 680) / 260;
            return 0.2 + 0.75 * Math.exp(-z * z);
        }
        double z = (nm - 1700) / 700;
        double cutoff = 1.0 / (1.0 + Math.exp((nm - 2510) / 15.0));
        return (0.55 + 0.4 * Math.exp(-z * z)) * cutoff + 0.02;
    }
}
