package io.hyclus.simulator.campaign;

import io.hyclus.simulator.scene.EndmemberSpectra;
import io.hyclus.simulator.scene.SampleMaterial;
import io.hyclus.simulator.scene.SimulatedSample;

import io.hyclus.core.spectral.WavelengthGrid;
import io.hyclus.core.tray.GrainSizeFraction;
import io.hyclus.simulator.spectra.BundledLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The campaign is separable the way the reference study found real samples to be: grain size easiest, plant
 * harder, month hardest, none trivial. Pixel spectra (per-pixel mixtures, texture, 0.5 % noise; 400-2500 nm at
 * 10 nm) of all 72 samples; a linear probe trained on half of each sample's pixels, tested on the other half.
 */
class CampaignSeparabilityTest {
    private static final int PIXELS_PER_SAMPLE = 160;
    private static double[][] x;
    private static int[] size;
    private static int[] plant;
    private static int[] month;
    private static boolean[] train;

    @BeforeAll
    static void pixels() {
        List<SimulatedSample> campaign = new CampaignGenerator(42).generate(YearMonth.of(2025, 1));
        WavelengthGrid grid = WavelengthGrid.uniform(400, 2500, 211, 1.0);
        EndmemberSpectra spectra = new EndmemberSpectra(BundledLibrary.open());
        int n = campaign.size() * PIXELS_PER_SAMPLE;
        x = new double[n][];
        size = new int[n];
        plant = new int[n];
        month = new int[n];
        train = new boolean[n];
        SplittableRandom rng = new SplittableRandom(7);
        double[] local = new double[32];
        int i = 0;
        for (SimulatedSample s : campaign) {
            SampleMaterial m = new SampleMaterial(s.mixture(), s.metadata().fraction(), grid, spectra);
            double[] mixLocal = new double[m.components()];
            for (int k = 0; k < PIXELS_PER_SAMPLE; k++, i++) {
                double[] r = new double[grid.bands()];
                m.pixelReflectance(rng, mixLocal, r);
                double texture = 1 + 0.03 * rng.nextGaussian();
                for (int b = 0; b < r.length; b++) {
                    r[b] = r[b] * texture + 0.005 * rng.nextGaussian();
                }
                x[i] = r;
                size[i] = s.metadata().fraction() == GrainSizeFraction.PLUS_100 ? 1 : 0;
                plant[i] = Integer.parseInt(s.metadata().plant().substring("Plant-".length())) - 1;
                month[i] = s.metadata().month().getMonthValue() - 1;
                train[i] = k % 2 == 0;
            }
        }
    }

    @Test
    void grainSize_easiest_plant_harder_month_hardest_noneTrivial() {
        double a = SoftmaxProbe.accuracy(x, size, train, 2, 1);
        double b = SoftmaxProbe.accuracy(x, plant, train, 3, 1);
        double c = SoftmaxProbe.accuracy(x, month, train, 12, 1);
        System.out.printf("linear probe accuracy: grain size %.3f, plant %.3f, month %.3f%n", a, b, c);
        assertTrue(a > b && b > c, "order size > plant > month: " + a + ", " + b + ", " + c);
        assertTrue(a < 0.995, "grain size not trivially separable: " + a);
        assertTrue(b < 0.9, "plant not trivially separable: " + b);
        assertTrue(c > 1.5 / 12 && c < 0.6, "month above chance yet hard: " + c);
    }
}
