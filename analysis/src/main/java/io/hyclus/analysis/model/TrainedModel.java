package io.hyclus.analysis.model;

import io.hyclus.core.Checks;

/**
 * A model as the registry keeps it: its metadata, the scaler fitted on its training data, and the network or
 * projection. {@link #encode} takes spectra as measured (reflectance) and does the scaling itself.
 */
public final class TrainedModel {
    /** Band centres closer than this, nm, are the same band. */
    public static final double GRID_TOLERANCE_NM = 1e-3;

    private final ModelMetadata metadata;
    private final MinMaxScaler scaler;
    private final SpectralModel model;

    public TrainedModel(ModelMetadata metadata, MinMaxScaler scaler, SpectralModel model) {
        this.metadata = Checks.notNull("model metadata", metadata);
        this.scaler = Checks.notNull("scaler", scaler);
        this.model = Checks.notNull("model", model);
        if (scaler.bands() != metadata.bands() || model.bands() != metadata.bands()) {
            throw new ModelException("model " + metadata.ref() + ": metadata has " + metadata.bands() + " wavelengths, scaler "
                    + scaler.bands() + " bands, network " + model.bands() + " bands");
        }
        if (!model.spec().equals(metadata.spec())) {
            throw new ModelException("model " + metadata.ref() + ": metadata says " + metadata.spec() + ", network is " + model.spec());
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public ModelRef ref() {
        return metadata.ref();
    }

    public MinMaxScaler scaler() {
        return scaler;
    }

    public SpectralModel model() {
        return model;
    }

    /** Spectra as measured (rows x bands, finite) to codes (rows x code size). */
    public SpectraBlock encode(SpectraBlock raw) {
        checkBands(raw);
        raw.requireFinite("spectra to encode with " + ref());
        return model.encode(scaler.transform(raw));
    }

    /** Spectra as measured to their reconstruction through the code, on the measured scale. */
    public SpectraBlock reconstruct(SpectraBlock raw) {
        checkBands(raw);
        raw.requireFinite("spectra to reconstruct with " + ref());
        return scaler.inverse(model.decode(model.encode(scaler.transform(raw))));
    }

    /**
     * Throws a {@link ModelException} naming {@code where}, this model and the first band that differs when the data's
     * band centres are not the model's.
     */
    public void checkGrid(double[] wavelengthNm, String where) {
        double[] mine = metadata.wavelengthNm();
        if (wavelengthNm.length != mine.length) {
            throw new ModelException(where + " has " + wavelengthNm.length + " bands (" + range(wavelengthNm)
                    + "); model " + ref() + " was trained on " + mine.length + " (" + range(mine) + ")");
        }
        for (int b = 0; b < mine.length; b++) {
            if (!(Math.abs(wavelengthNm[b] - mine[b]) <= GRID_TOLERANCE_NM)) {
                throw new ModelException(where + ": band " + b + " is at " + wavelengthNm[b] + " nm; model " + ref()
                        + " has it at " + mine[b] + " nm (a different wavelength grid)");
            }
        }
    }

    private void checkBands(SpectraBlock s) {
        if (s.bands() != metadata.bands()) {
            throw new ModelException("model " + ref() + " takes " + metadata.bands() + " bands, given " + s.bands());
        }
    }

    private static String range(double[] nm) {
        return nm.length == 0 ? "none" : String.format(java.util.Locale.ROOT, "%.1f-%.1f nm", nm[0], nm[nm.length - 1]);
    }

    @Override
    public String toString() {
        return "TrainedModel[" + ref() + ", " + metadata.spec() + ", " + metadata.input() + "]";
    }
}
