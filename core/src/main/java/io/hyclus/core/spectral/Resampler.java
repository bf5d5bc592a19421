package io.hyclus.core.spectral;

/**
 * Resamples a spectrum onto a sensor's bands by integrating it against each band's Gaussian spectral
 * response (centre and FWHM from the grid). The source is linearly interpolated at
 * {@value #STEPS_PER_BAND} points spanning +/-3 sigma, so coarse and fine source spacings both work.
 * Where a band's response reaches past the end of the source, the part inside is renormalised; a band
 * whose centre lies outside the source is an error.
 */
public final class Resampler {
    static final int STEPS_PER_BAND = 61;
    private static final double FWHM_TO_SIGMA = 1.0 / (2.0 * Math.sqrt(2.0 * Math.log(2.0)));

    private Resampler() {
    }

    public static double[] resample(Spectrum source, WavelengthGrid grid) {
        double[] out = new double[grid.bands()];
        for (int b = 0; b < out.length; b++) {
            out[b] = band(source, grid.centreNm(b), grid.fwhmNm(b), b);
        }
        return out;
    }

    private static double band(Spectrum source, double centreNm, double fwhmNm, int band) {
        if (centreNm < source.firstNm() || centreNm > source.lastNm()) {
            throw new IllegalArgumentException(String.format(
                    "band %d at %.2f nm lies outside the source spectrum's %.2f-%.2f nm", band, centreNm,
                    source.firstNm(), source.lastNm()));
        }
        double sigma = fwhmNm * FWHM_TO_SIGMA;
        double from = centreNm - 3 * sigma;
        double step = 6 * sigma / (STEPS_PER_BAND - 1);
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < STEPS_PER_BAND; i++) {
            double nm = from + i * step;
            if (nm < source.firstNm() || nm > source.lastNm()) {
                continue;
            }
            double z = (nm - centreNm) / sigma;
            double w = Math.exp(-0.5 * z * z);
            sum += w * source.valueAt(nm);
            weights += w;
        }
        return sum / weights;
    }
}
