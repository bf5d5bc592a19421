package io.hyclus.analysis.live;

/**
 * A sample the encoder cannot use (its container missing or unreadable, a wavelength grid the model was not trained on,
 * a NaN or infinite spectrum, no spectra, a model that fails to load or to encode): the record goes to the dead-letter
 * topic with this message, and the encoder carries on.
 */
public class BadSampleException extends LiveEncoderException {
    public BadSampleException(String message) {
        super(message);
    }

    public BadSampleException(String message, Throwable cause) {
        super(message, cause);
    }
}
