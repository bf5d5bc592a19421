package io.hyclus.report;

import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.core.spectral.SensorKind;

import java.util.List;

/**
 * One camera's spectra of the report's dataset: every sample's seeded subsample, sample by sample in path order.
 *
 * @param wavelengthNm band centres shared by every sample kept, nm
 * @param spectra      reflectance as stored (not scaled), rows x bands
 * @param sampleOfRow  index into {@code samples} of each row
 * @param samples      the samples with spectra of this camera
 */
public record CameraData(SensorKind camera, double[] wavelengthNm, SpectraBlock spectra, int[] sampleOfRow,
                         List<SampleInfo> samples) {
    public CameraData {
        wavelengthNm = wavelengthNm.clone();
        samples = List.copyOf(samples);
        if (sampleOfRow.length != spectra.rows()) {
            throw new IllegalArgumentException(spectra.rows() + " spectra but " + sampleOfRow.length + " sample indices");
        }
    }

    @Override
    public double[] wavelengthNm() {
        return wavelengthNm.clone();
    }

    public int rows() {
        return spectra.rows();
    }

    /** The class of row {@code r} in category {@code c}. */
    public String label(int r, Category c) {
        return samples.get(sampleOfRow[r]).label(c);
    }

    /** Lower-case camera id for file names: {@code vnir}. */
    public String id() {
        return camera.name().toLowerCase(java.util.Locale.ROOT);
    }
}
