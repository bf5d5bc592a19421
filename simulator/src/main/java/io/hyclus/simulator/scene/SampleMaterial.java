package io.hyclus.simulator.scene;

import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A sample's surface on one camera's bands: each component mineral's K/S spectrum (from its library
 * spectrum of the right grain size) and its fraction. Each pixel sees a few grains, so its local
 * fractions are a Dirichlet draw around the sample's; fewer, larger grains per pixel in the coarse
 * fraction make that spread wider.
 */
public final class SampleMaterial {
    /** K/S multiplier for a coarse sample whose mineral has only a fine-grained library spectrum. */
    static final double COARSE_KS_FACTOR = 2.0;
    /** Dirichlet concentration: grains contributing to one pixel, per fraction. */
    static final double GRAINS_PER_PIXEL_FINE = 150;
    static final double GRAINS_PER_PIXEL_COARSE = 60;

    private final double[][] ks;
    private final double[] fractions;
    private final double concentration;
    private final List<String> sources;

    public SampleMaterial(MineralMixture mixture, GrainSizeFraction size, WavelengthGrid grid, EndmemberSpectra spectra) {
        int n = mixture.components().size();
        ks = new double[n][grid.bands()];
        fractions = new double[n];
        List<String> src = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MineralFraction c = mixture.components().get(i);
            EndmemberSpectra.Choice choice = spectra.choose(c.mineral(), size, grid);
            double factor = !choice.sizeMatched() && size == GrainSizeFraction.PLUS_100 ? COARSE_KS_FACTOR : 1.0;
            for (int b = 0; b < grid.bands(); b++) {
                ks[i][b] = factor * KubelkaMunk.kOverS(choice.reflectance()[b]);
            }
            fractions[i] = c.fraction();
            src.add(c.mineral() + "=" + choice.entry().file() + (factor != 1.0 ? " (K/S x" + factor + ")" : ""));
        }
        concentration = size == GrainSizeFraction.PLUS_100 ? GRAINS_PER_PIXEL_COARSE : GRAINS_PER_PIXEL_FINE;
        sources = Collections.unmodifiableList(src);
    }

    public int bands() {
        return ks[0].length;
    }

    /** Which library spectrum each mineral came from, for provenance. */
    public List<String> sources() {
        return sources;
    }

    /** The noise-free reflectance of the sample's mean composition. */
    public double[] meanReflectance() {
        double[] out = new double[bands()];
        mix(fractions, out);
        return out;
    }

    /** One pixel's reflectance: local fractions drawn around the sample's, mixed in K/S space. */
    public void pixelReflectance(RandomGenerator rng, double[] local, double[] out) {
        Gamma.dirichlet(rng, fractions, concentration, local);
        mix(local, out);
    }

    public int components() {
        return fractions.length;
    }

    private void mix(double[] f, double[] out) {
        for (int b = 0; b < out.length; b++) {
            double sum = 0;
            for (int i = 0; i < f.length; i++) {
                sum += f[i] * ks[i][b];
            }
            out[b] = KubelkaMunk.reflectance(sum);
        }
    }
}
